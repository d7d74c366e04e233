//! `Task.__step` and `Task.__wakeup`, natively, following Lib/asyncio/tasks.py: a step
//! sends None (or throws) into the coroutine; a bare yield reschedules the step; a
//! yielded Future gets the wake-up callback; a return or raise settles the Task. Also
//! the hot Future methods (creation, `__await__` as a native FutureIter, `done`,
//! `cancelled`, `result`, `exception`, `set_result`, `add_done_callback`) and Task
//! creation with CPython's `Task-N` names. (What gather reads natively is in
//! `gather.rs`.)
//!
//! Ready-queue entries the scheduler uses internally (besides Handle instances):
//! a Task itself is a step, `(task, exc, None)` a step that throws `exc`, `(fn, fut)` a
//! done-callback call `fn(fut)`, and a Task's own wake-up callback alone (a bound
//! `task_wakeup`) the wake-up of that Task by the Future it waits for.

use super::core::{attr, core, get, get_at, names, names_rc, set, str_is, truthy};
use crate::trace;
use crate::vm::coroutine::Resumed;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::shape::Attrs;
use crate::vm::value::{BoundMethod, KwArgs, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// `Task._step(exc=None)`
pub fn task_step(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(task) = args.first() else {
        return Err(PyErr::type_error("_step() missing self"));
    };
    let exc = args.get(1).cloned().filter(|v| !v.is_none());
    step(vm, task, exc)?;
    Ok(Value::None)
}

/// `Task._wakeup(future)`
pub fn task_wakeup(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (Some(task), Some(fut)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error(
            "task_wakeup() takes exactly one argument",
        ));
    };
    wakeup(vm, task, fut)?;
    Ok(Value::None)
}

fn is_exc(vm: &Vm, v: &Value, typ: ExcType) -> bool {
    vm.type_of(v).is_subclass(vm.types.exc(typ))
}

pub fn wakeup(vm: &mut Vm, task: &Value, fut: &Value) -> PyResult<()> {
    if fresh_result(fut).is_some() {
        // Done with a result: the step sends None.
        return step(vm, task, None);
    }
    let n = &*names_rc();
    let core = core()?;
    // The plain Future.result() is read directly; anything else is called.
    let plain = uses_future_method(fut, &(n.result.clone()), &core);
    let exc = if plain {
        let [state, e] = super::core::get_many(n, fut, [&n.state, &n.exception]);
        if str_is(&state, "CANCELLED") {
            Some(vm.call(&core.make_cancelled, vec![fut.clone()])?)
        } else {
            match e {
                Some(e) if !e.is_none() => {
                    (set(fut, &n.log_traceback, Value::Bool(false)));
                    restore_traceback(n, fut, &e);
                    Some(e)
                }
                _ => None,
            }
        }
    } else {
        let m = vm.get_attr(fut, &(n.result.clone()))?;
        match vm.call(&m, Vec::new()) {
            Ok(_) => None,
            Err(e) => Some(vm.normalize(e)),
        }
    };
    step(vm, task, exc)
}

fn push_ready(loop_: &Value, item: Value) {
    if let Some(l) = super::core::ready_list(loop_) {
        l.borrow_mut().push(item);
    }
}

fn schedule_step_exc(vm: &mut Vm, loop_: &Value, task: &Value, msg: String) {
    let e = vm.new_exception(ExcType::RuntimeError, vec![Value::str(&msg)]);
    push_ready(loop_, Value::tuple(vec![task.clone(), e, Value::None]));
    if trace::enabled() {
        trace::step_scheduled(vm, task, "to raise RuntimeError");
    }
}

pub fn step(vm: &mut Vm, task: &Value, mut exc: Option<Value>) -> PyResult<()> {
    let core = core()?;
    // The coroutine and the loop, filled in where they lie: a pair of values returned
    // from a call, or a `Value::None` a local starts as, is stored in pieces (the tag
    // byte first) and read back whole, a store-forwarding stall each.
    let mut fields = std::mem::MaybeUninit::<[Value; 2]>::uninit();
    let at = fields.as_mut_ptr() as *mut Value;
    // SAFETY: `at` points at room for two values; either call writes both.
    if !unsafe { fresh_task_fields(task, at) } {
        let n = &*names_rc();
        let [state, must_cancel, coro_attr, loop_attr] =
            super::core::get_many(n, task, [&n.state, &n.must_cancel, &n.coro, &n.loop_]);
        if !str_is(&state, "PENDING") {
            let t = vm.repr_string(task)?;
            let e = match &exc {
                Some(e) => vm.repr_string(e)?,
                None => "None".to_string(),
            };
            return Err(PyErr::new(
                ExcType::InvalidStateError,
                format!("_step(): already done: {}, {}", t, e),
            ));
        }
        if truthy(vm, &must_cancel)? {
            let is_cancel = exc
                .as_ref()
                .is_some_and(|e| is_exc(vm, e, ExcType::CancelledError));
            if !is_cancel {
                exc = Some(vm.call(&core.make_cancelled, vec![task.clone()])?);
            }
            (set(task, &n.must_cancel, Value::Bool(false)));
        }
        // A Task made by `new_task` keeps its waiter at the template's position.
        set_at(task, &n.fut_waiter, Value::None, FUT_WAITER_AT);
        // SAFETY: as above.
        unsafe {
            at.write(coro_attr.unwrap_or(Value::None));
            at.add(1).write(loop_attr.unwrap_or(Value::None));
        }
    }
    // SAFETY: both values were written. (Used where they lie: taken apart into two
    // locals, they would be copied on in pieces.)
    let fields = unsafe { fields.assume_init() };
    let (coro, loop_) = (&fields[0], &fields[1]);
    if let Err(cur) = super::core::enter_task(loop_, task) {
        let t = vm.repr_string(task)?;
        let c = vm.repr_string(&cur)?;
        return Err(PyErr::runtime_error(format!(
            "Cannot enter into task {} while another task {} is being executed.",
            t, c
        )));
    }
    let traced = trace::enabled();
    let prev = if traced {
        trace::step_begin(vm, task, exc.as_ref())
    } else {
        None
    };
    let outcome = match coro {
        Value::Generator(g) => vm.resume(g, Value::None, exc),
        _ => {
            let n = &*names_rc();
            let r = match exc {
                None => vm
                    .get_attr(coro, &(n.send.clone()))
                    .and_then(|m| vm.call(&m, vec![Value::None])),
                Some(e) => vm
                    .get_attr(coro, &(n.throw.clone()))
                    .and_then(|m| vm.call(&m, vec![e])),
            };
            match r {
                Ok(v) => Ok(Resumed::Yielded(v)),
                Err(e) if vm.err_is(&e, ExcType::StopIteration) => {
                    let ev = vm.normalize(e);
                    let args = vm.exc_args(&ev);
                    Ok(Resumed::Returned(
                        args.into_iter().next().unwrap_or(Value::None),
                    ))
                }
                Err(e) => Err(e),
            }
        }
    };
    super::core::leave_task(loop_);
    if traced {
        return traced_outcome(vm, &core, task, loop_, outcome, prev);
    }
    settle_step(vm, &core, task, loop_, outcome)
}

/// The end of a traced step: the Task's new state is recorded once the outcome has
/// been applied (so a wake-up scheduled inside is seen first).
fn traced_outcome(
    vm: &mut Vm,
    core: &super::core::Core,
    task: &Value,
    loop_: &Value,
    outcome: PyResult<Resumed>,
    prev: Option<Rc<str>>,
) -> PyResult<()> {
    let (outcome, after) = match outcome {
        Ok(Resumed::Yielded(v)) => {
            let a = trace::after_yield(vm, &v);
            (Ok(Resumed::Yielded(v)), a)
        }
        Ok(Resumed::Returned(v)) => {
            let a = trace::done_with(vm, "returned", &v);
            (Ok(Resumed::Returned(v)), a)
        }
        Err(e) => {
            let ev = vm.normalize(e);
            let a = if is_exc(vm, &ev, ExcType::CancelledError) {
                trace::After::Done(String::from("was cancelled"))
            } else {
                trace::done_with(vm, "raised", &ev)
            };
            (Err(PyErr::Raised(ev)), a)
        }
    };
    let r = settle_step(vm, core, task, loop_, outcome);
    let after = match (&after, trace_state(task)) {
        // Cancelled while it ran, or it swallowed the cancellation: say what happened.
        (trace::After::Waiting(_), Some(s)) if s != "PENDING" => {
            trace::After::Done(s.to_lowercase())
        }
        _ => after,
    };
    trace::step_end(vm, task, after, prev);
    r
}

fn trace_state(task: &Value) -> Option<String> {
    match names(|n| get(task, &n.state)) {
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        _ => None,
    }
}

/// Applies a step's outcome, as the end of `Task.__step`.
fn settle_step(
    vm: &mut Vm,
    core: &super::core::Core,
    task: &Value,
    loop_: &Value,
    outcome: PyResult<Resumed>,
) -> PyResult<()> {
    let n = &*names_rc();
    match outcome {
        Ok(Resumed::Returned(v)) => {
            // (A Task in its first shape is not being cancelled.)
            let must = match template_shaped(task) {
                true => None,
                false => get(task, &n.must_cancel),
            };
            if truthy(vm, &must)? {
                (set(task, &n.must_cancel, Value::Bool(false)));
                let msg = (get(task, &n.cancel_message)).unwrap_or(Value::None);
                vm.call(&core.task_cancel, vec![task.clone(), msg])?;
            } else {
                finish_task(vm, core, task, v)?;
            }
        }
        Err(e) => {
            let ev = vm.normalize(e);
            if is_exc(vm, &ev, ExcType::CancelledError) {
                (set(task, &n.cancelled_exc, ev));
                vm.call(&core.task_cancel, vec![task.clone(), Value::None])?;
            } else if is_exc(vm, &ev, ExcType::KeyboardInterrupt)
                || is_exc(vm, &ev, ExcType::SystemExit)
            {
                vm.call(&core.task_set_exception, vec![task.clone(), ev.clone()])?;
                return Err(PyErr::Raised(ev));
            } else {
                vm.call(&core.task_set_exception, vec![task.clone(), ev])?;
            }
        }
        Ok(Resumed::Yielded(result)) => yielded(vm, core, task, loop_, result)?,
    }
    Ok(())
}

fn yielded(
    vm: &mut Vm,
    core: &super::core::Core,
    task: &Value,
    loop_: &Value,
    result: Value,
) -> PyResult<()> {
    let n = &*names_rc();
    if result.is_none() {
        push_ready(loop_, task.clone());
        if trace::enabled() {
            trace::step_scheduled(vm, task, "a bare yield");
        }
        return Ok(());
    }
    let blocking = match &result {
        Value::Instance(_) => match get_at(&result, &n.blocking, BLOCKING_AT) {
            Some(b) => Some(b),
            None => attr(vm, &result, &(n.blocking.clone()))?,
        },
        _ => None,
    };
    match blocking {
        Some(b) if !b.is_none() => {
            let rloop = match get_at(&result, &n.loop_, 0) {
                Some(l) => Some(l),
                None => attr(vm, &result, &(n.loop_.clone()))?,
            };
            if !rloop.is_some_and(|l| l.is(loop_)) {
                let t = vm.repr_string(task)?;
                let r = vm.repr_string(&result)?;
                schedule_step_exc(
                    vm,
                    loop_,
                    task,
                    format!("Task {} got Future {} attached to a different loop", t, r),
                );
            } else if truthy(vm, &Some(b))? {
                if result.is(task) {
                    let t = vm.repr_string(task)?;
                    schedule_step_exc(
                        vm,
                        loop_,
                        task,
                        format!("Task cannot await on itself: {}", t),
                    );
                    return Ok(());
                }
                set_at(&result, &n.blocking, Value::Bool(false), BLOCKING_AT);
                add_wakeup(vm, &result, task, core)?;
                // (A Task in its first shape is not being cancelled.)
                let must = match template_shaped(task) {
                    true => None,
                    false => get(task, &n.must_cancel),
                };
                set_at(task, &n.fut_waiter, result.clone(), FUT_WAITER_AT);
                if truthy(vm, &must)? {
                    let msg = (get(task, &n.cancel_message)).unwrap_or(Value::None);
                    let m = vm.get_attr(&result, &(n.cancel.clone()))?;
                    let r = vm.call_kw(
                        &m,
                        Vec::new(),
                        vec![(Rc::new(crate::vm::value::PyStr::new("msg")), msg)],
                    )?;
                    if vm.truthy(&r)? {
                        (set(task, &n.must_cancel, Value::Bool(false)));
                    }
                }
            } else {
                let t = vm.repr_string(task)?;
                let r = vm.repr_string(&result)?;
                schedule_step_exc(
                    vm,
                    loop_,
                    task,
                    format!(
                        "yield was used instead of yield from in task {} with {}",
                        t, r
                    ),
                );
            }
        }
        _ => {
            let t = vm.repr_string(task)?;
            let r = vm.repr_string(&result)?;
            let msg = match &result {
                Value::Generator(g) if g.kind == crate::vm::value::GenKind::Generator => format!(
                    "yield was used instead of yield from for generator in task {} with {}",
                    t, r
                ),
                _ => format!("Task got bad yield: {}", r),
            };
            schedule_step_exc(vm, loop_, task, msg);
        }
    }
    Ok(())
}

/// `fut.add_done_callback(task.__wakeup)` for the Future a Task waits on. A plain
/// pending Future keeps the Task itself as the wake-up (see `push_callback`), and
/// the wake-up is queued as the Task alone (see `settle`): no bound method is made
/// for it. Anything else gets the bound method, as CPython's Task passes it.
fn add_wakeup(vm: &mut Vm, fut: &Value, task: &Value, core: &super::core::Core) -> PyResult<()> {
    let n = &*names_rc();
    if uses_future_method(fut, &n.add_done_callback, core) {
        if is_pending(n, fut) {
            push_wakeup(fut, task);
        } else {
            let loop_ = get(fut, &n.loop_).unwrap_or(Value::None);
            push_ready(
                &loop_,
                Value::tuple(vec![wakeup_method(core, task), fut.clone()]),
            );
        }
        return Ok(());
    }
    let m = vm.get_attr(fut, &n.add_done_callback)?;
    vm.call(&m, vec![wakeup_method(core, task)])?;
    Ok(())
}

/// The bound method `task.__wakeup` (CPython's callback object for a Task's wake-up).
fn wakeup_method(core: &super::core::Core, task: &Value) -> Value {
    Value::BoundMethod(Rc::new(BoundMethod {
        func: core.wakeup.clone(),
        self_: task.clone(),
    }))
}

/// The bound method `task.__wakeup`, for reports and traces of a wake-up queued as
/// the Task alone.
pub(super) fn wakeup_of(task: &Value) -> Value {
    match core() {
        Ok(core) => wakeup_method(&core, task),
        Err(_) => Value::None,
    }
}

/// The Future a Task waits for (its `_fut_waiter`), or None.
pub(super) fn waiting_for(task: &Value) -> Value {
    names(|n| get_at(task, &n.fut_waiter, FUT_WAITER_AT)).unwrap_or(Value::None)
}

/// Whether a Task waits for a Future (`waiting_for` is not None), looked at where
/// the waiter lies for a Task in the shape `new_task` gave it (no copy of it made:
/// a value handed back is copied on in pieces, and read back whole).
pub(super) fn is_waiting(task: &Value) -> bool {
    if let Value::Instance(i) = task {
        let known = i.attrs.with(|attrs| match attrs {
            Attrs::Shaped { values, .. } if is_template_shape(attrs, true) => {
                Some(!values[FUT_WAITER_AT as usize].is_none())
            }
            _ => None,
        });
        if let Some(waiting) = known {
            return waiting;
        }
    }
    !waiting_for(task).is_none()
}

/// Whether `v`, as a Future's single callback, stands for the wake-up of the Task it
/// is (`push_wakeup`).
fn is_wakeup_marker(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if is_task_class(&i.class))
}

/// An instance of the registered Task class or a subclass of it.
pub(super) fn is_task_class(class: &Rc<crate::vm::value::Class>) -> bool {
    if super::core::is_exact_task_class(class) {
        return true;
    }
    match core() {
        Ok(c) => match &c.task_cls {
            Value::Class(t) => Rc::ptr_eq(class, t) || class.is_subclass(t),
            _ => false,
        },
        Err(_) => false,
    }
}

/// A Future's callbacks as the program sees them: a wake-up kept as its Task
/// becomes the bound method `task.__wakeup`.
fn materialize(core: &super::core::Core, cb: Value) -> Value {
    if is_wakeup_marker(&cb) {
        wakeup_method(core, &cb)
    } else {
        cb
    }
}

/// `_asyncio.callback_list(fut)`: a Future's callbacks as a list or tuple (the forms
/// of `_callbacks` are the empty tuple, one callback, a Task standing for its own
/// wake-up, or a list of two or more).
pub fn callback_list(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    let n = &*names_rc();
    let cbs = super::core::attr(_vm, fut, &n.callbacks)?.unwrap_or_else(|| n.no_callbacks.clone());
    Ok(match cbs {
        Value::List(_) | Value::Tuple(_) => cbs,
        cb => {
            let core = core()?;
            Value::List(Rc::new(std::cell::RefCell::new(vec![materialize(
                &core, cb,
            )])))
        }
    })
}

/// Appends to a pending Future's `_callbacks`, which is the shared empty tuple while
/// there is none, the callback itself while there is one (as CPython's C Future keeps
/// its first callback out of the list), and a list from the second on. A list, a
/// tuple or a Task given as a callback always goes into a list, so the forms cannot
/// be confused (a Task alone is a wake-up: `push_wakeup`).
fn push_callback(fut: &Value, cb: Value) {
    let n = &*names_rc();
    let list = |items: Vec<Value>| Value::List(Rc::new(std::cell::RefCell::new(items)));
    match get_at(fut, &n.callbacks, CALLBACKS_AT) {
        Some(Value::List(l)) => l.borrow_mut().push(cb),
        None | Some(Value::Tuple(_)) => {
            let v = match cb {
                Value::List(_) | Value::Tuple(_) => list(vec![cb]),
                cb if is_wakeup_marker(&cb) => list(vec![cb]),
                cb => cb,
            };
            set_at(fut, &n.callbacks, v, CALLBACKS_AT);
        }
        Some(first) => {
            let first = match core() {
                Ok(core) => materialize(&core, first),
                Err(_) => first,
            };
            set_at(fut, &n.callbacks, list(vec![first, cb]), CALLBACKS_AT);
        }
    }
}

/// Adds the wake-up of `task` to a pending plain Future's callbacks: the Task itself
/// when it is the only callback, else its bound method in the list.
fn push_wakeup(fut: &Value, task: &Value) {
    let n = &*names_rc();
    match get_at(fut, &n.callbacks, CALLBACKS_AT) {
        None | Some(Value::Tuple(_)) => set_at(fut, &n.callbacks, task.clone(), CALLBACKS_AT),
        _ => {
            if let Ok(core) = core() {
                push_callback(fut, wakeup_method(&core, task));
            }
        }
    }
}

/// True for the wake-up callback a Task registers on the Future it waits for
/// (`yielded`), while it still waits for `fut`: its ready-queue entry is the callback
/// alone, and the Task's `_fut_waiter` says which Future woke it.
fn is_wakeup_of(cb: &Value, fut: &Value, core: &super::core::Core) -> bool {
    let (Value::BoundMethod(b), Value::Native(w)) = (cb, &core.wakeup) else {
        return false;
    };
    matches!(&b.func, Value::Native(f) if Rc::ptr_eq(f, w))
        && names(|n| get_at(&b.self_, &n.fut_waiter, FUT_WAITER_AT)).is_some_and(|f| f.is(fut))
}

/// True when the object's class inherits method `name` from Future unchanged.
pub fn uses_future_method(
    obj: &Value,
    name: &crate::vm::value::PyStr,
    core: &super::core::Core,
) -> bool {
    let (Value::Instance(i), Value::Class(future)) = (obj, &core.future_cls) else {
        return false;
    };
    // Cached per (class, name) while the class epoch holds (see vm::cache): the hot
    // path asks this of the same few classes on every wake-up.
    let key = (
        Rc::as_ptr(&i.class) as usize,
        name as *const _ as usize,
        crate::vm::cache::epoch(),
    );
    let mix = (key.0 ^ key.1.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slot = (mix >> 61) % METHOD_SLOTS;
    // Two ways: the slot and its neighbour (the hot path asks two names of one
    // class in turn, which must not evict each other).
    let other = (slot + 1) % METHOD_SLOTS;
    if let Ok(Some(hit)) = METHOD_CACHE.try_with(|c| {
        let (k, v) = c[slot].get();
        if k == key {
            return Some(v);
        }
        let (k, v) = c[other].get();
        (k == key).then_some(v)
    }) {
        return hit;
    }
    let mut found = false;
    for c in i.class.mro_iter() {
        if c.dict.borrow().get_str(name).is_some() {
            found = Rc::ptr_eq(c, future);
            break;
        }
    }
    let _ = METHOD_CACHE.try_with(|c| {
        // A slot whose entry is of this epoch keeps it; the neighbour takes the
        // new one then (and the other way round).
        let (k, _) = c[slot].get();
        let at = if k.2 == key.2 && k != (0, 0, 0) {
            other
        } else {
            slot
        };
        let (k2, _) = c[at].get();
        let at = if at == other && k2.2 == key.2 && k2 != (0, 0, 0) {
            slot
        } else {
            at
        };
        c[at].set((key, found));
    });
    found
}

const METHOD_SLOTS: usize = 8;

/// ((class address, name address, class epoch), inherits Future's method).
type MethodEntry = ((usize, usize, u64), bool);

thread_local! {
    /// `uses_future_method` answers: ((class address, name address, epoch), answer).
    /// The names are the interned ones (`core::Names`), alive for the thread.
    static METHOD_CACHE: [std::cell::Cell<MethodEntry>; METHOD_SLOTS] =
        const { [const { std::cell::Cell::new(((0, 0, 0), false)) }; METHOD_SLOTS] };
}

thread_local! {
    static TASK_COUNTER: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// `_asyncio.next_task_name()`: the number N of the next default name "Task-N",
/// counted as CPython counts. A Task stores the number as its `_name` and makes the
/// string when asked (`Task.get_name`), as CPython 3.12 does.
pub fn next_task_name(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(take_task_number())
}

fn take_task_number() -> Value {
    let n = TASK_COUNTER.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A Task's name from its `_name`: the string, or "Task-N" for a default name.
pub fn task_name_of(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Int(n) => Some(format!("Task-{}", n)),
        _ => None,
    }
}

/// Where a Future made by `new_future` or a Task made by `new_task` keeps each
/// attribute (see `templates`): a Future's loop, callbacks and waiting flag; a Task's
/// loop, callbacks, name, coroutine and waiter.
const LOOP_AT: u32 = 0;
const CALLBACKS_AT: u32 = 1;
const BLOCKING_AT: u32 = 2;
const NAME_AT: u32 = 2;
const CORO_AT: u32 = 3;
const FUT_WAITER_AT: u32 = 4;

/// Whether `template` (a clone source) has exactly `shape`.
fn has_shape(template: &Attrs, shape: &Rc<crate::vm::shape::Shape>) -> bool {
    matches!(template, Attrs::Shaped { shape: s, .. } if Rc::ptr_eq(s, shape))
}

/// Whether `attrs` have the shape `new_task` (or `new_future`) gives a Task (or a
/// Future): nothing but the template's attributes was stored since. (`try_with`:
/// objects also die while the thread's statics are torn down.)
fn is_template_shape(attrs: &Attrs, task: bool) -> bool {
    let Attrs::Shaped { shape, .. } = attrs else {
        return false;
    };
    TEMPLATES
        .try_with(|t| has_shape(if task { &t.1 } else { &t.0 }, shape))
        .unwrap_or(false)
}

/// Whether a Future's `_state` is PENDING: known without a look-up for a Future or
/// Task still in the shape it was made with.
fn is_pending(n: &super::core::Names, fut: &Value) -> bool {
    template_shaped(fut) || str_is(&get(fut, &n.state), "PENDING")
}

/// Whether `obj` is an exact Future or Task still in the shape it was made with: it
/// is pending, and (a Task) no cancellation is asked for, as its class defaults say.
fn template_shaped(obj: &Value) -> bool {
    let Value::Instance(i) = obj else {
        return false;
    };
    let task = super::core::is_exact_task_class(&i.class);
    (task || super::core::is_exact_future_class(&i.class))
        && i.attrs.with(|a| is_template_shape(a, task))
}

/// The coroutine and loop of an exact Task whose attributes still have the shape
/// `new_task` gave it, read by position and written to `fields[0]` and `fields[1]`,
/// with its waiter cleared. That shape has no `_state` or `_must_cancel` of its own,
/// so the Task is pending and no cancellation is asked for (the class defaults);
/// anything else is false (nothing is written), and they are read by name.
///
/// # Safety
/// `fields` has room for two values, whose old contents (if any) are not dropped.
unsafe fn fresh_task_fields(task: &Value, fields: *mut Value) -> bool {
    let Value::Instance(i) = task else {
        return false;
    };
    if !super::core::is_exact_task_class(&i.class) {
        return false;
    }
    let waiter = i.attrs.with_mut(|attrs| {
        if !is_template_shape(attrs, true) {
            return None;
        }
        let Attrs::Shaped { values, .. } = attrs else {
            return None;
        };
        let waiter = std::mem::replace(&mut values[FUT_WAITER_AT as usize], Value::None);
        // SAFETY: the caller's; each is a counted copy of the attribute, in one
        // 16-byte write.
        unsafe {
            values[CORO_AT as usize].clone_into(fields);
            values[LOOP_AT as usize].clone_into(fields.add(1));
        }
        Some(waiter)
    });
    // (A Future let go of may queue finalizers: done after the attributes are.)
    match waiter {
        Some(waiter) => {
            drop(waiter);
            true
        }
        None => false,
    }
}

/// `set` for an attribute usually found at position `at` of the object's dict.
fn set_at(obj: &Value, key: &Rc<crate::vm::value::PyStr>, v: Value, at: u32) {
    if let Value::Instance(i) = obj {
        let stored = i.attrs.with_mut(|a| a.set_index(at as usize, key, v));
        match stored {
            Ok(()) => {}
            Err(v) => set(obj, key, v),
        }
        return;
    }
    set(obj, key, v);
}

/// The attributes every plain Future starts with: its loop, (no) callbacks and its
/// waiting flag (False); a Task's are its loop, callbacks, name, coroutine and
/// waiter. The rest are the class's defaults until they change. Each starts as a
/// clone of a template (one allocation, exactly sized, and the shape every Future or
/// Task shares) with the values written by position.
fn new_attrs(loop_: Value, task: Option<(Value, Value)>) -> Attrs {
    let n = &*names_rc();
    let mut attrs = TEMPLATES.with(|t| {
        if task.is_some() {
            t.1.clone()
        } else {
            t.0.clone()
        }
    });
    // The positions are the templates' (below), so these always store.
    let _ = attrs.set_index(LOOP_AT as usize, &n.loop_, loop_);
    if let Some((name, coro)) = task {
        let _ = attrs.set_index(NAME_AT as usize, &n.name, name);
        let _ = attrs.set_index(CORO_AT as usize, &n.coro, coro);
    }
    attrs
}

fn templates() -> (Attrs, Attrs) {
    names(|n| {
        let future = Attrs::from_pairs([
            (n.loop_.clone(), Value::None),
            (n.callbacks.clone(), n.no_callbacks.clone()),
            (n.blocking.clone(), Value::Bool(false)),
        ]);
        let task = Attrs::from_pairs([
            (n.loop_.clone(), Value::None),
            (n.callbacks.clone(), n.no_callbacks.clone()),
            (n.name.clone(), Value::None),
            (n.coro.clone(), Value::None),
            (n.fut_waiter.clone(), Value::None),
        ]);
        (future, task)
    })
}

thread_local! {
    /// The attributes a new plain Future and a new Task start from (`new_attrs`).
    static TEMPLATES: (Attrs, Attrs) = templates();
}

fn instance(cls: &Value, attrs: Attrs) -> PyResult<Value> {
    let Value::Class(cls) = cls else {
        return Err(PyErr::runtime_error("asyncio core is not initialised"));
    };
    Ok(Value::Instance(Rc::new(crate::vm::value::Instance {
        class: cls.clone(),
        attrs: crate::vm::shape::AttrCell::new(attrs),
    })))
}

/// `_asyncio.new_future(loop)`: a pending plain Future, its attributes set directly
/// (what `Future.__init__` would store).
pub fn new_future(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let core = core()?;
    let loop_ = args.first().cloned().unwrap_or(Value::None);
    let fut = instance(&core.future_cls, new_attrs(loop_, None))?;
    if trace::enabled() {
        trace::future_created(&fut);
    }
    Ok(fut)
}

/// `_asyncio.new_task(loop, coro, name)`: a Task (what `Task.__init__` stores), its
/// first step scheduled and the task registered in `all_tasks`.
pub fn new_task(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let core = core()?;
    let loop_ = args.first().cloned().unwrap_or(Value::None);
    let coro = args.get(1).cloned().unwrap_or(Value::None);
    let name = match args.get(2) {
        Some(v) if !v.is_none() => Value::str(&vm.str_string(v)?),
        _ => take_task_number(),
    };
    let attrs = new_attrs(loop_.clone(), Some((name, coro)));
    let task = instance(&core.task_cls, attrs)?;
    push_ready(&loop_, task.clone());
    super::finalize::register_task(&task);
    if trace::enabled() {
        let coro = names(|n| get(&task, &n.coro)).unwrap_or(Value::None);
        trace::task_created(vm, &task, &coro);
    }
    Ok(task)
}

/// Settles a Task with its coroutine's return value (Future.set_result, natively).
fn finish_task(vm: &mut Vm, _core: &super::core::Core, task: &Value, v: Value) -> PyResult<()> {
    settle(vm, task, v);
    Ok(())
}

/// `Future.__await__()`: a native iterator that yields the Future while it is pending
/// and returns its result (CPython's FutureIter), without a generator frame.
pub fn future_await(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Iterator(Rc::new(std::cell::RefCell::new(
        crate::vm::value::NativeIter::FutureAwait {
            fut,
            started: false,
        },
    ))))
}

/// One step of awaiting a Future: yield it while pending (once), then its result.
pub fn future_await_step(vm: &mut Vm, fut: &Value, started: bool) -> PyResult<Resumed> {
    if fut.is_none() {
        // `asyncio.sleep(0)`'s bare yield (`sleep0_await`).
        return Ok(if started {
            Resumed::Returned(Value::None)
        } else {
            Resumed::Yielded(Value::None)
        });
    }
    // A Future or Task in its first shape is pending; in a done shape it has a result.
    if !started && template_shaped(fut) {
        let n = &*names_rc();
        set_at(fut, &n.blocking, Value::Bool(true), BLOCKING_AT);
        return Ok(Resumed::Yielded(fut.clone()));
    }
    if let Some(result) = fresh_result(fut) {
        return Ok(Resumed::Returned(result));
    }
    let n = &*names_rc();
    // (One pass over the dict for what either outcome reads.)
    let [state, exception, result] =
        super::core::get_many(n, fut, [&n.state, &n.exception, &n.result_attr]);
    if str_is(&state, "PENDING") {
        if started {
            return Err(PyErr::runtime_error("await wasn't used with future"));
        }
        set_at(fut, &n.blocking, Value::Bool(true), BLOCKING_AT);
        return Ok(Resumed::Yielded(fut.clone()));
    }
    let core = core()?;
    let is_future = match (fut, &core.future_cls) {
        (Value::Instance(i), Value::Class(f)) => i.class.is_subclass(f),
        _ => false,
    };
    // Like CPython's FutureIter, a Future's state is read directly, not through result().
    if is_future {
        if str_is(&state, "CANCELLED") {
            let e = vm.call(&core.make_cancelled, vec![fut.clone()])?;
            return Err(PyErr::Raised(e));
        }
        if let Some(e) = exception.filter(|e| !e.is_none()) {
            (set(fut, &n.log_traceback, Value::Bool(false)));
            restore_traceback(n, fut, &e);
            return Err(PyErr::Raised(e));
        }
        return Ok(Resumed::Returned(result.unwrap_or(Value::None)));
    }
    let m = vm.get_attr(fut, &(n.result.clone()))?;
    Ok(Resumed::Returned(vm.call(&m, Vec::new())?))
}

pub(super) fn self_arg(args: &[Value]) -> PyResult<&Value> {
    args.first()
        .ok_or_else(|| PyErr::type_error("descriptor needs a Future"))
}

/// `Future.done()`
pub fn future_done(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    let n = &*names_rc();
    Ok(Value::Bool(!is_pending(n, fut)))
}

/// `Future.cancelled()`
pub fn future_cancelled(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    let n = &*names_rc();
    Ok(Value::Bool(str_is(&get(fut, &n.state), "CANCELLED")))
}

/// `Future.set_result(result)`: finishes a pending Future and schedules its callbacks.
pub fn future_set_result(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    let Some(v) = args.get(1).cloned() else {
        return Err(PyErr::type_error(
            "set_result() missing 1 required positional argument: 'result'",
        ));
    };
    let n = &*names_rc();
    if !is_pending(n, fut) {
        return Err(PyErr::new(ExcType::InvalidStateError, "invalid state"));
    }
    settle(vm, fut, v);
    Ok(Value::None)
}

/// Stores the result, marks the Future finished and queues `(callback, future)` calls.
fn settle(vm: &mut Vm, fut: &Value, v: Value) {
    let n = &*names_rc();
    let Value::Instance(inst) = fut else { return };
    let settled = match settle_fresh(inst, v) {
        Ok(settled) => settled,
        Err(v) => settle_by_name(n, inst, v),
    };
    let (callbacks, loop_) = settled;
    let Ok(core) = core() else { return };
    // A single Task is its own wake-up (`push_wakeup`).
    let marker = callbacks.as_ref().is_some_and(is_wakeup_marker);
    let taken;
    let cbs: &[Value] = match &callbacks {
        None => &[],
        Some(Value::Tuple(t)) => &t[..],
        Some(Value::List(l)) => {
            taken = std::mem::take(&mut *l.borrow_mut());
            &taken[..]
        }
        Some(cb) => std::slice::from_ref(cb),
    };
    if trace::enabled() {
        if marker {
            trace_resolved(vm, fut, &[materialize(&core, cbs[0].clone())]);
        } else {
            trace_resolved(vm, fut, cbs);
        }
    }
    if cbs.is_empty() {
        return;
    }
    let loop_ = loop_.unwrap_or(Value::None);
    if let Some(ready) = super::core::ready_list(&loop_) {
        let mut r = ready.borrow_mut();
        if marker {
            // The Task alone in the ready queue, while it waits for this Future, is
            // its wake-up (eventloop.rs `run_item`).
            let task = &cbs[0];
            if get_at(task, &n.fut_waiter, FUT_WAITER_AT).is_some_and(|f| f.is(fut)) {
                r.push(task.clone());
            } else {
                r.push(Value::tuple(vec![wakeup_method(&core, task), fut.clone()]));
            }
            return;
        }
        for cb in cbs {
            if is_wakeup_of(cb, fut, &core) {
                r.push(cb.clone());
            } else {
                r.push(Value::tuple(vec![cb.clone(), fut.clone()]));
            }
        }
    }
}

/// `settle`'s change of the attributes of a Future or Task made by `new_future` or
/// `new_task` and still in that shape, with its waiting flag or waiter at the
/// default: the attributes `settle_by_name` would leave (the loop, a Task's name and
/// coroutine, the result unless None, the state), moved within the same room.
/// Gives back the callbacks and the loop, or the result when the object does not
/// qualify.
fn settle_fresh(
    inst: &crate::vm::value::Instance,
    v: Value,
) -> Result<(Option<Value>, Option<Value>), Value> {
    let is_task = super::core::is_exact_task_class(&inst.class);
    if !is_task && !super::core::is_exact_future_class(&inst.class) {
        return Err(v);
    }
    inst.attrs.with_mut(|d| settle_fresh_attrs(d, is_task, v))
}

/// `settle_fresh` on the attributes of an exact Future (or Task, `is_task`).
fn settle_fresh_attrs(
    d: &mut Attrs,
    is_task: bool,
    v: Value,
) -> Result<(Option<Value>, Option<Value>), Value> {
    let fresh = is_template_shape(d, is_task);
    let Attrs::Shaped { shape, values } = d else {
        return Err(v);
    };
    // The waiting flag (False) or the waiter (None) at its default goes too.
    let at_default = if is_task {
        values[FUT_WAITER_AT as usize].is_none()
    } else {
        matches!(values[BLOCKING_AT as usize], Value::Bool(false))
    };
    if !(fresh && at_default) {
        return Err(v);
    }
    let with_result = !v.is_none();
    let which = usize::from(is_task) * 2 + usize::from(with_result);
    // The done shape has as many attributes as the fresh one with a result, one fewer
    // without, so the values move within the room they have (always, for an object in
    // its template's shape: its room is the template's).
    let Some((done_shape, state)) = SETTLED.with(|t| match &t[which] {
        Attrs::Shaped {
            shape,
            values: done,
        } if done.len() <= values.len() => Some((shape.clone(), done.last().cloned()?)),
        _ => None,
    }) else {
        return Err(v);
    };
    let callbacks = std::mem::take(&mut values[CALLBACKS_AT as usize]);
    let loop_ = values[LOOP_AT as usize].clone();
    // A Task: [loop, callbacks, name, coro, waiter] -> [loop, name, coro, result?,
    // state]; a Future: [loop, callbacks, blocking] -> [loop, result?, state]. A slot
    // left over is room again; what is overwritten (the callbacks taken out, the
    // default flag or waiter) owns nothing.
    let mut at = CALLBACKS_AT as usize;
    if is_task {
        values[at] = std::mem::take(&mut values[NAME_AT as usize]);
        values[NAME_AT as usize] = std::mem::take(&mut values[CORO_AT as usize]);
        at = CORO_AT as usize;
    }
    if with_result {
        values[at] = v;
        at += 1;
    }
    values[at] = state;
    for spare in &mut values[at + 1..] {
        *spare = Value::Undefined;
    }
    *shape = done_shape;
    Ok((Some(callbacks), Some(loop_)))
}

/// The result (None for a None result) and the state of attributes in one of the
/// done shapes `settle_fresh` gives (`SETTLED`: the state is the last attribute of
/// each, the result the one before it in the shapes with one). None for any other
/// shape.
fn settled_fields(attrs: &Attrs) -> Option<(Option<&Value>, &Value)> {
    let Attrs::Shaped { shape, values } = attrs else {
        return None;
    };
    let k = SETTLED
        .try_with(|t| t.iter().position(|a| has_shape(a, shape)))
        .ok()??;
    let last = shape.keys().len().checked_sub(1)?;
    let state = values.get(last)?;
    let result = match k % 2 == 1 {
        true => Some(values.get(last.checked_sub(1)?)?),
        false => None,
    };
    Some((result, state))
}

/// The result of an exact Future or Task that `settle_fresh` finished (and nothing
/// changed since): done, with no exception to report. None for anything else.
pub(super) fn fresh_result(fut: &Value) -> Option<Value> {
    let Value::Instance(i) = fut else {
        return None;
    };
    if !super::core::has_builtin_defaults(&i.class) {
        return None;
    }
    i.attrs.with(|d| {
        let (result, state) = settled_fields(d)?;
        if !matches!(state, Value::Str(s) if s.as_str() == "FINISHED") {
            return None;
        }
        Some(result.cloned().unwrap_or(Value::None))
    })
}

/// Whether a dying Future or Task with these attributes has nothing to report
/// (`finalize::on_drop`), known from the shape: a plain Future in its first shape
/// (no traceback to log, not a Task), or a Future or Task in a done shape whose state
/// is not PENDING. Anything else is for `on_drop` to read.
pub(super) fn quiet_when_dropped(attrs: &Attrs) -> bool {
    is_template_shape(attrs, false)
        || settled_fields(attrs)
            .is_some_and(|(_, state)| !matches!(state, Value::Str(s) if s.as_str() == "PENDING"))
}

/// What a Future made by `new_future` and a Task made by `new_task` look like once
/// done, without and with a result (as `settle_by_name` leaves them).
fn settled_templates() -> [Attrs; 4] {
    names(|n| {
        let state = || (n.state.clone(), Value::Str(n.finished_state.clone()));
        let slot = |k: &Rc<crate::vm::value::PyStr>| (k.clone(), Value::None);
        [
            Attrs::from_pairs([slot(&n.loop_), state()]),
            Attrs::from_pairs([slot(&n.loop_), slot(&n.result_attr), state()]),
            Attrs::from_pairs([slot(&n.loop_), slot(&n.name), slot(&n.coro), state()]),
            Attrs::from_pairs([
                slot(&n.loop_),
                slot(&n.name),
                slot(&n.coro),
                slot(&n.result_attr),
                state(),
            ]),
        ]
    })
}

thread_local! {
    /// A done Future and Task, without and with a result (`settle_fresh`).
    static SETTLED: [Attrs; 4] = settled_templates();
}

/// `settle`'s change of a Future's or Task's attributes, by name: takes out its
/// callbacks, drops what a done Future no longer needs, stores the result and the
/// state. Gives back the callbacks and the loop.
fn settle_by_name(
    n: &super::core::Names,
    inst: &crate::vm::value::Instance,
    v: Value,
) -> (Option<Value>, Option<Value>) {
    inst.attrs.with_mut(|d| settle_attrs_by_name(n, inst, d, v))
}

/// `settle_by_name` on the attributes.
fn settle_attrs_by_name(
    n: &super::core::Names,
    inst: &crate::vm::value::Instance,
    d: &mut Attrs,
    v: Value,
) -> (Option<Value>, Option<Value>) {
    // What a done Future no longer needs goes first, so its dict has room for
    // the result without growing: its callbacks, and the waiting flag, waiter
    // and cancel request at their defaults (False, None, False).
    let callbacks = d.remove_str(&n.callbacks);
    // (Exact Futures and Tasks have False and None as the defaults of their
    // waiting flag and result, known without a look-up.)
    let builtin = super::core::has_builtin_defaults(&inst.class);
    for (key, default) in [
        (&n.blocking, Value::Bool(false)),
        (&n.fut_waiter, Value::None),
        (&n.must_cancel, Value::Bool(false)),
    ] {
        if d.get_str_ref(key).is_some_and(|own| {
            own.is(&default)
                && ((builtin && Rc::ptr_eq(key, &n.blocking))
                    || super::core::is_class_default(&inst.class, key, own))
        }) {
            d.remove_str(key);
        }
    }
    let loop_ = d.get_str(&n.loop_);
    // A None result is the class default: it stays out of a dict without one.
    if let Err(v) = d.update_str(&n.result_attr, v) {
        if !(v.is_none()
            && (builtin || super::core::is_class_default(&inst.class, &n.result_attr, &v)))
        {
            d.set_str(n.result_attr.clone(), v);
        }
    }
    d.set_str(n.state.clone(), Value::Str(n.finished_state.clone()));
    (callbacks, loop_)
}

/// `_asyncio.wake_next(waiters)`: the waking half of Queue's `_wakeup_next` (and of
/// its `put_nowait` and `get_nowait`) on a dict of waiting Futures: takes waiters out
/// in order until one is not done, and sets that one's result to None. True when
/// one was woken.
pub fn wake_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(Value::Dict(d)) = args.first() else {
        return Err(PyErr::type_error("wake_next() argument must be a dict"));
    };
    let n = &*names_rc();
    loop {
        let first = d
            .try_borrow()
            .ok()
            .and_then(|t| t.iter_hashed().next().map(|(h, k, _)| (h, k.clone())));
        let Some((h, waiter)) = first else {
            return Ok(Value::Bool(false));
        };
        {
            let mut t = d
                .try_borrow_mut()
                .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
            t.remove(h, &waiter, &mut |a, b| vm.eq(a, b))?;
        }
        if is_exact_future(&waiter) {
            if is_pending(n, &waiter) {
                settle(vm, &waiter, Value::None);
                return Ok(Value::Bool(true));
            }
            continue;
        }
        let name = vm.intern("done");
        let done = vm.get_attr(&waiter, &name)?;
        let done = vm.call(&done, Vec::new())?;
        if !vm.truthy(&done)? {
            let name = vm.intern("set_result");
            let set = vm.get_attr(&waiter, &name)?;
            vm.call(&set, vec![Value::None])?;
            return Ok(Value::Bool(true));
        }
    }
}

/// An instance of exactly the registered Future class (whose methods are the
/// natives here).
fn is_exact_future(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if super::core::is_exact_future_class(&i.class))
}

/// Records a resolution and the wake-ups it scheduled.
fn trace_resolved(vm: &mut Vm, fut: &Value, cbs: &[Value]) {
    trace::future_resolved(vm, fut, cbs);
    for cb in cbs {
        if let Value::BoundMethod(b) = cb {
            if trace::task_name(&b.self_).is_some() {
                trace::step_scheduled(vm, &b.self_, "wake-up");
            }
        }
    }
}

/// `Future.add_done_callback(fn, *, context=None)`
pub fn future_add_done_callback(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fut = self_arg(args)?;
    let Some(cb) = args.get(1).cloned() else {
        return Err(PyErr::type_error(
            "add_done_callback() missing 1 required positional argument: 'fn'",
        ));
    };
    let n = &*names_rc();
    if is_pending(n, fut) {
        push_callback(fut, cb);
    } else {
        let loop_ = get(fut, &n.loop_).unwrap_or(Value::None);
        let closed = get(&loop_, &n.closed);
        if matches!(closed, Some(Value::Bool(true))) {
            return Err(PyErr::runtime_error("Event loop is closed"));
        }
        push_ready(&loop_, Value::tuple(vec![cb, fut.clone()]));
    }
    Ok(Value::None)
}

/// `Future.result()` (`exception=false`) and `Future.exception()` (`exception=true`).
fn outcome(vm: &mut Vm, args: &[Value], exception: bool) -> PyResult<Value> {
    let fut = self_arg(args)?;
    if let Some(result) = fresh_result(fut) {
        return Ok(if exception { Value::None } else { result });
    }
    let n = &*names_rc();
    let state = get(fut, &n.state);
    if str_is(&state, "CANCELLED") {
        let core = core()?;
        let e = vm.call(&core.make_cancelled, vec![fut.clone()])?;
        return Err(PyErr::Raised(e));
    }
    if !str_is(&state, "FINISHED") {
        let msg = if exception {
            "Exception is not set."
        } else {
            "Result is not set."
        };
        return Err(PyErr::new(ExcType::InvalidStateError, msg));
    }
    set(fut, &n.log_traceback, Value::Bool(false));
    let exc = get(fut, &n.exception).unwrap_or(Value::None);
    if exception {
        return Ok(exc);
    }
    if !exc.is_none() {
        restore_traceback(n, fut, &exc);
        return Err(PyErr::Raised(exc));
    }
    Ok(get(fut, &n.result_attr).unwrap_or(Value::None))
}

/// `Future.result()`
pub fn future_result(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    outcome(vm, args, false)
}

/// `Future.exception()`
pub fn future_exception(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    outcome(vm, args, true)
}

/// `_asyncio.traceback_entries(exc)`: the entries of an exception's traceback,
/// outermost first, as `(code, line, start, end)` tuples (`start` and `end` give the
/// failing node's extent, -1 for none); None for no exception. `Future.set_exception`
/// keeps them as `_exception_tb` (CPython's `_exception_tb`), `Task.get_stack` reads
/// the frames of a failed task from them.
pub fn traceback_entries(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(data) = args.first().and_then(crate::vm::exceptions::exc_data) else {
        return Ok(Value::None);
    };
    // (Baton keeps them innermost first, as it adds them while unwinding.)
    let entries = data
        .traceback
        .borrow()
        .iter()
        .rev()
        .map(|e| {
            let (start, end) = match e.span {
                Some(s) => (s.start as i64, s.end as i64),
                None => (-1, -1),
            };
            Value::tuple(vec![
                Value::Code(e.code.clone()),
                Value::Int(e.line as i64),
                Value::Int(start),
                Value::Int(end),
            ])
        })
        .collect();
    Ok(Value::tuple(entries))
}

/// The exception a Future raises from `result()` (or an await, or a wake-up) gets
/// the traceback it had when it was set, the first time; from then on it starts
/// afresh (CPython 3.11's C Future restores `_exception_tb` and then forgets it), so
/// a second await does not show the frames the first one added.
fn restore_traceback(n: &super::core::Names, fut: &Value, exc: &Value) {
    let Some(data) = crate::vm::exceptions::exc_data(exc) else {
        return;
    };
    let key = &n.exception_tb;
    let saved = get(fut, key);
    let mut entries = Vec::new();
    if let Some(Value::Tuple(t)) = &saved {
        for e in t.iter() {
            if let Value::Tuple(parts) = e {
                if let [Value::Code(code), Value::Int(line), Value::Int(start), Value::Int(end)] =
                    &parts[..]
                {
                    entries.push(crate::vm::value::TracebackEntry {
                        code: code.clone(),
                        line: *line as u32,
                        span: (*start >= 0).then_some(crate::syntax::ast::Span {
                            start: *start as u32,
                            end: *end as u32,
                        }),
                    });
                }
            }
        }
        set(fut, key, Value::None);
    }
    entries.reverse();
    let old = std::mem::replace(&mut *data.traceback.borrow_mut(), entries);
    drop(old);
}
