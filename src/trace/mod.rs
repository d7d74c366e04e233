//! The lifecycle trace (`--trace`, `--trace-file`, `--trace-json`, `--timeline`): one
//! event per step of the coroutine/Task/Future story, numbered, stamped with the loop's
//! clock (virtual or real) and the task it belongs to, indented by await depth.
//!
//! - this file: the options, the on/off flag the hot paths test, the recorder, the
//!   text log (streamed as events happen) and writing the files at the end;
//! - hooks.rs: what the VM and the scheduler call, and how objects are described;
//! - chrome.rs: Chrome trace-event JSON; svg.rs: the timeline picture.
//!
//! Tracing never writes to stdout and never runs code that could: the program's output
//! is the same with and without it. When off, each hook costs one relaxed atomic load.

mod chrome;
mod hooks;
mod svg;

pub use hooks::*;

use crate::vm::Vm;
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Set when any trace output was asked for.
static ENABLED: AtomicBool = AtomicBool::new(false);
static OPTIONS: OnceLock<Options> = OnceLock::new();

/// Is tracing on? (The check every hook site makes first.)
#[inline(always)]
pub fn enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}

/// What to produce.
#[derive(Default, Clone, Debug)]
pub struct Options {
    /// `--trace`: the text log on stderr.
    pub text_stderr: bool,
    /// `--trace-file PATH`: the text log into a file.
    pub text_file: Option<PathBuf>,
    /// `--trace-json PATH`
    pub json: Option<PathBuf>,
    /// `--timeline PATH.svg`
    pub svg: Option<PathBuf>,
}

impl Options {
    fn any(&self) -> bool {
        self.text_stderr || self.text_file.is_some() || self.json.is_some() || self.svg.is_some()
    }
}

/// Sets the options once, before the program runs. A text file that cannot be created
/// is reported as an error message for the command line.
pub fn configure(opts: Options) -> Result<(), String> {
    if let Some(p) = &opts.text_file {
        std::fs::File::create(p)
            .map_err(|e| format!("cannot write the trace file '{}': {}", p.display(), e))?;
    }
    let on = opts.any();
    let _ = OPTIONS.set(opts);
    ENABLED.store(on, Ordering::Relaxed);
    Ok(())
}

/// The kinds of event, in the words of the seed's story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    CoroCreated,
    Send,
    Throw,
    Resumed,
    Suspended,
    Returned,
    Raised,
    TaskCreated,
    StepScheduled,
    StepBegin,
    StepEnd,
    Wakeup,
    FutureResolved,
    TimerSet,
    TimerFired,
    Callback,
    CancelRequested,
    CancelDelivered,
    NeverAwaited,
    Destroyed,
    Deadlock,
}

impl Kind {
    /// The event's name in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Kind::CoroCreated => "coroutine created",
            Kind::Send => "send",
            Kind::Throw => "throw",
            Kind::Resumed => "resumed",
            Kind::Suspended => "suspended",
            Kind::Returned => "returned",
            Kind::Raised => "raised",
            Kind::TaskCreated => "task created",
            Kind::StepScheduled => "step scheduled",
            Kind::StepBegin => "step",
            Kind::StepEnd => "step end",
            Kind::Wakeup => "wake-up",
            Kind::FutureResolved => "future resolved",
            Kind::TimerSet => "timer set",
            Kind::TimerFired => "timer fired",
            Kind::Callback => "callback",
            Kind::CancelRequested => "cancel requested",
            Kind::CancelDelivered => "cancel delivered",
            Kind::NeverAwaited => "never awaited",
            Kind::Destroyed => "destroyed",
            Kind::Deadlock => "deadlock",
        }
    }
}

/// What a task is doing after a step, for the timeline.
#[derive(Clone, Debug, PartialEq)]
pub enum After {
    /// Suspended, waiting on the described object.
    Waiting(String),
    /// Back in the ready queue (a bare yield).
    Ready,
    /// Finished (returned, raised or cancelled).
    Done(String),
}

/// One recorded event.
#[derive(Clone, Debug)]
pub struct Event {
    pub seq: u64,
    /// Seconds on the loop's clock since the start (virtual when on).
    pub time: f64,
    /// A strictly increasing timestamp in microseconds for the JSON output (real time,
    /// or virtual time with one microsecond per event at the same instant).
    pub ts: f64,
    /// The task the event belongs to (None: the loop or the main program).
    pub task: Option<Rc<str>>,
    pub depth: usize,
    pub kind: Kind,
    pub text: String,
    /// The task the event concerns (created, scheduled or woken), when another.
    pub other: Option<Rc<str>>,
    /// Flow id linking a Future's resolution to the step it wakes.
    pub flow: Option<u64>,
    /// For StepEnd: the task's state after the step.
    pub after: Option<After>,
    /// Recorded for the JSON and the timeline, but not a line of the text log (it
    /// would repeat the line before or after it).
    pub quiet: bool,
}

struct Tracer {
    opts: Options,
    seq: u64,
    last_ts: f64,
    keep: bool,
    events: Vec<Event>,
    out: Option<Box<dyn Write>>,
    /// The task whose step is running.
    current: Option<Rc<str>>,
    /// Await depth: how many traced coroutines are running inside each other.
    depth: usize,
    /// Short names of Futures and other objects, by address.
    labels: HashMap<usize, Rc<str>>,
    counters: HashMap<String, u64>,
    /// Flows from a resolution to the wake-up it scheduled: (future, task) → id.
    flows: HashMap<(usize, usize), u64>,
    next_flow: u64,
    finished: bool,
}

thread_local! {
    static TRACER: RefCell<Option<Tracer>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut Tracer) -> R) -> Option<R> {
    TRACER
        .try_with(|t| {
            let mut t = t.borrow_mut();
            if t.is_none() {
                let opts = OPTIONS.get().cloned().unwrap_or_default();
                let out: Option<Box<dyn Write>> = match &opts.text_file {
                    Some(p) => std::fs::File::create(p)
                        .ok()
                        .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>),
                    None if opts.text_stderr => Some(Box::new(std::io::stderr())),
                    None => None,
                };
                *t = Some(Tracer {
                    keep: opts.json.is_some() || opts.svg.is_some(),
                    opts,
                    seq: 0,
                    last_ts: -1.0,
                    events: Vec::new(),
                    out,
                    current: None,
                    depth: 0,
                    labels: HashMap::new(),
                    counters: HashMap::new(),
                    flows: HashMap::new(),
                    next_flow: 1,
                    finished: false,
                });
            }
            t.as_mut().map(f)
        })
        .ok()
        .flatten()
}

/// A new event about to be emitted.
pub(crate) struct Draft {
    pub kind: Kind,
    pub text: String,
    pub other: Option<Rc<str>>,
    pub flow: Option<u64>,
    pub after: Option<After>,
    /// Overrides the task the event is attributed to.
    pub task: Option<Rc<str>>,
    pub quiet: bool,
}

impl Draft {
    pub fn new(kind: Kind, text: String) -> Draft {
        Draft {
            kind,
            text,
            other: None,
            flow: None,
            after: None,
            task: None,
            quiet: false,
        }
    }
    pub fn quiet(mut self) -> Draft {
        self.quiet = true;
        self
    }
    pub fn other(mut self, t: Option<Rc<str>>) -> Draft {
        self.other = t;
        self
    }
    pub fn flow(mut self, f: Option<u64>) -> Draft {
        self.flow = f;
        self
    }
    pub fn after(mut self, a: After) -> Draft {
        self.after = Some(a);
        self
    }
    pub fn task(mut self, t: Option<Rc<str>>) -> Draft {
        self.task = t;
        self
    }
}

/// Records an event, and writes its line to the text log. The program's buffered
/// stdout is flushed first so that, on a terminal, the two read in order.
pub(crate) fn emit(vm: &mut Vm, new: Draft) {
    if !enabled() {
        return;
    }
    let wants_flush = with(|t| t.opts.text_stderr && t.out.is_some()).unwrap_or(false);
    if wants_flush {
        vm.flush_stdout();
    }
    let time = crate::runtime::trace_time();
    with(|t| {
        if t.finished {
            return;
        }
        if !new.quiet {
            t.seq += 1;
        }
        let ts = if crate::runtime::virtual_time() {
            (time * 1e6).max(t.last_ts + 1.0)
        } else {
            (time * 1e6).max(t.last_ts)
        };
        t.last_ts = ts;
        let ev = Event {
            seq: t.seq,
            time,
            ts,
            task: new.task.or_else(|| t.current.clone()),
            depth: t.depth,
            kind: new.kind,
            text: new.text,
            other: new.other,
            flow: new.flow,
            after: new.after,
            quiet: new.quiet,
        };
        if let (Some(out), false) = (t.out.as_mut(), ev.quiet) {
            let _ = out.write_all(line(&ev).as_bytes());
        }
        if t.keep {
            t.events.push(ev);
        }
    });
}

/// One line of the text log: `#SEQ  TIME  TASK  <indent>TEXT`.
fn line(ev: &Event) -> String {
    let task = ev.task.as_deref().unwrap_or("-");
    format!(
        "#{:<5} {:>10.6}  {:<8} {}{}\n",
        ev.seq,
        ev.time,
        task,
        "  ".repeat(ev.depth),
        ev.text
    )
}

/// Writes the JSON and SVG files and flushes the text log (once; called when the
/// program ends, including at a deadlock exit).
pub fn finish(_vm: &mut Vm) {
    if !enabled() {
        return;
    }
    let done = with(|t| {
        if t.finished {
            return None;
        }
        t.finished = true;
        if let Some(out) = t.out.as_mut() {
            let _ = out.flush();
        }
        Some((std::mem::take(&mut t.events), t.opts.clone()))
    })
    .flatten();
    let Some((events, opts)) = done else { return };
    if let Some(p) = &opts.json {
        let text = chrome::render(&events, crate::runtime::virtual_time());
        if let Err(e) = std::fs::write(p, text) {
            eprintln!("baton: cannot write '{}': {}", p.display(), e);
        }
    }
    if let Some(p) = &opts.svg {
        let text = svg::render(&events, crate::runtime::virtual_time());
        if let Err(e) = std::fs::write(p, text) {
            eprintln!("baton: cannot write '{}': {}", p.display(), e);
        }
    }
}

pub(crate) fn depth_enter() {
    with(|t| t.depth += 1);
}

pub(crate) fn depth_leave() {
    with(|t| t.depth = t.depth.saturating_sub(1));
}

pub(crate) fn set_current(task: Option<Rc<str>>) -> Option<Rc<str>> {
    with(|t| std::mem::replace(&mut t.current, task)).flatten()
}

/// The short label of an object by address (`Future-3`), creating one of the form
/// `PREFIX-N` when `fresh` or when the address has none yet.
pub(crate) fn label(addr: usize, prefix: &str, fresh: bool) -> Rc<str> {
    with(|t| {
        if !fresh {
            if let Some(l) = t.labels.get(&addr) {
                return l.clone();
            }
        }
        let n = t.counters.entry(prefix.to_string()).or_insert(0);
        *n += 1;
        let l: Rc<str> = Rc::from(format!("{}-{}", prefix, n));
        t.labels.insert(addr, l.clone());
        l
    })
    .unwrap_or_else(|| Rc::from(prefix))
}

/// Renames an object (a Future gets `<sleep 0.1>` once its timer is known).
pub(crate) fn relabel(addr: usize, l: Rc<str>) {
    with(|t| t.labels.insert(addr, l));
}

pub(crate) fn new_flow(fut: usize, task: usize) -> u64 {
    with(|t| {
        let id = t.next_flow;
        t.next_flow += 1;
        t.flows.insert((fut, task), id);
        id
    })
    .unwrap_or(0)
}

pub(crate) fn take_flow(fut: usize, task: usize) -> Option<u64> {
    with(|t| t.flows.remove(&(fut, task))).flatten()
}
