//! The trace hooks the VM (coroutine creation, the `resume` gate, the never-awaited
//! warning) and the scheduler (Task creation and steps, wake-ups, Future resolution,
//! timers, callbacks, cancellation) call while tracing is on, and how they describe
//! the objects involved without running any of the program's code (a user `__repr__`
//! could print): Futures get short labels (`Future-3 <sleep 0.1>`), Tasks their names,
//! coroutines their qualified names, and only plain values are shown by repr.

use super::{emit, After, Draft, Kind};
use crate::compile::code::Instr;
use crate::runtime::selfawait::SelfAwait;
use crate::vm::coroutine::Resumed;
use crate::vm::error::{PyErr, PyResult};
use crate::vm::lean_rc::LeanRc;
use crate::vm::value::{CoroState, GenKind, Generator, NativeIter, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// Set by `traced_resume` just before it calls `Vm::resume`, so that call passes
    /// the hook once.
    static BYPASS: Cell<bool> = const { Cell::new(false) };
    /// Set by a Task step just before it resumes its coroutine (the send is the step's).
    static STEP_DRIVES: Cell<bool> = const { Cell::new(false) };
    /// The coroutines `traced_resume` is running, innermost last.
    static RUNNING: std::cell::RefCell<Vec<LeanRc<Generator>>> = const { std::cell::RefCell::new(Vec::new()) };
}

// ---- describing objects ----------------------------------------------------------

fn addr(v: &Value) -> usize {
    match v {
        Value::Instance(i) => Rc::as_ptr(i) as usize,
        Value::Generator(g) => LeanRc::as_ptr(g) as usize,
        _ => 0,
    }
}

/// An attribute of an instance: its own dict, then its class (where Future and Task
/// keep their defaults).
fn attr(v: &Value, name: &str) -> Option<Value> {
    let key = crate::vm::value::PyStr::new(name);
    match v {
        Value::Instance(i) => {
            let own = i.attrs.with(|a| a.get_str(&key));
            own.or_else(|| i.class.lookup(&key))
        }
        _ => None,
    }
}

/// The name of a Task (an instance with its own `_name` and `_coro`).
pub fn task_name(v: &Value) -> Option<Rc<str>> {
    let Value::Instance(i) = v else { return None };
    let name = i.attrs.with(|d| {
        d.get_str(&crate::vm::value::PyStr::new("_coro"))?;
        d.get_str(&crate::vm::value::PyStr::new("_name"))
    })?;
    crate::runtime::task_name_of(&name).map(Rc::from)
}

fn is_future(v: &Value) -> bool {
    matches!(v, Value::Instance(_))
        && attr(v, "_callbacks").is_some()
        && attr(v, "_state").is_some()
}

fn class_name(v: &Value) -> String {
    match v {
        Value::Instance(i) => i.class.name.as_str().to_string(),
        _ => String::from("object"),
    }
}

/// A short description of any value, running no program code.
pub(crate) fn describe(vm: &mut Vm, v: &Value) -> String {
    if let Some(name) = task_name(v) {
        return name.to_string();
    }
    if is_future(v) {
        return super::label(addr(v), &class_name(v), false).to_string();
    }
    match v {
        Value::Generator(g) => format!("{}()", coro_name(g)),
        Value::Iterator(it) => match &*it.borrow() {
            NativeIter::FutureAwait { fut, .. } => {
                let fut = fut.clone();
                describe(vm, &fut)
            }
            _ => String::from("an iterator"),
        },
        _ => safe_repr(vm, v),
    }
}

/// `repr` for plain values (numbers, strings, None, small tuples and lists of them,
/// built-in exceptions); `<TypeName object>` for anything whose repr is program code.
pub(crate) fn safe_repr(vm: &mut Vm, v: &Value) -> String {
    let text = match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::BigInt(_)
        | Value::Float(_)
        | Value::Str(_)
        | Value::Ellipsis => vm.repr_string(v).unwrap_or_default(),
        Value::Tuple(t) if t.len() <= 8 => {
            let items: Vec<String> = t.iter().map(|x| safe_repr(vm, x)).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::List(l) if l.borrow().len() <= 8 => {
            let l = l.borrow().clone();
            let items: Vec<String> = l.iter().map(|x| safe_repr(vm, x)).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Instance(i) if i.is_exception() => {
            let args = vm.exc_args(v);
            let items: Vec<String> = args.iter().map(|x| safe_repr(vm, x)).collect();
            format!("{}({})", i.class.name.as_str(), items.join(", "))
        }
        Value::Generator(g) => format!("<coroutine {}()>", g.qualname().as_str()),
        _ if is_future(v) || task_name(v).is_some() => return describe(vm, v),
        _ => format!("<{} object>", vm.type_name(v)),
    };
    shorten(text)
}

fn shorten(text: String) -> String {
    if text.chars().count() <= 70 {
        return text;
    }
    let head: String = text.chars().take(60).collect();
    format!("{}...", head)
}

fn err_text(vm: &mut Vm, e: &PyErr) -> String {
    match e {
        PyErr::Raised(v) => safe_repr(vm, v),
        PyErr::New { typ, args } => {
            let items: Vec<String> = args.iter().map(|x| safe_repr(vm, x)).collect();
            format!("{}({})", typ.name(), items.join(", "))
        }
    }
}

fn callback_name(vm: &mut Vm, cb: &Value) -> String {
    match cb {
        Value::BoundMethod(b) => {
            let f = callback_name(vm, &b.func);
            if f == "task_wakeup" {
                if let Some(t) = task_name(&b.self_) {
                    return format!("{}'s wake-up", t);
                }
            }
            if is_future(&b.self_) {
                // `fut.set_result` (the natives are named `future_set_result`).
                let m = f.rsplit('.').next().unwrap_or(&f);
                let m = m
                    .strip_prefix("future_")
                    .or_else(|| m.strip_prefix("task_"))
                    .unwrap_or(m);
                return format!("{}.{}", describe(vm, &b.self_), m);
            }
            f
        }
        Value::Function(f) => f.qualname.borrow().as_str().to_string(),
        Value::Native(n) => n.name.to_string(),
        _ => vm.type_name(cb),
    }
}

// ---- the VM's hooks ----------------------------------------------------------------

/// A coroutine object was created (the call of an `async def` function).
pub fn coro_created(vm: &mut Vm, g: &LeanRc<Generator>) {
    if g.kind != GenKind::Coroutine {
        return;
    }
    // Where the library itself creates one, its line means nothing to the program.
    let where_ = match g.origin() {
        Some((file, _)) if file.starts_with("<stdlib>/") => String::from(" by asyncio"),
        Some((file, line)) => format!(" at {}:{}", short_file(&file), line),
        None => String::new(),
    };
    let text = format!("coroutine {}() created{}", coro_name(g), where_);
    emit(vm, Draft::new(Kind::CoroCreated, text));
}

fn short_file(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}

/// True when this `resume` call must go through `traced_resume` (coroutines only, and
/// not the call `traced_resume` itself makes).
#[inline]
pub fn intercept(g: &Generator) -> bool {
    if BYPASS.with(|b| b.replace(false)) {
        return false;
    }
    g.kind == GenKind::Coroutine
}

/// A step is about to resume its Task's coroutine.
pub(crate) fn step_drives() {
    STEP_DRIVES.with(|s| s.set(true));
}

/// `Vm::resume` on a coroutine, with its send/throw, resumption, and suspension,
/// return or exception recorded around it.
pub fn traced_resume(
    vm: &mut Vm,
    g: &LeanRc<Generator>,
    value: Value,
    exc: Option<Value>,
) -> PyResult<Resumed> {
    let name = coro_name(g);
    let by_step = STEP_DRIVES.with(|s| s.replace(false));
    // A throw travelling down an await chain reaches the delegate while the outer
    // coroutine is still parked; a send reaches it from the outer's `await`.
    let outer_parked = RUNNING.with(|r| {
        r.borrow()
            .last()
            .is_some_and(|o| o.state.get() == CoroState::Suspended)
    });
    let driver = if by_step {
        String::from("step → ")
    } else if outer_parked || at_yield_from(vm) {
        String::from("await → ")
    } else {
        String::from("by hand: ")
    };
    let (kind, verb) = match &exc {
        Some(e) => (Kind::Throw, format!("{}.throw({})", name, safe_repr(vm, e))),
        None => (
            Kind::Send,
            format!("{}.send({})", name, safe_repr(vm, &value)),
        ),
    };
    emit(vm, Draft::new(kind, format!("{}{}", driver, verb)));
    super::depth_enter();
    let state = g.state.get();
    let line = g.parked_line();
    match (state, line) {
        (CoroState::Created, _) => {
            let text = format!("{}() starts{}", name, at_line(g, g.code.firstlineno));
            emit(vm, Draft::new(Kind::Resumed, text));
        }
        (CoroState::Suspended, Some(l)) => {
            let text = format!("{}() resumes{}", name, at_line(g, l));
            emit(vm, Draft::new(Kind::Resumed, text));
        }
        _ => {}
    }
    BYPASS.with(|b| b.set(true));
    RUNNING.with(|r| r.borrow_mut().push(g.clone()));
    let r = vm.resume(g, value, exc);
    RUNNING.with(|r| r.borrow_mut().pop());
    BYPASS.with(|b| b.set(false));
    let text = match &r {
        Ok(Resumed::Yielded(v)) => {
            let (line, awaiting) = suspension(vm, g, v);
            (
                Kind::Suspended,
                format!("{}() suspended{} {}", name, at_line(g, line), awaiting),
            )
        }
        Ok(Resumed::Returned(v)) => {
            let v = safe_repr(vm, v);
            (Kind::Returned, format!("{}() returned {}", name, v))
        }
        Err(e) => {
            let e = err_text(vm, e);
            (Kind::Raised, format!("{}() raised {}", name, e))
        }
    };
    emit(vm, Draft::new(text.0, text.1));
    super::depth_leave();
    r
}

/// A coroutine's name; those of Baton's own asyncio read `asyncio.sleep`.
fn coro_name(g: &Generator) -> String {
    let q = g.qualname().as_str().to_string();
    match stdlib_module(g) {
        Some(m) => format!("{}.{}", m, q),
        None => q,
    }
}

/// `asyncio` (or `asyncio.locks`) for code of the embedded standard library.
fn stdlib_module(g: &Generator) -> Option<String> {
    let f = g.code.filename.strip_prefix("<stdlib>/")?;
    Some(f.trim_end_matches(".py").replace('/', "."))
}

/// ` at line N` for the program's own code (the library's lines mean nothing to it).
fn at_line(g: &Generator, line: u32) -> String {
    if stdlib_module(g).is_some() {
        String::new()
    } else {
        format!(" at line {}", line)
    }
}

fn at_yield_from(vm: &Vm) -> bool {
    vm.frames.last().is_some_and(|f| {
        let at = |i: usize| f.code.instrs.get(i) == Some(&Instr::YieldFrom);
        at(f.ip) || (f.ip > 0 && at(f.ip - 1))
    })
}

/// Where a just-suspended coroutine stopped and what it waits on.
fn suspension(vm: &mut Vm, g: &LeanRc<Generator>, yielded: &Value) -> (u32, String) {
    let (line, receiver) = (g.parked_line().unwrap_or(0), g.awaiting());
    let what = match receiver {
        Some(Value::Generator(inner)) if inner.kind == GenKind::Coroutine => {
            format!("awaiting {}()", coro_name(&inner))
        }
        Some(Value::Generator(inner)) => format!(
            "awaiting {}(), which yielded {}",
            coro_name(&inner),
            describe(vm, yielded)
        ),
        Some(r @ Value::Iterator(_)) if matches!(&r, Value::Iterator(it) if matches!(&*it.borrow(), NativeIter::FutureAwait { fut, .. } if !fut.is_none())) =>
        {
            format!("awaiting {}", describe(vm, &r))
        }
        // A Future or Task awaited without an iterator (runtime/selfawait.rs).
        Some(r) if crate::runtime::selfawait::self_awaiting(&r) == Some(SelfAwait::Future) => {
            format!("awaiting {}", describe(vm, &r))
        }
        _ if yielded.is_none() => {
            String::from("yielding to the loop (a bare yield: run again soon)")
        }
        _ => format!("yielding {}", describe(vm, yielded)),
    };
    (line, what)
}

/// `RuntimeWarning: coroutine '...' was never awaited`.
pub fn never_awaited(vm: &mut Vm, qualname: &str) {
    let text = format!(
        "coroutine {}() was never awaited (destroyed unstarted)",
        qualname
    );
    emit(vm, Draft::new(Kind::NeverAwaited, text));
}

// ---- the scheduler's hooks ---------------------------------------------------------

/// A Future was created: it gets a fresh label (its address may be a dead one's).
pub fn future_created(fut: &Value) {
    super::label(addr(fut), &class_name(fut), true);
}

/// A Task was created; its first step is scheduled.
pub fn task_created(vm: &mut Vm, task: &Value, coro: &Value) {
    let name = task_name(task);
    let c = describe(vm, coro);
    let text = format!("{} created for {}", name.as_deref().unwrap_or("Task"), c);
    emit(vm, Draft::new(Kind::TaskCreated, text).other(name.clone()));
    step_scheduled(vm, task, "first step");
}

/// A step of `task` went into the ready queue.
pub fn step_scheduled(vm: &mut Vm, task: &Value, why: &str) {
    let name = task_name(task);
    let text = format!(
        "{} step scheduled ({})",
        name.as_deref().unwrap_or("Task"),
        why
    );
    let new = Draft::new(Kind::StepScheduled, text).other(name);
    // A wake-up is already on the resolution's line.
    emit(vm, if why == "wake-up" { new.quiet() } else { new });
}

/// A step of `task` starts; returns the task that was current before.
pub fn step_begin(vm: &mut Vm, task: &Value, exc: Option<&Value>) -> Option<Rc<str>> {
    let name = task_name(task);
    let prev = super::set_current(name.clone());
    let text = match exc {
        Some(e) => {
            let e = safe_repr(vm, e);
            if e.starts_with("CancelledError") {
                emit(
                    vm,
                    Draft::new(
                        Kind::CancelDelivered,
                        format!("cancellation delivered: {} thrown in", e),
                    ),
                );
            }
            format!("step (throwing {})", e)
        }
        None => String::from("step"),
    };
    emit(vm, Draft::new(Kind::StepBegin, text).other(name).quiet());
    step_drives();
    prev
}

/// A step of `task` ended: it waits on `fut`, or is ready again, or is done.
pub fn step_end(vm: &mut Vm, task: &Value, after: After, prev: Option<Rc<str>>) {
    STEP_DRIVES.with(|s| s.set(false));
    let name = task_name(task);
    let n = name.as_deref().unwrap_or("Task");
    let text = match &after {
        After::Waiting(w) => format!("step done: {} waits on {}", n, w),
        After::Ready => format!("step done: {} yielded, back in the ready queue", n),
        After::Done(d) => format!("step done: {} {}", n, d),
    };
    emit(vm, Draft::new(Kind::StepEnd, text).other(name).after(after));
    super::set_current(prev);
}

/// What a step's outcome means for the Task's state.
pub fn after_yield(vm: &mut Vm, yielded: &Value) -> After {
    if yielded.is_none() {
        After::Ready
    } else {
        After::Waiting(describe(vm, yielded))
    }
}

/// Describes a value for `After::Done`.
pub fn done_with(vm: &mut Vm, how: &str, v: &Value) -> After {
    After::Done(format!("{} {}", how, safe_repr(vm, v)))
}

/// A Future was resolved (result, exception or cancellation) and its callbacks went
/// into the ready queue.
pub fn future_resolved(vm: &mut Vm, fut: &Value, callbacks: &[Value]) {
    let label = describe(vm, fut);
    let state = match attr(fut, "_state") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    let how = if state == "CANCELLED" {
        String::from("cancelled")
    } else if let Some(e) = attr(fut, "_exception").filter(|e| !e.is_none()) {
        format!("failed with {}", safe_repr(vm, &e))
    } else {
        let r = attr(fut, "_result").unwrap_or(Value::None);
        format!("resolved with {}", safe_repr(vm, &r))
    };
    let mut woken = Vec::new();
    let mut flow = None;
    let mut other = None;
    for cb in callbacks {
        woken.push(callback_name(vm, cb));
        if let Value::BoundMethod(b) = cb {
            if let Some(t) = task_name(&b.self_) {
                if flow.is_none() {
                    flow = Some(super::new_flow(addr(fut), addr(&b.self_)));
                    other = Some(t);
                }
            }
        }
    }
    let tail = if woken.is_empty() {
        String::from(" (no callbacks)")
    } else {
        format!(" → schedules {}", woken.join(", "))
    };
    let text = format!("{} {}{}", label, how, tail);
    emit(
        vm,
        Draft::new(Kind::FutureResolved, text)
            .flow(flow)
            .other(other),
    );
}

/// A done-callback `cb(fut)` runs: a Task's wake-up, or another function.
pub fn callback_runs(vm: &mut Vm, cb: &Value, fut: &Value) {
    if let Value::BoundMethod(b) = cb {
        if let Some(t) = task_name(&b.self_) {
            let flow = super::take_flow(addr(fut), addr(&b.self_));
            let f = describe(vm, fut);
            let text = format!("{} wakes up: {} is done", t, f);
            emit(
                vm,
                Draft::new(Kind::Wakeup, text)
                    .flow(flow)
                    .other(Some(t.clone()))
                    .task(Some(t)),
            );
            return;
        }
    }
    let name = callback_name(vm, cb);
    let f = describe(vm, fut);
    emit(
        vm,
        Draft::new(Kind::Callback, format!("callback {}({})", name, f)),
    );
}

/// A Handle's callback runs (call_soon, or a timer that fired).
pub fn handle_runs(vm: &mut Vm, handle: &Value) {
    let cb = attr(handle, "_callback").unwrap_or(Value::None);
    let args = match attr(handle, "_args") {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    let name = callback_name(vm, &cb);
    let args: Vec<String> = args.iter().map(|a| describe(vm, a)).collect();
    emit(
        vm,
        Draft::new(
            Kind::Callback,
            format!("callback {}({})", name, args.join(", ")),
        ),
    );
}

/// A timer's deadline passed: its handle moves to the ready queue.
pub fn timer_fired(vm: &mut Vm, handle: &Value) {
    let l = super::label(addr(handle), "Timer", false);
    let when = match attr(handle, "_when") {
        Some(Value::Float(f)) => f,
        Some(Value::Int(i)) => i as f64,
        _ => 0.0,
    };
    let text = format!("{} fired (due at {})", l, show_time(when));
    emit(vm, Draft::new(Kind::TimerFired, text));
}

/// A loop time as the trace shows it (virtual: as is; real: since the start).
fn show_time(when: f64) -> String {
    let t = if crate::runtime::virtual_time() {
        when
    } else {
        when - crate::runtime::now() + crate::runtime::trace_time()
    };
    format!("t={:.6}", t)
}

/// `_asyncio.trace(kind, ...)` from stdlib/asyncio.py.
pub fn from_baton(vm: &mut Vm, args: &[Value]) -> PyResult<()> {
    if !super::enabled() {
        return Ok(());
    }
    let kind = match args.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Ok(()),
    };
    let obj = args.get(1).cloned().unwrap_or(Value::None);
    match kind.as_str() {
        "future" => future_created(&obj),
        "task" => {
            let coro = attr(&obj, "_coro").unwrap_or(Value::None);
            task_created(vm, &obj, &coro);
        }
        "timer" => {
            // (timer, when)
            let l = super::label(addr(&obj), "Timer", true);
            let cb = attr(&obj, "_callback").unwrap_or(Value::None);
            let cargs = match attr(&obj, "_args") {
                Some(Value::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            };
            let cbn = callback_name(vm, &cb);
            let when = match args.get(2) {
                Some(Value::Float(f)) => *f,
                Some(Value::Int(i)) => *i as f64,
                _ => f64::NAN,
            };
            let shown: Vec<String> = cargs.iter().map(|a| describe(vm, a)).collect();
            let text = format!(
                "{} set for {} → {}({})",
                l,
                show_time(when),
                cbn,
                shown.join(", ")
            );
            emit(vm, Draft::new(Kind::TimerSet, text));
        }
        "sleep" => {
            // (future, delay): a sleep's Future is named after it.
            let delay = args.get(2).map(|d| safe_repr(vm, d)).unwrap_or_default();
            let base = super::label(addr(&obj), &class_name(&obj), false);
            super::relabel(addr(&obj), Rc::from(format!("{} <sleep {}>", base, delay)));
        }
        "cancel" => {
            let msg = args.get(2).cloned().unwrap_or(Value::None);
            let m = if msg.is_none() {
                String::new()
            } else {
                format!(" (msg={})", safe_repr(vm, &msg))
            };
            let d = describe(vm, &obj);
            let other = task_name(&obj);
            emit(
                vm,
                Draft::new(
                    Kind::CancelRequested,
                    format!("cancel requested for {}{}", d, m),
                )
                .other(other),
            );
        }
        "resolved" => {
            let cbs = match args.get(2) {
                Some(Value::List(l)) => l.borrow().clone(),
                _ => Vec::new(),
            };
            future_resolved(vm, &obj, &cbs);
            for cb in &cbs {
                if let Value::BoundMethod(b) = cb {
                    if task_name(&b.self_).is_some() {
                        let s = b.self_.clone();
                        step_scheduled(vm, &s, "wake-up");
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// A Future or Task is reported as it is destroyed (never-retrieved exception, or
/// destroyed while pending).
pub fn destroyed(vm: &mut Vm, fut: &Value, why: &str) {
    let d = describe(vm, fut);
    emit(
        vm,
        Draft::new(Kind::Destroyed, format!("{} destroyed: {}", d, why)),
    );
}

/// The loop found that no task can ever run again.
pub fn deadlock(vm: &mut Vm) {
    emit(
        vm,
        Draft::new(
            Kind::Deadlock,
            String::from("deadlock: nothing is ready, no timer is pending; the program ends"),
        ),
    );
}
