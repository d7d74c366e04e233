//! The scheduler's native core, exposed to the Baton half of asyncio (stdlib/asyncio.py)
//! as the `_asyncio` module: the VM's exception classes (`CancelledError`,
//! `InvalidStateError`), the loop's monotonic clock, the loop cycle and timer heap
//! (eventloop.rs), Task step/wake-up and the hot Future methods (task.rs), where a
//! suspended coroutine waits (for the deadlock report), the frames of the async call
//! graph (callgraph.rs), awaits of Futures without an iterator object (selfawait.rs),
//! and the deadlock exit. The clock is real, or virtual with
//! `--virtual-time` (it then jumps to the next timer whenever nothing is ready);
//! finalize.rs reports dying Futures and Tasks.

mod callgraph;
mod core;
mod eventloop;
pub mod finalize;
mod gather;
pub mod host;
pub(crate) mod selfawait;
mod task;

pub use selfawait::{awaits_itself, finished_result, self_awaiting, started_iter, SelfAwait};
pub use task::{future_await_step, task_name_of};

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{KwArgs, Module, NativeFunction, Value};
use crate::vm::Vm;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// `--virtual-time`: the loop's clock only moves when the loop jumps it to a timer.
static VIRTUAL_TIME: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The virtual clock's reading, in seconds (it starts at 0).
    static VIRTUAL_NOW: Cell<f64> = const { Cell::new(0.0) };
}

/// Turns the virtual clock on or off (before the program runs).
pub fn set_virtual_time(on: bool) {
    VIRTUAL_TIME.store(on, Ordering::Relaxed);
}

/// Is the loop's clock virtual?
pub fn virtual_time() -> bool {
    VIRTUAL_TIME.load(Ordering::Relaxed)
}

/// Moves the virtual clock forward to `when` (never backwards).
fn jump_to(when: f64) {
    VIRTUAL_NOW.with(|c| {
        if when.is_finite() && when > c.get() {
            c.set(when);
        }
    });
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

/// The `_asyncio` native module.
pub fn module(vm: &mut Vm) -> Rc<Module> {
    start();
    let m = Rc::new(Module::new("_asyncio", "<_asyncio>"));
    let functions: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("monotonic", monotonic),
        ("wait", wait),
        ("deadlock_exit", deadlock_exit),
        ("set_interrupt_handler", set_interrupt_handler),
        ("set_asyncgen_finalizer", set_asyncgen_finalizer),
        ("native_frame", native_frame),
        ("iterable_coroutine", iterable_coroutine),
        ("setup", setup),
        ("run_forever", eventloop::run_forever),
        ("run_once", eventloop::run_once_native),
        ("heappush", eventloop::heappush),
        ("heappop", eventloop::heappop),
        ("task_step", task::task_step),
        ("task_wakeup", task::task_wakeup),
        ("new_future", task::new_future),
        ("new_task", task::new_task),
        ("suspension", suspension),
        ("awaiting_frames", callgraph::awaiting_frames),
        ("running_frames", callgraph::running_frames),
        ("sleep0_await", sleep0_await),
        ("set_sleep0_class", selfawait::set_sleep0_class),
        ("future_await", task::future_await),
        ("wake_next", task::wake_next),
        ("callback_list", task::callback_list),
        ("future_error", gather::future_error),
        ("gather_outcome", gather::gather_outcome),
        ("gather_results", gather::gather_results),
        ("gather_loop", gather::gather_loop),
        ("future_done", task::future_done),
        ("future_cancelled", task::future_cancelled),
        ("future_set_result", task::future_set_result),
        ("future_add_done_callback", task::future_add_done_callback),
        ("future_result", task::future_result),
        ("future_exception", task::future_exception),
        ("traceback_entries", task::traceback_entries),
        ("next_task_name", task::next_task_name),
        ("current_task", current_task),
        ("set_current_task", set_current_task),
        ("set_running_loop", set_running_loop),
        ("loop_bound_get_loop", loop_bound_get_loop),
        ("set_finalizer", finalize::set_finalizer),
        ("register_task", finalize::register_task_native),
        ("live_tasks", finalize::live_tasks),
        ("format_exception", format_exception),
        ("source_line", source_line),
        ("tracing", tracing),
        ("coroutine_type", coroutine_type),
        ("trace", trace_event),
    ];
    for (name, f) in functions {
        m.set(
            name,
            Value::Native(Rc::new(NativeFunction {
                name,
                func: *f,
                owner: "_asyncio",
                self_class: None,
            })),
        );
    }
    for typ in [ExcType::CancelledError, ExcType::InvalidStateError] {
        m.set(typ.name(), Value::Class(vm.types.exc(typ).clone()));
    }
    m
}

/// The loop's clock: seconds from an arbitrary origin, never going backwards. The
/// virtual clock starts at 0.0.
pub fn now() -> f64 {
    if virtual_time() {
        return VIRTUAL_NOW.with(|c| c.get());
    }
    start().elapsed().as_secs_f64() + 1000.0
}

/// Seconds since the program started on the loop's clock (for traces): the virtual
/// clock's reading, or real seconds since start.
pub fn trace_time() -> f64 {
    if virtual_time() {
        return VIRTUAL_NOW.with(|c| c.get());
    }
    start().elapsed().as_secs_f64()
}

fn monotonic(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(now()))
}

/// `_asyncio.setup(Future, Task, _unused, make_cancelled, task_set_exception,
/// task_cancel, report_error, deadlock)`: the Baton half registers what the native half
/// calls back.
fn setup(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 8 {
        return Err(PyErr::type_error("setup() takes exactly 8 arguments"));
    }
    finalize::set_future_class(&args[0]);
    core::set_core(core::Core {
        future_cls: args[0].clone(),
        task_cls: args[1].clone(),
        make_cancelled: args[3].clone(),
        task_set_exception: args[4].clone(),
        task_cancel: args[5].clone(),
        report_error: args[6].clone(),
        deadlock: args[7].clone(),
        wakeup: Value::Native(Rc::new(NativeFunction {
            name: "task_wakeup",
            func: task::task_wakeup,
            owner: "_asyncio",
            self_class: None,
        })),
    });
    Ok(Value::None)
}

/// Blocks until the next timer is due (the loop's "select" with no I/O).
fn wait(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(s) = args.first() else {
        return Err(PyErr::type_error(
            "wait() takes exactly one argument (0 given)",
        ));
    };
    let secs = vm.to_float(s)?;
    if secs.is_nan() || secs <= 0.0 {
        return Ok(Value::None);
    }
    if virtual_time() {
        jump_to(now() + secs);
        return Ok(Value::None);
    }
    vm.sleep_interruptibly(std::time::Duration::from_secs_f64(secs.min(1e9)))?;
    Ok(Value::None)
}

/// `set_interrupt_handler(handler)`: what a Ctrl-C calls instead of raising
/// KeyboardInterrupt (None: raise it); returns the handler it replaces (CPython's
/// `asyncio.Runner` sets a SIGINT handler the same way).
fn set_interrupt_handler(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let handler = args.first().cloned().unwrap_or(Value::None);
    Ok(std::mem::replace(&mut vm.interrupt_handler, handler))
}

/// `set_asyncgen_finalizer(hook)`: what an abandoned suspended async generator is
/// handed to while a loop runs (None: it is closed at once); returns the hook it
/// replaces (CPython's `sys.set_asyncgen_hooks(finalizer=)`, as `run_forever` sets it).
fn set_asyncgen_finalizer(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let hook = args.first().cloned().unwrap_or(Value::None);
    Ok(std::mem::replace(&mut vm.asyncgen_finalizer, hook))
}

/// `_asyncio.native_frame(func)`: `func` (a stdlib function that CPython implements
/// in C, such as `get_running_loop`) adds no line to tracebacks, as there.
fn native_frame(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Function(f)) => {
            f.code.hidden_from_tracebacks.set(true);
            Ok(Value::Function(f.clone()))
        }
        _ => Err(PyErr::type_error("native_frame() expects a function")),
    }
}

/// `_asyncio.iterable_coroutine(func)`, for `types.coroutine`: the generators of the
/// generator function `func` may be awaited (CPython's CO_ITERABLE_COROUTINE). True
/// when `func` is one, False (nothing marked) otherwise.
fn iterable_coroutine(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Function(f)) if f.code.flags.generator => {
            f.code.iterable_coroutine.set(true);
            Ok(Value::Bool(true))
        }
        _ => Ok(Value::Bool(false)),
    }
}

/// Prints a deadlock report to stderr and ends the program with status 1 (`Vm::halt`:
/// the process goes on, so an embedding such as the fuzz targets survives it).
fn deadlock_exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let text = match args.first() {
        Some(v) => vm.str_string(v)?,
        None => String::from("Deadlock"),
    };
    vm.flush_stdout();
    if crate::trace::enabled() {
        crate::trace::deadlock(vm);
    }
    crate::trace::finish(vm);
    eprintln!("{}", text);
    Err(vm.halt(1))
}

/// `_asyncio.suspension(coro)`: where a suspended coroutine waits, as a list of
/// `(filename, line, name)` from the coroutine itself down the chain of awaits to the
/// innermost generator (for the deadlock report and Task reprs).
fn suspension(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let mut out = Vec::new();
    let mut cur = args.first().cloned();
    while let Some(Value::Generator(g)) = cur.take() {
        if out.len() > 200 {
            break;
        }
        let Some(line) = g.parked_line() else { break };
        out.push(Value::tuple(vec![
            Value::str(&g.code.filename),
            Value::Int(line as i64),
            Value::Str(g.code.qualname.clone()),
        ]));
        cur = g.awaiting();
    }
    Ok(Value::List(Rc::new(std::cell::RefCell::new(out))))
}

/// `_Sleep0.__await__`: an iterator that yields None once (the bare `yield` of
/// CPython's `__sleep0`), without a generator frame: a Future's await iterator over
/// no Future (`future_await_step`), one allocation.
fn sleep0_await(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Iterator(Rc::new(std::cell::RefCell::new(
        crate::vm::value::NativeIter::FutureAwait {
            fut: Value::None,
            started: false,
        },
    ))))
}

/// `_asyncio.current_task(loop)`: the task `loop` is running a step of, or None.
fn current_task(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let loop_ = args.first().cloned().unwrap_or(Value::None);
    Ok(core::current_task(&loop_).unwrap_or(Value::None))
}

/// `_asyncio.set_current_task(loop, task)`: records the task `loop` runs (None: none).
fn set_current_task(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let loop_ = args.first().cloned().unwrap_or(Value::None);
    let task = args.get(1).cloned().filter(|t| !t.is_none());
    core::set_current_task(&loop_, task);
    Ok(Value::None)
}

/// `_asyncio.set_running_loop(loop)`: what asyncio.py's `_running_loop` now is.
fn set_running_loop(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    core::set_running_loop(args.first().cloned().unwrap_or(Value::None));
    Ok(Value::None)
}

/// `_LoopBound._get_loop(self)` (asyncio.locks, as CPython's mixins.py): the running
/// loop (None outside one), which the primitive binds to on first use and must keep
/// using.
fn loop_bound_get_loop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(obj) = args.first() else {
        return Err(PyErr::type_error("_get_loop() missing self"));
    };
    let running = core::running_loop();
    let loop_key = core::names(|n| n.loop_.clone());
    let bound = match core::get(obj, &loop_key) {
        Some(bound) => bound,
        None => vm.get_attr(obj, &loop_key)?,
    };
    if bound.is_none() {
        if !running.is_none() {
            vm.set_attr(obj, &loop_key, running.clone())?;
        }
    } else if !bound.is(&running) {
        let r = vm.repr_string(obj)?;
        return Err(PyErr::runtime_error(format!(
            "{} is bound to a different event loop",
            r
        )));
    }
    Ok(running)
}

/// `_asyncio.format_exception(exc)`: the traceback and message as CPython's
/// `traceback.format_exception` prints them (what the loop's exception handler logs).
fn format_exception(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let exc = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(&vm.format_exception(&exc)))
}

/// `_asyncio.source_line(filename, lineno)`: line `lineno` of a source file Baton has
/// read, as a traceback shows it (linecache's `getline`, for `Task.print_stack`), or
/// '' when there is none.
fn source_line(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (Some(Value::Str(file)), Some(Value::Int(line))) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error(
            "source_line() takes a filename and a line number",
        ));
    };
    let text = u32::try_from(*line)
        .ok()
        .and_then(|l| vm.source_line(file.as_str(), l))
        .unwrap_or("")
        .to_string();
    Ok(Value::str(&text))
}

/// `_asyncio.tracing()`: is a lifecycle trace being recorded?
fn tracing(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(crate::trace::enabled()))
}

/// `_asyncio.trace(kind, obj, *details)`: a lifecycle event raised by the Baton half
/// of asyncio (only called while tracing).
fn trace_event(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::trace::from_baton(vm, args)?;
    Ok(Value::None)
}

/// `_asyncio.coroutine_type()`: the class of coroutine objects.
fn coroutine_type(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Class(vm.types.coroutine.clone()))
}
