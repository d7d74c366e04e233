//! Awaiting a Future, a Task or `asyncio.sleep(0)` without an iterator object.
//!
//! `await fut` calls `Future.__await__`, whose iterator (CPython's FutureIter) yields
//! the Future once while it is pending and then returns its result. For an instance
//! of exactly Future or Task (whose `__await__` is the native `future_await`), and
//! for `sleep(0)`'s `_Sleep0` (a bare yield), `GetAwaitable` leaves the object itself
//! on the stack as the receiver of the `YieldFrom` instead (vm/coroutine.rs): no
//! allocation per await, and a suspended task holds nothing for it.
//!
//! The iterator's one bit of state, "already yielded", is the parked frame's
//! `at_yield_from` flag: the frame that yields such a receiver parks with it set
//! (`Vm::suspend_top_awaiting`), and when it is resumed (vm/suspend.rs, and the gate
//! in vm/coroutine.rs) the await finishes at once when the Future has a result
//! (`finished_result`). Any other outcome (still pending, cancelled, an exception)
//! goes back to the ordinary path: the receiver becomes a started FutureIter
//! (`started_iter`) and the `YieldFrom` raises as it always did. `--trace` describes
//! such a receiver as the Future it is (trace/hooks.rs), so tracing changes nothing.

use super::core::{get_many, names_rc, str_is};
use crate::vm::value::{Class, NativeFn, NativeFunction, NativeIter, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// What kind of receiver awaits itself.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SelfAwait {
    /// An exact Future or Task: yields itself while pending, then its result.
    Future,
    /// `sleep(0)`'s `_Sleep0`: yields None once, then returns None.
    Sleep0,
}

thread_local! {
    /// The `_Sleep0` class registered by stdlib/asyncio.py (kept alive here, so its
    /// address is never reused while it is compared against).
    static SLEEP0: RefCell<Option<Rc<Class>>> = const { RefCell::new(None) };
}

/// `_asyncio.set_sleep0_class(cls)`: the class of `asyncio.sleep(0)`'s awaitable.
pub fn set_sleep0_class(
    _vm: &mut crate::vm::Vm,
    args: &[Value],
    _kw: crate::vm::value::KwArgs,
) -> crate::vm::error::PyResult<Value> {
    if let Some(Value::Class(c)) = args.first() {
        SLEEP0.with(|s| *s.borrow_mut() = Some(c.clone()));
    }
    Ok(Value::None)
}

fn is_sleep0_class(class: &Rc<Class>) -> bool {
    SLEEP0
        .try_with(|s| s.borrow().as_ref().is_some_and(|c| Rc::ptr_eq(c, class)))
        .unwrap_or(false)
}

impl SelfAwait {
    /// The Future that `receiver` of this kind stands for in `future_await_step` and
    /// the await iterator: itself, or None for `sleep(0)`'s bare yield.
    pub fn future(self, receiver: Value) -> Value {
        match self {
            SelfAwait::Future => receiver,
            SelfAwait::Sleep0 => Value::None,
        }
    }
}

/// Whether `v` is a receiver that awaits itself (see the module comment).
#[inline]
pub fn self_awaiting(v: &Value) -> Option<SelfAwait> {
    let Value::Instance(i) = v else {
        return None;
    };
    if super::core::has_builtin_defaults(&i.class) {
        Some(SelfAwait::Future)
    } else if is_sleep0_class(&i.class) {
        Some(SelfAwait::Sleep0)
    } else {
        None
    }
}

/// Whether `await obj`, with `method` the `__await__` its class defines, can leave
/// `obj` on the stack as its own receiver: the native `Future.__await__` of an exact
/// Future or Task, or `_Sleep0.__await__`.
pub fn awaits_itself(method: &NativeFunction, obj: &Value) -> bool {
    let native: NativeFn = match self_awaiting(obj) {
        Some(SelfAwait::Future) => super::task::future_await,
        Some(SelfAwait::Sleep0) => super::sleep0_await,
        None => return false,
    };
    std::ptr::fn_addr_eq(method.func, native)
}

/// The value a resumed await of `receiver` (which had yielded) returns, when that is
/// all there is to do: None for `sleep(0)`, the result of a Future finished without
/// an exception. None when the await must raise (see `started_iter`).
pub fn finished_result(kind: SelfAwait, receiver: &Value) -> Option<Value> {
    if kind == SelfAwait::Sleep0 {
        return Some(Value::None);
    }
    let n = &*names_rc();
    let [state, exception, result] =
        get_many(n, receiver, [&n.state, &n.exception, &n.result_attr]);
    if str_is(&state, "FINISHED") && exception.is_none_or(|e| e.is_none()) {
        Some(result.unwrap_or(Value::None))
    } else {
        None
    }
}

/// The started await iterator `receiver` stands for, to finish the await on the
/// ordinary path (it raises what the await raises).
pub fn started_iter(kind: SelfAwait, receiver: &Value) -> Value {
    let fut = kind.future(receiver.clone());
    Value::Iterator(Rc::new(RefCell::new(NativeIter::FutureAwait {
        fut,
        started: true,
    })))
}
