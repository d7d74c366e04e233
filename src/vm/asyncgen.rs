//! Async generators (`async def` with `yield`): the `asend`/`__anext__`, `athrow` and
//! `aclose` awaitables, `__aiter__`, and the `aiter`/`anext` builtins.
//!
//! An async generator's frame suspends for two reasons: a `yield` of a value (which
//! completes the awaitable that resumed it, as `StopIteration(value)`), or an `await`
//! inside it (whose yielded value passes through to whoever drives the outer
//! coroutine, usually the event loop). `Generator::yielded_value` records which, and
//! `Vm::async_gen_step` turns one resumption into the awaitable's step.

use crate::vm::coroutine::Resumed;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::lean_rc::LeanRc;
use crate::vm::types::add_methods;
use crate::vm::value::{
    AsyncGenOp, AsyncGenOpKind, CoroState, GenKind, Generator, KwArgs, NativeFn, NativeIter, Value,
};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__aiter__", agen_aiter),
        ("__anext__", agen_anext),
        ("asend", agen_asend),
        ("athrow", agen_athrow),
        ("aclose", agen_aclose),
    ];
    add_methods(&vm.types.async_generator, "async_generator", methods);
    // Every native iterator (list, range, zip, ...) is its own iterator.
    let iterator_methods: &[(&'static str, NativeFn)] =
        &[("__next__", op_next), ("__iter__", iterator_iter)];
    add_methods(&vm.types.iterator, "iterator", iterator_methods);
    for (class, name) in vm
        .types
        .native_iterators
        .iter()
        .zip(crate::vm::value::ITERATOR_TYPE_NAMES)
    {
        add_methods(class, name, iterator_methods);
    }
    // The awaitables are coroutines in all but type, as CPython's are: these methods
    // let a Task (or a loop written in Baton, or a program by hand) drive them, and
    // make `asyncio.iscoroutine` true of them.
    let op_methods: &[(&'static str, NativeFn)] = &[
        ("send", op_send),
        ("throw", op_throw),
        ("close", op_close),
        ("__next__", op_next),
        ("__iter__", iterator_iter),
        ("__await__", op_await),
    ];
    add_methods(
        &vm.types.async_generator_asend,
        "async_generator_asend",
        op_methods,
    );
    add_methods(
        &vm.types.async_generator_athrow,
        "async_generator_athrow",
        op_methods,
    );
    add_methods(&vm.types.anext_awaitable, "anext_awaitable", op_methods);
}

/// Is this native iterator an async-generator awaitable (or an `anext` default)?
pub fn is_async_gen_op(it: &Rc<RefCell<NativeIter>>) -> bool {
    matches!(
        &*it.borrow(),
        NativeIter::AsyncGenOp(_) | NativeIter::AnextDefault { .. }
    )
}

fn this_agen(args: &[Value]) -> PyResult<LeanRc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) if g.kind == GenKind::AsyncGenerator => Ok(g.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires an 'async_generator' object",
        )),
    }
}

/// A new awaitable for one operation on an async generator.
pub fn async_gen_op(
    gen: LeanRc<Generator>,
    kind: AsyncGenOpKind,
    first: Value,
    default: Option<Value>,
) -> Value {
    Value::Iterator(Rc::new(RefCell::new(NativeIter::AsyncGenOp(Box::new(
        AsyncGenOp {
            gen,
            kind,
            first,
            started: false,
            done: false,
            default,
        },
    )))))
}

fn agen_aiter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_agen(args)?;
    Ok(args[0].clone())
}

fn agen_anext(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_agen(args)?;
    Ok(async_gen_op(g, AsyncGenOpKind::Send, Value::None, None))
}

fn agen_asend(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_agen(args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    Ok(async_gen_op(g, AsyncGenOpKind::Send, v, None))
}

fn agen_athrow(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_agen(args)?;
    let Some(exc) = args.get(1).cloned() else {
        return Err(PyErr::type_error(
            "athrow expected at least 1 argument, got 0",
        ));
    };
    let exc = match vm.make_raisable(exc, None)? {
        PyErr::Raised(e) => e,
        other => vm.normalize(other),
    };
    Ok(async_gen_op(g, AsyncGenOpKind::Throw, exc, None))
}

fn agen_aclose(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_agen(args)?;
    Ok(async_gen_op(g, AsyncGenOpKind::Close, Value::None, None))
}

fn this_op(args: &[Value]) -> PyResult<Rc<RefCell<NativeIter>>> {
    match args.first() {
        Some(Value::Iterator(it)) if is_async_gen_op(it) => Ok(it.clone()),
        _ => Err(PyErr::type_error(
            "descriptor requires an 'async_generator_asend' object",
        )),
    }
}

/// Finishes a hand-driven step the way a generator's `send` does.
fn step_result(r: Resumed) -> PyResult<Value> {
    match r {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(PyErr::stop_iteration(if v.is_none() {
            None
        } else {
            Some(v)
        })),
    }
}

fn op_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let it = this_op(args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let r = vm.async_gen_step(&it, v, None)?;
    step_result(r)
}

/// `it.__next__()`: the next item of a native iterator (StopIteration at the end), or
/// one step of an async generator's awaitable.
fn op_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Iterator(it)) if !is_async_gen_op(it) => match vm.next_fast(&args[0])? {
            Some(v) => Ok(v),
            None => Err(PyErr::stop_iteration(None)),
        },
        _ => {
            let it = this_op(args)?;
            let r = vm.async_gen_step(&it, Value::None, None)?;
            step_result(r)
        }
    }
}

/// `it.__iter__()`: a native iterator is its own iterator.
fn iterator_iter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    args.first()
        .cloned()
        .ok_or_else(|| PyErr::type_error("missing self"))
}

fn op_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let it = this_op(args)?;
    let exc = args.get(1).cloned().unwrap_or(Value::None);
    let exc = match vm.make_raisable(exc, None)? {
        PyErr::Raised(e) => e,
        other => vm.normalize(other),
    };
    let r = vm.async_gen_step(&it, Value::None, Some(exc))?;
    step_result(r)
}

/// `close()` on an awaitable: it cannot be awaited again (the generator itself is
/// left as it is, as CPython's `async_generator_asend.close` leaves it); an
/// `anext(it, default)` awaitable closes the awaitable it wraps.
fn op_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let it = this_op(args)?;
    let inner = match &mut *it.borrow_mut() {
        NativeIter::AsyncGenOp(op) => {
            op.done = true;
            None
        }
        NativeIter::AnextDefault { inner, .. } => Some(inner.clone()),
        _ => None,
    };
    if let Some(inner) = inner {
        if let Some(close) = vm.lookup_special(&inner, "close") {
            vm.call(&close, Vec::new())?;
        }
    }
    Ok(Value::None)
}

fn op_await(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_op(args)?;
    Ok(args[0].clone())
}

impl Vm {
    /// One step of `anext(it, default)`: drive the `__anext__()` awaitable and turn
    /// its StopAsyncIteration into the default value.
    fn anext_default_step(
        &mut self,
        inner: &Value,
        default: Value,
        sent: Value,
        thrown: Option<Value>,
    ) -> PyResult<Resumed> {
        let step = match (inner, thrown) {
            (Value::Generator(g), thrown) => self.resume(g, sent, thrown),
            (Value::Iterator(it), thrown) if is_async_gen_op(it) => {
                self.async_gen_step(it, sent, thrown)
            }
            (other, Some(exc)) => match self.lookup_special(other, "throw") {
                Some(t) => self.call(&t, vec![exc]).map(Resumed::Yielded),
                None => Err(PyErr::Raised(exc)),
            },
            (other, None) => {
                if sent.is_none() {
                    self.next_fast(other)
                        .map(|o| o.map_or(Resumed::Returned(Value::None), Resumed::Yielded))
                } else {
                    match self.lookup_special(other, "send") {
                        Some(s) => self.call(&s, vec![sent]).map(Resumed::Yielded),
                        None => Err(PyErr::type_error("awaitable has no send()")),
                    }
                }
            }
        };
        match step {
            Ok(r) => Ok(r),
            Err(e) if self.err_is(&e, ExcType::StopAsyncIteration) => {
                Ok(Resumed::Returned(default))
            }
            Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                let v = self.normalize(e);
                let value = self.exc_args(&v).into_iter().next().unwrap_or(Value::None);
                Ok(Resumed::Returned(value))
            }
            Err(e) => Err(e),
        }
    }

    /// Records, for the async generator whose frame is suspending, whether this is a
    /// value `yield` or an `await` passing through.
    pub(crate) fn mark_yield_kind(&mut self, value_yield: bool) {
        if let Some(g) = self.frames.last().and_then(|f| f.generator.as_ref()) {
            if g.kind == GenKind::AsyncGenerator {
                g.set_yielded_value(value_yield);
            }
        }
    }

    /// One step of an async-generator awaitable: resume the generator with `sent`
    /// (or throw `thrown` into it). A value `yield` completes the awaitable
    /// (`Returned`), an inner `await` passes its value through (`Yielded`).
    pub fn async_gen_step(
        &mut self,
        it: &Rc<RefCell<NativeIter>>,
        sent: Value,
        thrown: Option<Value>,
    ) -> PyResult<Resumed> {
        let anext_default = match &*it.borrow() {
            NativeIter::AnextDefault { inner, default } => Some((inner.clone(), default.clone())),
            _ => None,
        };
        if let Some((inner, default)) = anext_default {
            return self.anext_default_step(&inner, default, sent, thrown);
        }
        let (gen, kind, first, started, default) = {
            let mut st = it.borrow_mut();
            let NativeIter::AsyncGenOp(op) = &mut *st else {
                return Err(PyErr::type_error("not an async generator awaitable"));
            };
            if op.done {
                return Err(PyErr::runtime_error(match op.kind {
                    AsyncGenOpKind::Send => "cannot reuse already awaited __anext__()/asend()",
                    AsyncGenOpKind::Throw | AsyncGenOpKind::Close => {
                        "cannot reuse already awaited aclose()/athrow()"
                    }
                }));
            }
            if !op.started && op.gen.running_async() {
                // Another awaitable of this generator is running it.
                let what = match op.kind {
                    AsyncGenOpKind::Send => "anext()",
                    AsyncGenOpKind::Throw => "athrow()",
                    AsyncGenOpKind::Close => "aclose()",
                };
                // (An asend may be tried again; athrow and aclose are spent.)
                op.done = op.kind != AsyncGenOpKind::Send;
                return Err(PyErr::runtime_error(format!(
                    "{what}: asynchronous generator is already running"
                )));
            }
            let started = op.started;
            op.started = true;
            (
                op.gen.clone(),
                op.kind,
                std::mem::take(&mut op.first),
                started,
                op.default.clone(),
            )
        };
        let finish = |it: &Rc<RefCell<NativeIter>>| {
            if let NativeIter::AsyncGenOp(op) = &mut *it.borrow_mut() {
                op.done = true;
                op.gen.set_running_async(false);
            }
        };
        let outcome = if let (false, Some(exc)) = (started, &thrown) {
            // `throw()` on an awaitable not yet started throws straight into the
            // generator, as CPython's does (the awaitable's own argument is unused).
            gen.set_running_async(true);
            self.resume(&gen, Value::None, Some(exc.clone()))
        } else if !started {
            gen.set_running_async(true);
            match kind {
                AsyncGenOpKind::Send => self.resume(&gen, first, None),
                // A finished generator has nothing to throw into: `athrow()` ends at
                // once with None, as CPython 3.11's does.
                AsyncGenOpKind::Throw if gen.state.get() == CoroState::Closed => {
                    finish(it);
                    return Ok(Resumed::Returned(Value::None));
                }
                AsyncGenOpKind::Throw => self.resume(&gen, Value::None, Some(first)),
                AsyncGenOpKind::Close => {
                    if matches!(gen.state.get(), CoroState::Created | CoroState::Closed) {
                        gen.state.set(CoroState::Closed);
                        gen.frame.take();
                        finish(it);
                        return Ok(Resumed::Returned(Value::None));
                    }
                    let exit = self.new_exception(ExcType::GeneratorExit, Vec::new());
                    self.resume(&gen, Value::None, Some(exit))
                }
            }
        } else {
            self.resume(&gen, sent, thrown)
        };
        match outcome {
            Ok(Resumed::Yielded(v)) if !gen.yielded_value() => Ok(Resumed::Yielded(v)),
            Ok(Resumed::Yielded(v)) => {
                finish(it);
                if kind == AsyncGenOpKind::Close {
                    return Err(PyErr::runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                Ok(Resumed::Returned(v))
            }
            Ok(Resumed::Returned(_)) => {
                finish(it);
                if kind == AsyncGenOpKind::Close {
                    return Ok(Resumed::Returned(Value::None));
                }
                match default {
                    Some(d) => Ok(Resumed::Returned(d)),
                    None => Err(PyErr::with_args(ExcType::StopAsyncIteration, Vec::new())),
                }
            }
            Err(e) => {
                finish(it);
                if kind == AsyncGenOpKind::Close
                    && (self.err_is(&e, ExcType::GeneratorExit)
                        || self.err_is(&e, ExcType::StopAsyncIteration))
                {
                    return Ok(Resumed::Returned(Value::None));
                }
                if let Some(d) = default {
                    if self.err_is(&e, ExcType::StopAsyncIteration) {
                        return Ok(Resumed::Returned(d));
                    }
                }
                Err(e)
            }
        }
    }
}
