//! Destruction of Futures and Tasks, as CPython's `Future.__del__` and `Task.__del__`:
//! "Future/Task exception was never retrieved" and "Task was destroyed but it is
//! pending!" are reported when the object's last reference goes, not when its loop
//! closes. Also the registry of live Tasks that `asyncio.all_tasks()` reads, which
//! holds weak references only (CPython's `_all_tasks` is a WeakSet), so a Task nobody
//! else keeps can die.
//!
//! `Drop` for `Instance` cannot run Baton code. For an instance of `Future` (or a
//! subclass) that has something to report, it moves the class and attributes into a
//! fresh instance (CPython's finalizers resurrect the object in the same way), queues
//! it, and raises the VM's attention flag; `serve` then calls the Baton reporter
//! registered by stdlib/asyncio.py. Tasks still pending when the program ends (kept
//! alive by the cycle task → future → wake-up callback → task, which CPython's cycle
//! collector frees at shutdown) are reported by `at_exit`.

use super::core::{names_rc, try_names_rc};
use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{Class, Instance, KwArgs, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicPtr, Ordering};

/// The Future class registered by asyncio (null until asyncio is imported). Compared
/// by address only; a clone of the class is kept alive forever so the address is
/// never reused.
static FUTURE_CLASS: AtomicPtr<Class> = AtomicPtr::new(std::ptr::null_mut());

thread_local! {
    /// Resurrected Futures waiting for their report.
    static QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    /// The Baton reporter, `asyncio._finalize(fut)`.
    static REPORTER: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// Live Tasks, weakly, in creation order.
    static TASKS: RefCell<Registry> = RefCell::new(Registry::default());
    static SERVING: Cell<bool> = const { Cell::new(false) };
}

/// Weak references to the Tasks in creation order (8 bytes a task: a million
/// suspended tasks are a million entries). A dying Task is not looked up: its entry
/// (which keeps only the Instance's allocation, not its contents) goes at the next
/// sweep, which runs when the entries have doubled since the last one, so sweeping is
/// amortised O(1) a registration and dead entries never outnumber live ones by much.
#[derive(Default)]
struct Registry {
    tasks: Vec<Weak<Instance>>,
    /// How many entries the last sweep kept.
    kept: usize,
}

/// Entries added beyond twice the last sweep's survivors before the next sweep.
const SWEEP_SLACK: usize = 1024;

impl Registry {
    fn add(&mut self, task: &Rc<Instance>) {
        if self.tasks.len() >= 2 * self.kept + SWEEP_SLACK {
            self.tasks.retain(|w| w.strong_count() > 0);
            self.kept = self.tasks.len();
        }
        // Registering the same Task twice (an explicit second `__init__`) is rare:
        // only the newest entry is checked here, and `live` drops any other repeat.
        if self
            .tasks
            .last()
            .is_some_and(|w| w.as_ptr() == Rc::as_ptr(task))
        {
            return;
        }
        self.tasks.push(Rc::downgrade(task));
    }
}

/// Registers the Future class whose instances (and subclasses') get finalizers.
pub fn set_future_class(cls: &Value) {
    if let Value::Class(c) = cls {
        std::mem::forget(c.clone());
        FUTURE_CLASS.store(Rc::as_ptr(c) as *mut Class, Ordering::Relaxed);
    }
}

/// `_asyncio.set_finalizer(fn)`: the Baton function that reports a dying Future.
pub fn set_finalizer(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = args
        .first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("set_finalizer() takes exactly one argument"))?;
    REPORTER.with(|r| *r.borrow_mut() = Some(f));
    Ok(Value::None)
}

/// Adds a Task to the registry of live tasks.
pub fn register_task(task: &Value) {
    if let Value::Instance(i) = task {
        TASKS.with(|t| t.borrow_mut().add(i));
    }
}

/// `_asyncio.register_task(task)`
pub fn register_task_native(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if let Some(t) = args.first() {
        register_task(t);
    }
    Ok(Value::None)
}

/// `_asyncio.live_tasks()`: every Task still alive, in creation order.
pub fn live_tasks(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::List(Rc::new(RefCell::new(live()))))
}

fn live() -> Vec<Value> {
    let tasks: Vec<Rc<Instance>> =
        TASKS.with(|t| t.borrow().tasks.iter().filter_map(Weak::upgrade).collect());
    let mut seen = std::collections::HashSet::with_capacity(tasks.len());
    tasks
        .into_iter()
        .filter(|i| seen.insert(Rc::as_ptr(i)))
        .map(Value::Instance)
        .collect()
}

impl Drop for Instance {
    fn drop(&mut self) {
        if self.is_exception() {
            self.forget_exc();
            return;
        }
        let fc = FUTURE_CLASS.load(Ordering::Relaxed);
        if fc.is_null()
            || !self
                .class
                .mro_iter()
                .any(|c| std::ptr::eq(Rc::as_ptr(c), fc))
        {
            return;
        }
        on_drop(self);
    }
}

#[cold]
fn on_drop(inst: &mut Instance) {
    let Some(n) = try_names_rc() else {
        return;
    };
    let dict = inst.attrs.get_mut();
    if super::task::quiet_when_dropped(dict) {
        return;
    }
    // One pass over the attributes (a dying Future is on the hot path of every
    // wait). A Future's `_state` is the class default, PENDING, until it changes.
    let (mut log_traceback, mut pending, mut is_task, mut log_pending) = (false, true, false, true);
    let same = |k: &Rc<crate::vm::value::PyStr>, name: &Rc<crate::vm::value::PyStr>| {
        Rc::ptr_eq(k, name) || (k.hash() == name.hash() && k.as_str() == name.as_str())
    };
    for (k, v) in dict.iter() {
        if same(k, &n.state) {
            pending = matches!(v, Value::Str(s) if s.as_str() == "PENDING");
        } else if same(k, &n.log_traceback) {
            log_traceback = matches!(v, Value::Bool(true));
        } else if same(k, &n.coro) {
            is_task = true;
        } else if same(k, &n.log_destroy_pending) {
            log_pending = !matches!(v, Value::Bool(false));
        }
    }
    if !(log_traceback || (is_task && pending && log_pending)) {
        return;
    }
    let revived = Value::Instance(Rc::new(Instance {
        class: inst.class.clone(),
        attrs: crate::vm::shape::AttrCell::new(std::mem::take(dict)),
    }));
    if QUEUE.try_with(|q| q.borrow_mut().push(revived)).is_ok() {
        crate::vm::signals::request_attention();
    }
}

/// Reports the Futures and Tasks that died since the last call, in the order they
/// died. Called from `Vm::run_finalizers` (and so whenever the run loop attends).
pub fn serve(vm: &mut Vm) {
    if SERVING.with(|s| s.replace(true)) {
        return;
    }
    loop {
        let batch: Vec<Value> = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        if batch.is_empty() {
            break;
        }
        let reporter = REPORTER.with(|r| r.borrow().clone());
        for fut in batch {
            if let Some(rep) = &reporter {
                report(vm, rep, fut);
            }
        }
        if crate::vm::coroutine::finalization_pending() {
            SERVING.with(|s| s.set(false));
            vm.run_finalizers();
            SERVING.with(|s| s.set(true));
        }
    }
    SERVING.with(|s| s.set(false));
}

fn report(vm: &mut Vm, reporter: &Value, fut: Value) {
    if crate::trace::enabled() {
        let n = names_rc();
        let pending = matches!(super::core::get(&fut, &n.state), Some(Value::Str(s)) if s.as_str() == "PENDING");
        let why = if pending {
            "it is still pending"
        } else {
            "its exception was never retrieved"
        };
        crate::trace::destroyed(vm, &fut, why);
    }
    if let Err(e) = vm.call(reporter, vec![fut]) {
        vm.report_unraisable("Exception ignored in finalizer:", e);
    }
}

/// At interpreter shutdown: Tasks still pending are destroyed (CPython's last cycle
/// collection), each reported as "Task was destroyed but it is pending!".
pub fn at_exit(vm: &mut Vm) {
    vm.run_finalizers();
    let Some(reporter) = REPORTER.with(|r| r.borrow().clone()) else {
        return;
    };
    let n = names_rc();
    for task in live() {
        let pending = matches!(super::core::get(&task, &n.state), Some(Value::Str(s)) if s.as_str() == "PENDING");
        let log = !matches!(
            super::core::get(&task, &n.log_destroy_pending),
            Some(Value::Bool(false))
        );
        if pending && log {
            // The collector finalizes the coroutine first: its `finally` blocks run
            // and the report shows it done.
            if let Some(Value::Generator(g)) = super::core::get(&task, &n.coro) {
                if let Err(e) = vm.close_generator(&g) {
                    vm.report_unraisable("Exception ignored in: coroutine", e);
                }
            }
            report(vm, &reporter, task);
        }
    }
    vm.run_finalizers();
}
