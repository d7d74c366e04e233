//! What `gather` (stdlib/asyncio/tasks.py) reads natively: whether its arguments can
//! serve as its children as they are (`gather_loop`), a finished child's exception
//! (`future_error`), a child's entry in the results (`gather_outcome`), and the whole
//! results list at once when every child is an exact Future or Task
//! (`gather_results`). Anything else, gather reads in Baton as CPython does.

use super::core::{get, names_rc, set, str_is, truthy};
use super::task::{fresh_result, self_arg};
use crate::vm::error::{ExcType, PyResult};
use crate::vm::value::{KwArgs, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// `_asyncio.future_error(fut)`: what gather reads of a finished child that was not
/// cancelled: its exception (None when it has a result), now retrieved. An exact
/// Future or Task is read directly, as CPython's gather reads `_exception`; anything
/// else is asked `fut.exception()`.
pub fn future_error(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    if fresh_result(fut).is_some() {
        return Ok(Value::None);
    }
    if is_plain_future(fut) {
        let n = &*names_rc();
        let [logged, exc] = super::core::get_many(n, fut, [&n.log_traceback, &n.exception]);
        mark_retrieved(vm, fut, &logged)?;
        return Ok(exc.unwrap_or(Value::None));
    }
    let name = vm.intern("exception");
    let m = vm.get_attr(fut, &name)?;
    vm.call(&m, Vec::new())
}

/// A done Future's exception has been read: "exception was never retrieved" is not
/// to be reported (`logged` is its `_log_traceback` as read).
fn mark_retrieved(vm: &mut Vm, fut: &Value, logged: &Option<Value>) -> PyResult<()> {
    if truthy(vm, logged)? {
        set(fut, &names_rc().log_traceback, Value::Bool(false));
    }
    Ok(())
}

/// `_asyncio.gather_outcome(fut, other)`: a done child's entry in gather's results,
/// for an exact Future or Task: a CancelledError (with its message, '' for none) when
/// it was cancelled, else its exception (now retrieved), else its result. `other`
/// (a marker) for anything else, which gather reads itself.
pub fn gather_outcome(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    if !is_plain_future(fut) {
        return Ok(args.get(1).cloned().unwrap_or(Value::None));
    }
    plain_outcome(vm, fut)
}

/// `_asyncio.gather_results(children)`: gather's results list, each child's entry as
/// `gather_outcome` gives it, when every child is an exact Future or Task; None
/// otherwise, and gather reads them one by one. The children are read in order, as
/// the per-child loop reads them, and nothing else runs in between (that loop only
/// appends), so the effects are the same, an exception included.
pub fn gather_results(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // Read in place, not copied (there may be a million children).
    let Some(children) = args.first() else {
        return Ok(Value::None);
    };
    let count = match children {
        Value::Tuple(t) => t.len(),
        Value::List(l) => l.try_borrow().map_or(0, |l| l.len()),
        _ => return Ok(Value::None),
    };
    if !(0..count).all(|i| child_at(children, i).is_some_and(|c| is_plain_future(&c))) {
        return Ok(Value::None);
    }
    let mut results = Vec::with_capacity(count);
    for i in 0..count {
        let Some(c) = child_at(children, i) else {
            return Ok(Value::None);
        };
        results.push(plain_outcome(vm, &c)?);
    }
    Ok(Value::list(results))
}

/// Child `i` of gather's children (its argument tuple, or the list it made), a list
/// borrowed only while the child is taken out.
fn child_at(children: &Value, i: usize) -> Option<Value> {
    match children {
        Value::Tuple(t) => t.get(i).cloned(),
        Value::List(l) => l.try_borrow().ok()?.get(i).cloned(),
        _ => None,
    }
}

/// An instance of exactly Future or Task, whose state the natives read directly.
fn is_plain_future(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if super::core::has_builtin_defaults(&i.class))
}

/// A done exact Future's or Task's entry in gather's results (`gather_outcome`).
fn plain_outcome(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    if let Some(result) = fresh_result(fut) {
        return Ok(result);
    }
    let n = &*names_rc();
    let [state, logged, exc, result, msg] = super::core::get_many(
        n,
        fut,
        [
            &n.state,
            &n.log_traceback,
            &n.exception,
            &n.result_attr,
            &n.cancel_message,
        ],
    );
    if str_is(&state, "CANCELLED") {
        let msg = match msg {
            Some(m) if !m.is_none() => m,
            _ => Value::str(""),
        };
        let cls = Value::Class(vm.types.exc(ExcType::CancelledError).clone());
        return vm.call(&cls, vec![msg]);
    }
    mark_retrieved(vm, fut, &logged)?;
    match exc {
        Some(e) if !e.is_none() => Ok(e),
        _ => Ok(result.unwrap_or(Value::None)),
    }
}

/// `_asyncio.gather_loop(args)`: the loop of gather's arguments when each is an exact
/// Future or Task, all of one loop and no object given twice (gather's `arg_to_fut`
/// would map each to itself), else None. Then the children are the arguments.
pub fn gather_loop(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(Value::Tuple(items)) = args.first() else {
        return Ok(Value::None);
    };
    let n = &*names_rc();
    let mut common: Option<Value> = None;
    // (Sorted addresses, not a hash set: gather's arguments are all alive at once, and
    // a set of a million addresses would take more than twice the memory.)
    let mut addrs = Vec::with_capacity(items.len());
    for item in items.iter() {
        let Value::Instance(i) = item else {
            return Ok(Value::None);
        };
        if !super::core::has_builtin_defaults(&i.class) {
            return Ok(Value::None);
        }
        let Some(l) = get(item, &n.loop_) else {
            return Ok(Value::None);
        };
        match &common {
            None => common = Some(l),
            Some(c) if c.is(&l) => {}
            Some(_) => return Ok(Value::None),
        }
        addrs.push(Rc::as_ptr(i) as usize);
    }
    addrs.sort_unstable();
    if addrs.windows(2).any(|w| w[0] == w[1]) {
        return Ok(Value::None);
    }
    Ok(common.unwrap_or(Value::None))
}
