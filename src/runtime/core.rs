//! Shared state of the native scheduler: the Baton-level classes and helpers that
//! stdlib/asyncio.py registers with `_asyncio.setup(...)`, interned attribute names, and
//! small helpers to read and write the instance attributes of Futures, Tasks and the
//! loop without going through the generic attribute machinery.
//!
//! To keep a suspended Task small, a Future's or Task's dict holds only what differs
//! from the defaults its class defines (`_state = 'PENDING'`, `_result = None`, ...):
//! `get` falls back to the class (to built-in copies of those defaults for exact
//! Future and Task instances), and `set` does not add a default to a dict that lacks
//! the key.

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::Class;
use crate::vm::value::{PyStr, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What the Baton half of asyncio hands to the native half at import.
#[derive(Clone)]
pub struct Core {
    pub future_cls: Value,
    pub task_cls: Value,
    pub make_cancelled: Value,
    pub task_set_exception: Value,
    pub task_cancel: Value,
    pub report_error: Value,
    pub deadlock: Value,
    pub wakeup: Value,
}

thread_local! {
    static CORE: RefCell<Option<Rc<Core>>> = const { RefCell::new(None) };
    static NAMES: Rc<Names> = Rc::new(Names::new());
    /// The task each loop is running a step of (CPython's `_current_tasks`, keyed by
    /// loop): `(loop, task)` pairs, at most one per loop, usually none or one.
    static CURRENT: RefCell<Vec<(Value, Value)>> = const { RefCell::new(Vec::new()) };
    /// The loop running in this thread (asyncio.py's `_running_loop`, kept in step
    /// with it by `_asyncio.set_running_loop`), for natives that need it.
    static RUNNING: RefCell<Value> = const { RefCell::new(Value::None) };
    /// The ready queue of the loop that last scheduled something: the loop (not
    /// owned: its allocation stays while the weak reference does, so the address is
    /// not reused) and its `_ready` list (not owned either, so a dead loop's queue
    /// keeps nothing alive). A loop's `_ready` is set once, in its `__init__`.
    static READY: RefCell<ReadyCache> =
        const { RefCell::new((std::rc::Weak::new(), std::rc::Weak::new())) };
}

/// A loop (not owned) and its `_ready` list (not owned).
type ReadyCache = (
    std::rc::Weak<crate::vm::value::Instance>,
    std::rc::Weak<RefCell<Vec<Value>>>,
);

/// The loop running in this thread (None when none is).
pub fn running_loop() -> Value {
    RUNNING.with(|r| r.borrow().clone())
}

/// Records the loop running in this thread (None: none).
pub fn set_running_loop(loop_: Value) {
    let old = RUNNING.with(|r| std::mem::replace(&mut *r.borrow_mut(), loop_));
    drop(old);
}

/// The task `loop_` is running a step of, if any.
pub fn current_task(loop_: &Value) -> Option<Value> {
    CURRENT.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| l.is(loop_))
            .map(|(_, t)| t.clone())
    })
}

/// Records the task `loop_` runs (or, with None, that it runs none), returning the
/// previous one.
pub fn set_current_task(loop_: &Value, task: Option<Value>) -> Option<Value> {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        let at = c.iter().position(|(l, _)| l.is(loop_));
        match (at, task) {
            (Some(i), Some(t)) => Some(std::mem::replace(&mut c[i].1, t)),
            (Some(i), None) => Some(c.swap_remove(i).1),
            (None, Some(t)) => {
                c.push((loop_.clone(), t));
                None
            }
            (None, None) => None,
        }
    })
}

/// Records that `loop_` runs a step of `task` (`asyncio.tasks._enter_task`); gives
/// back the task it already runs a step of, if any.
pub fn enter_task(loop_: &Value, task: &Value) -> Result<(), Value> {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        // (An entry is removed when its step ends: a loop with one is mid-step.)
        match c.iter().find(|(l, _)| l.is(loop_)) {
            Some((_, cur)) => Err(cur.clone()),
            None => {
                c.push((loop_.clone(), task.clone()));
                Ok(())
            }
        }
    })
}

/// Records that `loop_` has finished the step it ran (`_leave_task`).
pub fn leave_task(loop_: &Value) {
    CURRENT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(at) = c.iter().position(|(l, _)| l.is(loop_)) {
            c.swap_remove(at);
        }
    })
}

/// The `_ready` list of `loop_` (a Baton list the loop cycle drains).
pub fn ready_list(loop_: &Value) -> Option<Rc<RefCell<Vec<Value>>>> {
    let Value::Instance(li) = loop_ else {
        return None;
    };
    let cached = READY.with(|r| {
        let r = r.borrow();
        if std::ptr::eq(r.0.as_ptr(), Rc::as_ptr(li)) {
            r.1.upgrade()
        } else {
            None
        }
    });
    if cached.is_some() {
        return cached;
    }
    let l = names(|n| get(loop_, &n.ready));
    let Some(Value::List(l)) = l else {
        return None;
    };
    READY.with(|r| *r.borrow_mut() = (Rc::downgrade(li), Rc::downgrade(&l)));
    Some(l)
}

/// Attribute names used on the hot path, interned once.
pub struct Names {
    pub state: Rc<PyStr>,
    pub must_cancel: Rc<PyStr>,
    pub coro: Rc<PyStr>,
    pub fut_waiter: Rc<PyStr>,
    pub loop_: Rc<PyStr>,
    pub cancel_message: Rc<PyStr>,
    pub cancelled_exc: Rc<PyStr>,
    pub callbacks: Rc<PyStr>,
    pub exception: Rc<PyStr>,
    pub exception_tb: Rc<PyStr>,
    pub log_traceback: Rc<PyStr>,
    pub blocking: Rc<PyStr>,
    pub ready: Rc<PyStr>,
    pub scheduled: Rc<PyStr>,
    pub stopping: Rc<PyStr>,
    pub cancelled: Rc<PyStr>,
    pub callback: Rc<PyStr>,
    pub args: Rc<PyStr>,
    pub scheduled_flag: Rc<PyStr>,
    pub timer_cancelled_count: Rc<PyStr>,
    pub result: Rc<PyStr>,
    pub add_done_callback: Rc<PyStr>,
    pub cancel: Rc<PyStr>,
    pub send: Rc<PyStr>,
    pub closed: Rc<PyStr>,
    pub finished_state: Rc<PyStr>,
    pub name: Rc<PyStr>,
    pub result_attr: Rc<PyStr>,
    pub throw: Rc<PyStr>,
    pub log_destroy_pending: Rc<PyStr>,
    pub num_cancels: Rc<PyStr>,
    pub pending_state: Rc<PyStr>,
    /// The shared empty tuple: `_callbacks` of a Future without callbacks.
    pub no_callbacks: Value,
    /// The addresses of the registered Future and Task classes (kept alive by CORE).
    classes: Cell<(usize, usize)>,
}

impl Names {
    fn new() -> Names {
        let n = crate::vm::intern::intern;
        Names {
            state: n("_state"),
            must_cancel: n("_must_cancel"),
            coro: n("_coro"),
            fut_waiter: n("_fut_waiter"),
            loop_: n("_loop"),
            cancel_message: n("_cancel_message"),
            cancelled_exc: n("_cancelled_exc"),
            callbacks: n("_callbacks"),
            exception: n("_exception"),
            exception_tb: n("_exception_tb"),
            log_traceback: n("_log_traceback"),
            blocking: n("_asyncio_future_blocking"),
            ready: n("_ready"),
            scheduled: n("_scheduled"),
            stopping: n("_stopping"),
            cancelled: n("_cancelled"),
            callback: n("_callback"),
            args: n("_args"),
            scheduled_flag: n("_scheduled"),
            timer_cancelled_count: n("_timer_cancelled_count"),
            result: n("result"),
            add_done_callback: n("add_done_callback"),
            cancel: n("cancel"),
            send: n("send"),
            closed: n("_closed"),
            finished_state: n("FINISHED"),
            name: n("_name"),
            result_attr: n("_result"),
            throw: n("throw"),
            log_destroy_pending: n("_log_destroy_pending"),
            num_cancels: n("_num_cancels_requested"),
            pending_state: n("PENDING"),
            no_callbacks: Value::tuple(Vec::new()),
            classes: Cell::new((0, 0)),
        }
    }
}

/// Runs `f` with the interned names.
pub fn names<R>(f: impl FnOnce(&Names) -> R) -> R {
    NAMES.with(|n| f(n))
}

/// The interned names, for functions that use many of them.
pub fn names_rc() -> Rc<Names> {
    NAMES.with(|n| n.clone())
}

/// The interned names, or None during thread teardown (for destructors).
pub fn try_names_rc() -> Option<Rc<Names>> {
    NAMES.try_with(|n| n.clone()).ok()
}

/// The registered Baton helpers (an error if asyncio has not registered them).
pub fn core() -> PyResult<Rc<Core>> {
    CORE.with(|c| c.borrow().clone())
        .ok_or_else(|| PyErr::runtime_error("asyncio core is not initialised"))
}

pub fn set_core(core: Core) {
    let addr = |v: &Value| match v {
        Value::Class(c) => Rc::as_ptr(c) as usize,
        _ => 0,
    };
    NAMES.with(|n| {
        n.classes
            .set((addr(&core.future_cls), addr(&core.task_cls)))
    });
    CORE.with(|c| *c.borrow_mut() = Some(Rc::new(core)));
}

/// The default of a Future or Task attribute for an instance of exactly Future or
/// Task, without a class look-up (the hot path reads several per step). These are the
/// class attributes `Future` and `Task` define in stdlib/asyncio.py (keep the two in
/// step); CPython's C Future keeps them as fields, so they are not meant to change.
/// `key` must be one of the interned names.
fn builtin_default(class: &Rc<Class>, key: &PyStr) -> Option<Value> {
    NAMES.with(|n| builtin_default_in(n, class, key))
}

/// `builtin_default` with the names at hand.
fn builtin_default_in(n: &Names, class: &Rc<Class>, key: &PyStr) -> Option<Value> {
    let addr = Rc::as_ptr(class) as usize;
    {
        let (future, task) = n.classes.get();
        if addr != task && (addr != future || addr == 0) {
            return None;
        }
        let is = |r: &Rc<PyStr>| std::ptr::eq(Rc::as_ptr(r), key);
        // The two a Task step reads first.
        if is(&n.state) {
            return Some(Value::Str(n.pending_state.clone()));
        }
        if addr == task && is(&n.must_cancel) {
            return Some(Value::Bool(false));
        }
        if is(&n.result_attr)
            || is(&n.exception)
            || is(&n.cancel_message)
            || is(&n.cancelled_exc)
            || (addr == task && is(&n.fut_waiter))
        {
            Some(Value::None)
        } else if is(&n.callbacks) {
            Some(n.no_callbacks.clone())
        } else if is(&n.log_traceback) || is(&n.blocking) {
            Some(Value::Bool(false))
        } else if addr == task && is(&n.num_cancels) {
            Some(Value::Int(0))
        } else {
            None
        }
    }
}

/// Whether `class` is exactly the registered Future or Task class, whose attribute
/// defaults are the built-in ones (`builtin_default`).
pub fn has_builtin_defaults(class: &Rc<Class>) -> bool {
    let addr = Rc::as_ptr(class) as usize;
    NAMES.with(|n| {
        let (future, task) = n.classes.get();
        addr != 0 && (addr == future || addr == task)
    })
}

/// Whether `class` is exactly the registered Task class.
pub fn is_exact_task_class(class: &Rc<Class>) -> bool {
    let addr = Rc::as_ptr(class) as usize;
    NAMES.with(|n| addr != 0 && addr == n.classes.get().1)
}

/// Whether `class` is exactly the registered Future class.
pub fn is_exact_future_class(class: &Rc<Class>) -> bool {
    let addr = Rc::as_ptr(class) as usize;
    NAMES.with(|n| addr != 0 && addr == n.classes.get().0)
}

/// An attribute's value from the class: a built-in default, or a class look-up.
fn class_value(class: &Rc<Class>, key: &PyStr) -> Option<Value> {
    builtin_default(class, key).or_else(|| class.lookup(key))
}

/// An attribute as a plain read sees it: the object's own dict, then its class. Future
/// and Task keep the default values of their attributes as class attributes
/// (`_state = 'PENDING'`, `_result = None`, ...), so an instance dict holds only what
/// differs from them.
pub fn get(obj: &Value, key: &PyStr) -> Option<Value> {
    match obj {
        Value::Instance(i) => {
            let own = i.attrs.with(|a| a.get_str(key));
            own.or_else(|| class_value(&i.class, key))
        }
        _ => None,
    }
}

/// `get` for an attribute usually found at position `at` of the object's attributes
/// (the order its class's `__init__` sets them in): one comparison of names there,
/// else the look-up by name.
pub fn get_at(obj: &Value, key: &Rc<PyStr>, at: u32) -> Option<Value> {
    if let Value::Instance(i) = obj {
        let found = i.attrs.with(|a| match a.get_index(at as usize) {
            Some((k, v)) if Rc::ptr_eq(k, key) || (k.hash() == key.hash() && k.s == key.s) => {
                Some(v.clone())
            }
            _ => None,
        });
        if found.is_some() {
            return found;
        }
    }
    get(obj, key)
}

/// Several attributes as `get` reads them, in one pass over the object's own dict (the
/// Task step reads four; a Task's dict is small and scanned, so one pass instead of
/// four matters there).
pub fn get_many<const K: usize>(
    n: &Names,
    obj: &Value,
    keys: [&Rc<PyStr>; K],
) -> [Option<Value>; K] {
    let mut out: [Option<Value>; K] = std::array::from_fn(|_| None);
    let Value::Instance(i) = obj else {
        return out;
    };
    let mut missing = K;
    i.attrs.with(|d| {
        for (k, v) in d.iter() {
            // The interned names are the keys the natives store: pointers first.
            let at = keys.iter().position(|key| Rc::ptr_eq(k, key)).or_else(|| {
                keys.iter()
                    .position(|key| k.hash() == key.hash() && k.s == key.s)
            });
            if let Some(j) = at {
                if out[j].is_none() {
                    out[j] = Some(v.clone());
                    missing -= 1;
                    if missing == 0 {
                        break;
                    }
                }
            }
        }
    });
    if missing > 0 {
        for (slot, key) in out.iter_mut().zip(keys.iter()) {
            if slot.is_none() {
                *slot = builtin_default_in(n, &i.class, key).or_else(|| i.class.lookup(key));
            }
        }
    }
    out
}

/// Whether two plain values are interchangeable as attribute values (a default is
/// recognised by value for None, bools, ints, strs and the empty tuple).
fn same_plain(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Value::Tuple(x), Value::Tuple(y)) => x.is_empty() && y.is_empty(),
        (Value::None | Value::Bool(_) | Value::Int(_), _) => a.is(b),
        _ => false,
    }
}

/// Stores an attribute in the object's own dict. A value equal to the class's default
/// is not added to a dict that lacks the key: reads see the same value either way.
pub fn set(obj: &Value, key: &Rc<PyStr>, v: Value) {
    if let Value::Instance(i) = obj {
        i.attrs.with_mut(|d| {
            let Err(v) = d.update_str(key, v) else {
                return;
            };
            if class_value(&i.class, key).is_some_and(|dv| same_plain(&dv, &v)) {
                return;
            }
            d.set_str(key.clone(), v);
        });
    }
}

/// Whether `v` is the class's default for `key` (a Future keeps its defaults out of
/// its dict).
pub fn is_class_default(class: &Rc<Class>, key: &PyStr, v: &Value) -> bool {
    class_value(class, key).is_some_and(|dv| same_plain(&dv, v))
}

/// An attribute through the full lookup (class attributes, properties).
pub fn attr(vm: &mut Vm, obj: &Value, key: &Rc<PyStr>) -> PyResult<Option<Value>> {
    if let Some(v) = get(obj, key) {
        return Ok(Some(v));
    }
    vm.try_get_attr(obj, key)
}

/// Python truthiness for the plain values the scheduler stores.
pub fn truthy(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    match v {
        None | Some(Value::None) | Some(Value::Bool(false)) => Ok(false),
        Some(Value::Bool(true)) => Ok(true),
        Some(v) => vm.truthy(v),
    }
}

/// True when the string attribute equals `what`.
pub fn str_is(v: &Option<Value>, what: &str) -> bool {
    matches!(v, Some(Value::Str(s)) if s.as_str() == what)
}
