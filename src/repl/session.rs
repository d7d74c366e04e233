//! The VM side of the REPL, on its own thread (with the interpreter's large stack). It
//! owns the VM and the event loop: between inputs it runs the loop's ready callbacks
//! and due timers, so tasks created at the prompt go on while the user types (as in
//! `python -m asyncio`); it runs each input (as a task on the loop when it awaits),
//! echoes values, reports errors and deadlocks, and keeps all state. VM values never
//! leave this thread: the input thread gets only strings.

use super::output::Out;
use super::{commands, Completions, FromVm, ToVm};
use crate::modules::import::{ModuleSlots, RunError};
use crate::runtime::host::{self, Next};
use crate::vm::error::ExcType;
use crate::vm::output::Stream;
use crate::vm::value::{Function, Module, PyStr, Value};
use crate::vm::{PyErr, Vm};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// Why an awaiting input stopped before its task finished by itself.
enum Stopped {
    /// Ctrl-C while the loop waited for a timer: the task was cancelled.
    Interrupted,
    /// An exception escaped the loop from the input's own task.
    Raised(PyErr),
    /// Already reported (a deadlock, or an exception from another task): the task was
    /// cancelled.
    Reported,
}

/// When the current background cycle started (milliseconds since `EPOCH`), or 0 while
/// the VM is not running background work at the prompt.
static BUSY_SINCE: AtomicU64 = AtomicU64::new(0);

fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

fn busy(on: bool) {
    let ms = if on {
        epoch().elapsed().as_millis().max(1) as u64
    } else {
        0
    };
    BUSY_SINCE.store(ms, Ordering::Relaxed);
}

/// Has background code been running without a break for longer than `ms`? (Asked by
/// the input thread when Ctrl-C is typed at the prompt.)
pub fn busy_for(ms: u64) -> bool {
    let since = BUSY_SINCE.load(Ordering::Relaxed);
    since != 0 && (epoch().elapsed().as_millis() as u64).saturating_sub(since) > ms
}

/// The longest the VM sleeps without looking at the interrupt flag.
const POLL: f64 = 0.05;

pub struct Session {
    pub vm: Vm,
    pub main: Rc<Module>,
    /// The private module compiled from support.py.
    pub support: Rc<Module>,
    pub loop_: Value,
    /// Tasks that ran inputs; kept for %tasks until the next input.
    pub last_input_task: Option<Value>,
    at_prompt: Rc<Cell<bool>>,
    out: SyncSender<Out>,
    /// Inputs compiled so far, and the name of the latest (`<python-input-N>`).
    inputs: usize,
    input_name: String,
}

/// The VM thread: sets up, then serves inputs until the session ends.
pub fn vm_thread(rx: Receiver<ToVm>, tx: Sender<FromVm>, out: SyncSender<Out>) {
    let mut s = match Session::new(out) {
        Ok(s) => s,
        Err(text) => {
            eprintln!("baton: cannot start the REPL: {}", text);
            let _ = tx.send(FromVm::Exit(1));
            return;
        }
    };
    let code = s.serve(&rx, &tx);
    s.vm.flush_stdout();
    s.barrier();
    let _ = tx.send(FromVm::Exit(code));
}

impl Session {
    fn new(out: SyncSender<Out>) -> Result<Session, String> {
        let mut vm = Vm::new();
        vm.argv = vec![String::new()];
        vm.script_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let at_prompt = Rc::new(Cell::new(false));
        {
            let out = out.clone();
            let at_prompt = at_prompt.clone();
            crate::vm::output::set_sink(Some(Box::new(move |stream: Stream, bytes: &[u8]| {
                let _ = out.send(Out::Text {
                    stream,
                    bytes: bytes.to_vec(),
                    at_prompt: at_prompt.get(),
                });
            })));
        }
        let main = Rc::new(Module::new("__main__", "<stdin>"));
        vm.modules
            .insert("__main__".into(), Value::Module(main.clone()));
        main.set("__name__", Value::Str(Rc::new(PyStr::new("__main__"))));
        let support = Rc::new(Module::new("__baton_repl__", "<baton-repl>"));
        let source = include_str!("support.py");
        let started = vm.run_module_source(&support, "<baton-repl>", source);
        if let Err(e) = started {
            let text = match e {
                RunError::Syntax(e) => e.render("<baton-repl>", source),
                RunError::Exception(e) => {
                    let exc = vm.normalize(e);
                    vm.format_exception(&exc)
                }
            };
            return Err(text);
        }
        let loop_ = support.get("loop").unwrap_or(Value::None);
        for name in ["exit", "quit", "help"] {
            if let Some(v) = support.get(name) {
                vm.builtins.set(name, v);
            }
        }
        if let Some(asyncio) = vm.modules.get("asyncio").cloned() {
            main.set("asyncio", asyncio);
        }
        crate::vm::signals::install_interrupt_handler();
        Ok(Session {
            vm,
            main,
            support,
            loop_,
            last_input_task: None,
            at_prompt,
            out,
            inputs: 0,
            input_name: String::new(),
        })
    }

    /// Waits until everything written so far is out (bounded).
    fn barrier(&mut self) {
        self.vm.flush_stdout();
        let (done, wait) = std::sync::mpsc::sync_channel(1);
        if self.out.send(Out::Barrier(done)).is_ok() {
            let _ = wait.recv_timeout(Duration::from_secs(2));
        }
    }

    fn serve(&mut self, rx: &Receiver<ToVm>, tx: &Sender<FromVm>) -> i32 {
        loop {
            self.vm.flush_stdout();
            self.barrier();
            crate::vm::signals::clear_interrupt();
            self.at_prompt.set(true);
            if tx.send(FromVm::Ready(self.completions())).is_err() {
                return 0;
            }
            let msg = self.idle(rx);
            self.vm.flush_stdout();
            self.at_prompt.set(false);
            match msg {
                Some(ToVm::Run(text)) => {
                    // A Ctrl-C from now on (the terminal is no longer raw) interrupts
                    // this input.
                    if let Some(code) = self.run_input(&text) {
                        return code;
                    }
                }
                Some(ToVm::Exit) | None => return 0,
            }
        }
    }

    /// Runs the loop's background work until an input arrives.
    fn idle(&mut self, rx: &Receiver<ToVm>) -> Option<ToVm> {
        loop {
            match rx.try_recv() {
                Ok(m) => return Some(m),
                Err(std::sync::mpsc::TryRecvError::Disconnected) => return None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
            busy(true);
            let cycle = host::run_once_if_ready(&mut self.vm, &self.loop_);
            busy(false);
            let wait = match cycle {
                Ok(Next::Run) => {
                    self.after_cycle();
                    continue;
                }
                Ok(Next::Timer(secs)) => Some(secs),
                Ok(Next::Nothing) => None,
                Err(e) => {
                    self.after_cycle();
                    self.background_error(e);
                    continue;
                }
            };
            let got = match wait {
                Some(secs) => rx.recv_timeout(Duration::from_secs_f64(secs.clamp(0.0, 3600.0))),
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            match got {
                Ok(m) => return Some(m),
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// An exception that escaped the loop while the prompt waited (KeyboardInterrupt
    /// or SystemExit out of a task). The prompt is showing and cannot be taken away, so
    /// even SystemExit only reports: the session goes on.
    fn background_error(&mut self, e: PyErr) {
        if self.vm.err_is(&e, ExcType::SystemExit) {
            self.vm.frames.clear();
            self.vm.stack.clear();
            let exc = self.vm.normalize(e);
            let text = self.vm.repr_string(&exc).unwrap_or_default();
            self.vm.write_stderr(&format!(
                "baton: a background task raised {}; the session goes on (exit or Ctrl-D to leave)\n",
                text
            ));
            return;
        }
        self.report(e);
    }

    fn after_cycle(&mut self) {
        self.vm.run_finalizers();
        self.vm.flush_stdout();
    }

    /// Prints an error's traceback; the session goes on. SystemExit gives the status
    /// the session must end with.
    pub fn report(&mut self, err: PyErr) -> Option<i32> {
        // The frames of a failed input are gone; the session carries on.
        self.vm.frames.clear();
        self.vm.stack.clear();
        self.vm.exc_info = Value::None;
        if self.vm.err_is(&err, ExcType::SystemExit) {
            return Some(crate::run::report_uncaught(&mut self.vm, err));
        }
        let hint = self.asyncio_run_hint(&err);
        crate::run::report_uncaught(&mut self.vm, err);
        if let Some(h) = hint {
            self.vm.write_stderr(h);
        }
        None
    }

    fn asyncio_run_hint(&mut self, err: &PyErr) -> Option<&'static str> {
        if !self.vm.err_is(err, ExcType::RuntimeError) {
            return None;
        }
        let exc = self.vm.normalize(err.clone());
        let text = self.vm.str_string(&exc).unwrap_or_default();
        (text.contains("cannot be called from a running event loop")
            || text.contains("This event loop is already running"))
        .then_some(
            "hint: this prompt already runs inside an event loop (as `python -m asyncio` does): \
             write `await main()` instead of `asyncio.run(main())`, and \
             `asyncio.create_task(...)` to start work in the background\n",
        )
    }

    /// Runs one input; `Some(status)` when the session must end.
    fn run_input(&mut self, source: &str) -> Option<i32> {
        let trimmed = source.trim_start();
        if let Some(cmd) = trimmed.strip_prefix('%') {
            let r = commands::run(self, cmd.trim_end());
            self.vm.run_finalizers();
            return r;
        }
        let code = match self.compile(source) {
            Ok(code) => code,
            Err(RunError::Syntax(e)) => {
                let text = e.render(&self.input_name, source);
                self.vm.write_stderr(&text);
                return None;
            }
            Err(RunError::Exception(e)) => return self.report(e),
        };
        let result = if code.flags.coroutine {
            self.run_awaiting(code)
        } else {
            self.vm.run_code(&self.main.clone(), code)
        };
        self.vm.run_finalizers();
        match result {
            Ok(Value::None) => {}
            Ok(v) => match self.vm.repr_string(&v) {
                Ok(text) => {
                    self.vm.print_line(&text);
                    self.vm.builtins.set("_", v);
                }
                Err(e) => return self.report(e),
            },
            Err(e) => return self.report(e),
        }
        self.vm.flush_stdout();
        None
    }

    /// Compiles an input with top-level await allowed.
    pub fn compile(
        &mut self,
        source: &str,
    ) -> Result<Rc<crate::compile::code::CodeObject>, RunError> {
        // Each input is its own "file", as in CPython 3.13's REPL, so that a traceback
        // through a function defined earlier shows that function's own source line.
        let name = format!("<python-input-{}>", self.inputs);
        self.inputs += 1;
        self.input_name = name.clone();
        let ast = crate::syntax::parse_module(source).map_err(RunError::Syntax)?;
        self.vm.sources.insert(name.as_str().into(), source.into());
        let mut slots = ModuleSlots::new(&self.main);
        let code = crate::compile::compile_repl_input(&ast, source, &name, &mut slots)
            .map_err(RunError::Syntax)?;
        self.vm.print_syntax_warnings(&name, &slots.warnings);
        Ok(code)
    }

    /// Evaluates an input without echoing it (for %state and %dis).
    pub fn evaluate(&mut self, source: &str) -> Result<Value, PyErr> {
        let code = match self.compile(source) {
            Ok(code) => code,
            Err(RunError::Syntax(e)) => {
                return Err(PyErr::new(ExcType::SyntaxError, e.msg));
            }
            Err(RunError::Exception(e)) => return Err(e),
        };
        if code.flags.coroutine {
            self.run_awaiting(code)
        } else {
            self.vm.run_code(&self.main.clone(), code)
        }
    }

    pub fn support_call(&mut self, name: &str, args: Vec<Value>) -> Result<Value, PyErr> {
        let f = self
            .support
            .get(name)
            .ok_or_else(|| PyErr::runtime_error(format!("REPL support '{}' is missing", name)))?;
        self.vm.call(&f, args)
    }

    /// Calls a function of the native `_asyncio` module (no Baton frame runs, so no
    /// KeyboardInterrupt can be raised inside it).
    fn native(&mut self, name: &str, args: Vec<Value>) -> Result<Value, PyErr> {
        let module = self.vm.modules.get("_asyncio").cloned();
        let f = match module {
            Some(Value::Module(m)) => m.get(name),
            _ => None,
        }
        .ok_or_else(|| PyErr::runtime_error(format!("_asyncio.{} is missing", name)))?;
        self.vm.call(&f, args)
    }

    /// Runs an input that awaits: its code becomes a coroutine (a function of no
    /// arguments over the session's globals, called), run as a task on the loop, with
    /// the loop cycling until the task is done. Ctrl-C while the loop waits cancels the
    /// task; a deadlock prints its report and cancels it.
    fn run_awaiting(&mut self, code: Rc<crate::compile::code::CodeObject>) -> Result<Value, PyErr> {
        let name = Rc::new(PyStr::new("<module>"));
        let func = Value::Function(Rc::new(Function {
            fast_argc: code.fast_argc,
            kwonly_fast: false,
            code,
            globals: self.main.clone(),
            name: RefCell::new(name.clone()),
            qualname: RefCell::new(name),
            defaults: Vec::new(),
            kwdefaults: Vec::new(),
            closure: Vec::new(),
            dict: RefCell::new(None),
            annotations: RefCell::new(None),
        }));
        let coro = self.vm.call(&func, Vec::new())?;
        // Natives, not Baton code: a Ctrl-C typed just now cannot land half-way.
        let task = self.native("new_task", vec![self.loop_.clone(), coro, Value::None])?;
        self.last_input_task = Some(task.clone());
        let mut stopped: Option<Stopped> = None;
        let mut cancelled = false;
        // Cycles after a cancellation before the task is given up on.
        let mut grace = 10_000u32;
        loop {
            let done = self.native("future_done", vec![task.clone()])?;
            if self.vm.truthy(&done)? {
                break;
            }
            if cancelled {
                grace = grace.saturating_sub(1);
                if grace == 0 {
                    break;
                }
            }
            let mut cancel = false;
            match host::run_once_if_ready(&mut self.vm, &self.loop_) {
                Ok(Next::Run) => self.after_cycle(),
                Ok(Next::Timer(secs)) => {
                    self.vm.flush_stdout();
                    std::thread::sleep(Duration::from_secs_f64(secs.clamp(0.0, POLL)));
                    if crate::vm::signals::take_interrupt() {
                        if cancelled {
                            // A second Ctrl-C: stop waiting for the cancelled task
                            // (its cleanup may await for long); it stays on the loop.
                            break;
                        }
                        stopped.get_or_insert(Stopped::Interrupted);
                        cancel = true;
                    }
                }
                Ok(Next::Nothing) if cancelled => break,
                Ok(Next::Nothing) => {
                    let report = self.support_call("deadlock_report", Vec::new())?;
                    let text = self.vm.str_string(&report)?;
                    self.vm.write_stderr(&format!("{}\n", text));
                    stopped.get_or_insert(Stopped::Reported);
                    cancel = true;
                }
                Err(e) => {
                    // KeyboardInterrupt or SystemExit out of a task (maybe this one).
                    self.after_cycle();
                    self.vm.frames.clear();
                    self.vm.stack.clear();
                    if self.vm.err_is(&e, ExcType::SystemExit) {
                        return Err(e);
                    }
                    let done = self.native("future_done", vec![task.clone()])?;
                    if self.vm.truthy(&done)? {
                        stopped.get_or_insert(Stopped::Raised(e));
                    } else {
                        self.report(e);
                        stopped.get_or_insert(Stopped::Reported);
                        cancel = true;
                    }
                }
            }
            if cancel && !cancelled {
                self.support_call("cancel", vec![task.clone()])?;
                cancelled = true;
            }
        }
        // The native Future.result(): the value, or the exception as raised in the
        // task (its traceback shows the input's own frames only).
        let outcome = self.native("future_result", vec![task]);
        match stopped {
            None => outcome,
            Some(Stopped::Raised(e)) => Err(e),
            Some(Stopped::Interrupted) => {
                // As the asyncio REPL says it: the task was cancelled, not raised into.
                self.vm.write_stderr("\nKeyboardInterrupt\n");
                Ok(Value::None)
            }
            Some(Stopped::Reported) => Ok(Value::None),
        }
    }

    /// What tab completion may offer now: names in scope and, for each global, its
    /// attributes.
    fn completions(&mut self) -> Completions {
        let vm = &mut self.vm;
        let mut names: Vec<String> = self
            .main
            .names()
            .iter()
            .map(|(n, _)| n.as_str().to_string())
            .collect();
        names.extend(
            vm.builtins
                .names()
                .iter()
                .map(|(n, _)| n.as_str().to_string()),
        );
        let mut attrs = Vec::new();
        for (name, value) in self.main.names() {
            let mut list: Vec<String> = Vec::new();
            match &value {
                Value::Module(m) => {
                    list.extend(m.names().iter().map(|(n, _)| n.as_str().to_string()))
                }
                Value::Instance(inst) => {
                    inst.attrs
                        .with(|a| list.extend(a.iter().map(|(k, _)| k.as_str().to_string())));
                }
                _ => {}
            }
            let class = match &value {
                Value::Class(c) => c.clone(),
                other => vm.type_of(other),
            };
            for c in class.mro_iter() {
                list.extend(c.dict.borrow().keys().iter().filter_map(|k| match k {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                }));
            }
            attrs.push((name.as_str().to_string(), list));
        }
        Completions { names, attrs }
    }
}

#[cfg(test)]
mod tests {
    use super::Session;

    #[test]
    fn completions_cover_globals_and_their_attributes() {
        let (tx, rx) = std::sync::mpsc::sync_channel(1 << 16);
        let _keep = rx;
        let mut s = match Session::new(tx) {
            Ok(s) => s,
            Err(e) => panic!("session: {}", e),
        };
        assert_eq!(
            s.run_input("s = 'abc'\nclass A:\n    def m(self): pass\na = A()"),
            None
        );
        let c = s.completions();
        assert!(c.names.iter().any(|n| n == "s"));
        assert!(c.names.iter().any(|n| n == "print"));
        let attrs = |name: &str| {
            c.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, a)| a.clone())
                .unwrap_or_default()
        };
        assert!(attrs("s").iter().any(|n| n == "upper"), "{:?}", attrs("s"));
        assert!(attrs("a").iter().any(|n| n == "m"), "{:?}", attrs("a"));
        assert!(attrs("asyncio").iter().any(|n| n == "sleep"));
        crate::vm::output::set_sink(None);
    }
}
