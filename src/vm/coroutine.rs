//! Generator and coroutine objects: the one gate (`resume`) through which their state
//! changes (CREATED → RUNNING → SUSPENDED → CLOSED, as CPython's `gen_send_ex2`), the
//! instructions that suspend (`yield`, `yield from`, `await`), the methods `send`,
//! `throw`, `close`, and `coroutine.__await__()`'s iterator (CPython's
//! `coroutine_wrapper`, a `NativeIter::CoroWrapper`).
//!
//! A generator owns its parked frame. `resume` is the gate natives use: it moves the
//! frame onto the VM's frame stack and runs a nested loop until the frame yields or
//! returns. The run loop itself resumes generators in place, without nesting
//! (`vm::suspend`, which also parks frames and finishes them).

use crate::compile::code::Instr;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::frame::Parked;
use crate::vm::interp::RunExit;
use crate::vm::lean_rc::LeanRc;
use crate::vm::methods::check_args;
use crate::vm::types::add_methods;
use crate::vm::value::{
    driven_generator, CoroState, GenKind, Generator, KwArgs, NativeIter, PyStr, Value,
};
use crate::vm::Vm;
use std::rc::Rc;

pub(crate) use crate::vm::asyncgen::is_async_gen_op;

/// How one resumption of a generator ended.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

pub fn install(vm: &mut Vm) {
    crate::vm::asyncgen::install(vm);
    let methods: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__next__", gen_next),
    ];
    add_methods(&vm.types.generator, "generator", methods);
    add_methods(&vm.types.coroutine, "coroutine", methods);
    add_methods(
        &vm.types.coroutine,
        "coroutine",
        &[("__await__", coro_await)],
    );
    let wrapper: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("send", wrapper_send),
        ("throw", wrapper_throw),
        ("close", wrapper_close),
        ("__next__", wrapper_next),
        ("__iter__", wrapper_iter),
    ];
    add_methods(&vm.types.coroutine_wrapper, "coroutine_wrapper", wrapper);
}

fn this_gen(args: &[Value]) -> PyResult<LeanRc<Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(PyErr::type_error("descriptor requires a generator object")),
    }
}

fn finish(vm: &mut Vm, r: Resumed) -> PyResult<Value> {
    let _ = vm;
    match r {
        Resumed::Yielded(v) => Ok(v),
        Resumed::Returned(v) => Err(PyErr::stop_iteration(if v.is_none() {
            None
        } else {
            Some(v)
        })),
    }
}

pub(crate) fn gen_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let r = vm.resume(&g, v, None)?;
    finish(vm, r)
}

pub(crate) fn gen_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    let r = vm.resume(&g, Value::None, None)?;
    finish(vm, r)
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    throw_into(vm, &g, args)
}

/// `throw(exc)` (or `throw(type, value[, tb])`) into `g`; `args[0]` is the receiver.
fn throw_into(vm: &mut Vm, g: &LeanRc<Generator>, args: &[Value]) -> PyResult<Value> {
    check_args("throw", args, &[], 1, 3)?;
    let exc = args[1].clone();
    // (Baton's `__traceback__` is a placeholder string: the only traceback there is.)
    if args
        .get(3)
        .is_some_and(|tb| !matches!(tb, Value::None | Value::Str(_)))
    {
        return Err(PyErr::type_error(
            "throw() third argument must be a traceback object",
        ));
    }
    // `throw(type, value)`: the value when it is an instance of the type, else the
    // type called with it (the arguments of a tuple).
    let exc = match (&exc, args.get(2)) {
        (Value::Class(c), Some(val)) if !val.is_none() => {
            if vm.type_of(val).is_subclass(c) {
                val.clone()
            } else {
                let call_args = match val {
                    Value::Tuple(t) => (**t).clone(),
                    other => vec![other.clone()],
                };
                vm.call(&exc, call_args)?
            }
        }
        (_, Some(val)) if !val.is_none() => {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ))
        }
        _ => exc,
    };
    let exc = match vm.make_raisable(exc, None) {
        Ok(PyErr::Raised(e)) => e,
        _ => {
            return Err(PyErr::type_error(
                "exceptions must be classes or instances deriving from BaseException, not "
                    .to_string()
                    + &vm.type_name(&args[1]),
            ))
        }
    };
    let r = vm.resume(g, Value::None, Some(exc))?;
    finish(vm, r)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

/// `coroutine.__await__()`: a `coroutine_wrapper` over the coroutine (no checks, as
/// in CPython: errors come when it is driven).
fn coro_await(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Generator(g)) if g.kind == GenKind::Coroutine => Ok(Value::Iterator(Rc::new(
            std::cell::RefCell::new(NativeIter::CoroWrapper(g.clone())),
        ))),
        _ => Err(PyErr::type_error(
            "descriptor '__await__' requires a 'coroutine' object",
        )),
    }
}

/// The coroutine of the `coroutine_wrapper` a method was called on.
fn this_wrapper(args: &[Value], method: &str) -> PyResult<LeanRc<Generator>> {
    match args.first() {
        Some(Value::Iterator(it)) => {
            if let Some(g) = it
                .try_borrow()
                .ok()
                .and_then(|s| s.wrapped_coroutine().cloned())
            {
                return Ok(g);
            }
        }
        Some(_) => {}
        None => return Err(PyErr::type_error("missing self")),
    }
    Err(PyErr::type_error(format!(
        "descriptor '{}' requires a 'coroutine_wrapper' object",
        method
    )))
}

fn wrapper_send(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = this_wrapper(args, "send")?;
    check_args("coroutine_wrapper.send", args, kw, 1, 1)?;
    let r = vm.resume(&g, args[1].clone(), None)?;
    finish(vm, r)
}

fn wrapper_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_wrapper(args, "__next__")?;
    let r = vm.resume(&g, Value::None, None)?;
    finish(vm, r)
}

fn wrapper_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_wrapper(args, "throw")?;
    throw_into(vm, &g, args)
}

fn wrapper_close(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let g = this_wrapper(args, "close")?;
    check_args("coroutine_wrapper.close", args, kw, 0, 0)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
}

fn wrapper_iter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_wrapper(args, "__iter__")?;
    Ok(args[0].clone())
}

impl Vm {
    /// `next(gen)` for the run loop: None when the generator returns.
    pub(crate) fn generator_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Value::Generator(g) = it else {
            return Ok(None);
        };
        match self.resume(g, Value::None, None)? {
            Resumed::Yielded(v) => Ok(Some(v)),
            Resumed::Returned(_) => Ok(None),
        }
    }

    /// `next(gen)` (or `next(coroutine_wrapper)`) raising StopIteration(value) at the
    /// end.
    pub(crate) fn generator_next_raw(&mut self, it: &Value) -> PyResult<Value> {
        let Some(g) = driven_generator(it) else {
            return Err(PyErr::type_error("not a generator"));
        };
        let r = self.resume(&g, Value::None, None)?;
        finish(self, r)
    }

    /// The gate: resumes a generator with a value (or throws an exception into it).
    pub fn resume(
        &mut self,
        g: &LeanRc<Generator>,
        value: Value,
        exc: Option<Value>,
    ) -> PyResult<Resumed> {
        if crate::trace::enabled() && crate::trace::intercept(g) {
            return crate::trace::traced_resume(self, g, value, exc);
        }
        let kind_word = match g.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        match g.state.get() {
            CoroState::Running => {
                return Err(PyErr::value_error(format!(
                    "{} already executing",
                    kind_word
                )));
            }
            CoroState::Closed => {
                if let (Some(e), false) = (&exc, g.kind == GenKind::Coroutine) {
                    return Err(PyErr::Raised(e.clone()));
                }
                return match g.kind {
                    GenKind::Coroutine => Err(PyErr::runtime_error(
                        "cannot reuse already awaited coroutine",
                    )),
                    _ => Ok(Resumed::Returned(Value::None)),
                };
            }
            CoroState::Created => {
                if exc.is_none() && !value.is_none() {
                    return Err(PyErr::type_error(format!(
                        "can't send non-None value to a just-started {}",
                        kind_word
                    )));
                }
            }
            CoroState::Suspended => {}
        }
        if self.frames.len() >= self.recursion_limit || self.nested_runs >= self.max_nested_runs() {
            // CPython fails inside the frame it enters: a generator that never ran is
            // closed by it (and so never reported as never awaited).
            if g.state.get() == CoroState::Created {
                g.state.set(CoroState::Closed);
                g.frame.take();
            }
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let Some(parked) = g.frame.take() else {
            return Err(PyErr::runtime_error("generator has no frame"));
        };
        let mut frame = self.unpark(g, parked);
        let handled = frame.take_handled();
        let was_created = g.state.get() == CoroState::Created;
        // Throwing into a generator that is delegating with `yield from`: the
        // delegate gets the exception first.
        let mut exc = exc;
        let throwing = exc.is_some();
        if let Some(e) = exc.take() {
            match self.throw_into_delegate(&g.code, &mut frame, e)? {
                Delegated::Handled(Resumed::Yielded(v)) => {
                    if !handled.is_none() {
                        frame.saved.push(handled);
                        frame.handling = true;
                    }
                    let parked = self.park(frame);
                    g.frame.put(parked);
                    return Ok(Resumed::Yielded(v));
                }
                Delegated::Handled(Resumed::Returned(v)) => {
                    // The delegate finished: the outer frame continues after its
                    // YieldFrom with the delegate's value in place of the receiver.
                    frame.saved.pop();
                    frame.saved.push(v);
                }
                Delegated::NotDelegating(e) => exc = Some(e),
            }
        }
        let sent = if !throwing && !was_created {
            value
        } else {
            value.release();
            Value::Undefined
        };
        let how = crate::vm::frame::Resumer::Native;
        if !handled.is_none() {
            frame.saved.push(handled);
            frame.handling = true;
        }
        let awaited = frame.at_yield_from && !throwing;
        self.push_generator_frame(g.clone(), frame, sent, how, true);
        if awaited {
            // Parked in an await of a Future or `sleep(0)` that had yielded.
            self.finish_self_await();
        }
        self.nested_runs += 1;
        if let Some(e) = exc {
            // Raise the exception at the suspension point.
            self.pending_throw = Some(e);
        }
        // Suspending, returning and raising put the generator's state right on the
        // way out (`vm::suspend`).
        let result = self.run_loop();
        self.nested_runs -= 1;
        match result? {
            RunExit::Yield(v) => Ok(Resumed::Yielded(v)),
            RunExit::Return(v) => Ok(Resumed::Returned(v)),
            RunExit::Escape(err) => Err(err),
        }
    }

    /// `gen.close()`: throws GeneratorExit at the suspension point.
    pub fn close_generator(&mut self, g: &LeanRc<Generator>) -> PyResult<()> {
        match g.state.get() {
            CoroState::Closed => return Ok(()),
            CoroState::Created => {
                g.state.set(CoroState::Closed);
                g.frame.take();
                return Ok(());
            }
            _ => {}
        }
        let exit = self.new_exception(ExcType::GeneratorExit, Vec::new());
        match self.resume(g, Value::None, Some(exit)) {
            Ok(Resumed::Yielded(_)) => {
                let what = match g.kind {
                    GenKind::Coroutine => "coroutine",
                    GenKind::AsyncGenerator => "async generator",
                    GenKind::Generator => "generator",
                };
                Err(PyErr::runtime_error(format!(
                    "{} ignored GeneratorExit",
                    what
                )))
            }
            Ok(Resumed::Returned(_)) => Ok(()),
            Err(e)
                if self.err_is(&e, ExcType::GeneratorExit)
                    || self.err_is(&e, ExcType::StopIteration) =>
            {
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// `throw()` into a generator suspended in `yield from`/`await`: the delegate gets
    /// the exception first (GeneratorExit closes it instead). When the delegate does
    /// not handle it, the exception continues in this frame at the `YieldFrom`.
    fn throw_into_delegate(
        &mut self,
        code: &crate::compile::code::CodeObject,
        frame: &mut crate::vm::frame::Frame,
        exc: Value,
    ) -> PyResult<Delegated> {
        let at_yield_from = code.instrs.get(frame.ip) == Some(&Instr::YieldFrom);
        let Some(receiver) = frame.saved.last().cloned().filter(|_| at_yield_from) else {
            return Ok(Delegated::NotDelegating(exc));
        };
        // From here on the exception (if any) is raised at the YieldFrom itself.
        frame.ip += 1;
        let is_exit = self
            .type_of(&exc)
            .is_subclass(self.types.exc(ExcType::GeneratorExit));
        // A generator, or the coroutine of a coroutine_wrapper (whose `close` and
        // `throw` are the coroutine's).
        let outcome = match (&receiver, driven_generator(&receiver)) {
            (_, Some(inner)) => {
                if is_exit {
                    self.close_generator(&inner)?;
                    return Ok(Delegated::NotDelegating(exc));
                }
                self.resume(&inner, Value::None, Some(exc))
            }
            (Value::Iterator(it), None) if is_async_gen_op(it) => {
                if is_exit {
                    return Ok(Delegated::NotDelegating(exc));
                }
                self.async_gen_step(it, Value::None, Some(exc))
            }
            // Other native iterators (a Future's await, a sequence iterator) have no
            // frame to throw into: the exception is raised here.
            (Value::Iterator(_), None) => return Ok(Delegated::NotDelegating(exc)),
            _ => {
                if is_exit {
                    if let Some(close) = self.lookup_special(&receiver, "close") {
                        self.call(&close, Vec::new())?;
                    }
                    return Ok(Delegated::NotDelegating(exc));
                }
                match self.lookup_special(&receiver, "throw") {
                    Some(throw) => self.call(&throw, vec![exc]).map(Resumed::Yielded),
                    None => return Ok(Delegated::NotDelegating(exc)),
                }
            }
        };
        match outcome {
            Ok(Resumed::Yielded(v)) => {
                frame.ip -= 1;
                Ok(Delegated::Handled(Resumed::Yielded(v)))
            }
            Ok(Resumed::Returned(v)) => Ok(Delegated::Handled(Resumed::Returned(v))),
            Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                let v = self.normalize(e);
                let value = self.exc_args(&v).into_iter().next().unwrap_or(Value::None);
                Ok(Delegated::Handled(Resumed::Returned(value)))
            }
            Err(e) => Ok(Delegated::NotDelegating(self.normalize(e))),
        }
    }

    /// What a YieldFrom does with its receiver's step: a yielded value suspends this
    /// frame at the YieldFrom (to be run again on resumption), with `at_yield_from`
    /// set when the receiver is its own awaitable (`suspend_top_awaiting`); a return
    /// replaces the receiver with the result.
    fn yield_from_outcome(&mut self, step: Resumed, awaiting: bool) -> PyResult<Option<RunExit>> {
        match step {
            Resumed::Yielded(y) => {
                let frame = self.frames.last_mut().expect("frame");
                frame.ip -= 1;
                self.mark_yield_kind(false);
                if awaiting {
                    self.suspend_top_awaiting(y)
                } else {
                    self.suspend_top(y)
                }
            }
            Resumed::Returned(r) => {
                crate::vm::frame::pop(&mut self.stack);
                self.stack.push(r);
                Ok(None)
            }
        }
    }

    /// The first step of a `YieldFrom` (its sent value already gone) whose receiver,
    /// on top of the stack, awaits itself (`runtime::self_awaiting`): a pending
    /// Future is yielded to whoever drives the coroutine chain, `sleep(0)` yields
    /// None, a done Future leaves its result in the receiver's place. Some when the
    /// run loop is left with the yield.
    pub(crate) fn await_itself(
        &mut self,
        kind: crate::runtime::SelfAwait,
    ) -> PyResult<Option<RunExit>> {
        let receiver = crate::vm::frame::top(&self.stack).clone();
        let fut = kind.future(receiver);
        let step = crate::runtime::future_await_step(self, &fut, false)?;
        self.yield_from_outcome(step, true)
    }

    /// Suspension and delegation instructions.
    pub(crate) fn execute_coroutine_instr(&mut self, instr: Instr) -> PyResult<Option<RunExit>> {
        match instr {
            Instr::YieldValue => {
                let v = crate::vm::frame::pop(&mut self.stack);
                self.mark_yield_kind(true);
                self.suspend_top(v)
            }
            Instr::YieldFrom => {
                let v = crate::vm::frame::pop(&mut self.stack);
                let receiver = crate::vm::frame::top(&self.stack).clone();
                // A generator or coroutine, or a coroutine_wrapper's coroutine: resumed
                // in place on top of this frame.
                let driven = driven_generator(&receiver);
                if let Some(g) = &driven {
                    if self.can_resume_in_place(g, v.is_none()) {
                        let how = crate::vm::frame::Resumer::YieldFrom;
                        self.resume_in_place(g, v, how)?;
                        return Ok(None);
                    }
                }
                // Through the gate: its errors ("cannot reuse already awaited
                // coroutine", ...), the recursion limit, a traced resumption.
                // A Future, Task or `sleep(0)` awaited as its own receiver
                // (runtime/selfawait.rs): reaching the YieldFrom here means it has
                // not yielded yet (a resumption finishes it first).
                if let (None, Some(kind)) = (&driven, crate::runtime::self_awaiting(&receiver)) {
                    return self.await_itself(kind);
                }
                let result = match (&receiver, &driven) {
                    (_, Some(g)) => self.resume(g, v, None)?,
                    (Value::Iterator(it), None) if is_async_gen_op(it) => {
                        match self.async_gen_step(it, v, None) {
                            Ok(r) => r,
                            Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                                let ev = self.normalize(e);
                                let args = self.exc_args(&ev);
                                Resumed::Returned(args.into_iter().next().unwrap_or(Value::None))
                            }
                            Err(e) => return Err(e),
                        }
                    }
                    (Value::Iterator(st), None)
                        if matches!(&*st.borrow(), NativeIter::FutureAwait { .. }) =>
                    {
                        let (fut, started) = match &*st.borrow() {
                            NativeIter::FutureAwait { fut, started } => (fut.clone(), *started),
                            _ => (Value::None, true),
                        };
                        let r = crate::runtime::future_await_step(self, &fut, started)?;
                        if matches!(r, Resumed::Yielded(_)) {
                            *st.borrow_mut() = NativeIter::FutureAwait { fut, started: true };
                        }
                        r
                    }
                    _ => {
                        let r = if v.is_none() {
                            self.next_fast(&receiver).map(|o| match o {
                                Some(y) => Resumed::Yielded(y),
                                None => Resumed::Returned(Value::None),
                            })
                        } else {
                            let send = Rc::new(PyStr::new("send"));
                            let m = self.get_attr(&receiver, &send)?;
                            match self.call(&m, vec![v]) {
                                Ok(y) => Ok(Resumed::Yielded(y)),
                                Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                                    let ev = self.normalize(e);
                                    let args = self.exc_args(&ev);
                                    Ok(Resumed::Returned(
                                        args.into_iter().next().unwrap_or(Value::None),
                                    ))
                                }
                                Err(e) => Err(e),
                            }
                        };
                        match r {
                            Ok(r) => r,
                            Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                                let ev = self.normalize(e);
                                let args = self.exc_args(&ev);
                                Resumed::Returned(args.into_iter().next().unwrap_or(Value::None))
                            }
                            Err(e) => return Err(e),
                        }
                    }
                };
                self.yield_from_outcome(result, false)
            }
            Instr::GetYieldFromIter => {
                let frame = self.frames.last_mut().expect("frame");
                let v = crate::vm::frame::pop(&mut self.stack);
                let in_coroutine = frame.code.flags.coroutine;
                let it = match &v {
                    Value::Generator(g) if g.kind == GenKind::Coroutine && !in_coroutine => {
                        return Err(PyErr::type_error(
                            "cannot 'yield from' a coroutine object in a non-coroutine generator",
                        ))
                    }
                    Value::Generator(_) => v.clone(),
                    _ => self.get_iter(&v)?,
                };
                self.stack.push(it);
                Ok(None)
            }
            Instr::GetAwaitable => {
                let v = crate::vm::frame::pop(&mut self.stack);
                // An instance whose class defines `__await__` as a Baton function or a
                // native: call it straight from this instruction's method cache.
                if let Value::Instance(inst) = &v {
                    let frame = self.frames.last().expect("frame");
                    let (code, pc) = (frame.code.clone(), frame.ip - 1);
                    let cache = &code.caches[pc];
                    let method = cache.cached(&inst.class).or_else(|| {
                        let name = self.intern("__await__");
                        cache.look_up(&inst.class, &name)
                    });
                    // A plain generator function (the usual `def __await__(self):
                    // yield ...`): its generator is made here, without a call.
                    if let Some(Value::Function(f)) = &method {
                        if plain_await_generator(&f.code) {
                            self.await_generator_in_place(f.clone(), v);
                            return Ok(None);
                        }
                    }
                    // A Future, Task or `sleep(0)` is its own receiver
                    // (runtime/selfawait.rs).
                    if let Some(Value::Native(nf)) = &method {
                        if crate::runtime::awaits_itself(nf, &v) {
                            self.stack.push(v);
                            return Ok(None);
                        }
                    }
                    if let Some(f @ (Value::Function(_) | Value::Native(_))) = method {
                        let it = self.call(&f, vec![v.clone()])?;
                        let it = self.check_await_iterator(it)?;
                        self.stack.push(it);
                        return Ok(None);
                    }
                }
                let it = self.get_awaitable(&v)?;
                self.stack.push(it);
                Ok(None)
            }
            Instr::GetAiter => {
                let v = crate::vm::frame::pop(&mut self.stack);
                match self.call_special(&v, "__aiter__", Vec::new())? {
                    Some(it) => {
                        self.stack.push(it);
                        Ok(None)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        self.type_name(&v)
                    ))),
                }
            }
            Instr::GetAnext => {
                let it = crate::vm::frame::top(&self.stack).clone();
                let aw = match self.call_special(&it, "__anext__", Vec::new())? {
                    Some(aw) => aw,
                    None => {
                        return Err(PyErr::type_error(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            self.type_name(&it)
                        )))
                    }
                };
                let aw = self.get_awaitable(&aw).map_err(|_| {
                    PyErr::type_error(format!(
                        "'async for' received an invalid object from __anext__: {}",
                        self.type_name(&aw)
                    ))
                })?;
                self.stack.push(aw);
                Ok(None)
            }
            Instr::EndAsyncFor => {
                let exc = crate::vm::frame::pop(&mut self.stack);
                let stop = self.types.exc(ExcType::StopAsyncIteration).clone();
                if self.type_of(&exc).is_subclass(&stop) {
                    let frame = self.frames.last_mut().expect("frame");
                    if let Some(crate::vm::frame::Block::ExceptHandler { prev }) =
                        frame.blocks.pop()
                    {
                        self.exc_info = prev;
                    }
                    crate::vm::frame::pop(&mut self.stack);
                    Ok(None)
                } else {
                    let frame = self.frames.last_mut().expect("frame");
                    if let Some(crate::vm::frame::Block::ExceptHandler { prev }) =
                        frame.blocks.pop()
                    {
                        self.exc_info = prev;
                    }
                    self.reraising = true;
                    Err(PyErr::Raised(exc))
                }
            }
            Instr::BeforeAsyncWith => {
                let ctx = crate::vm::frame::pop(&mut self.stack);
                let enter = self.lookup_special(&ctx, "__aenter__");
                let exit = self.lookup_special(&ctx, "__aexit__");
                let (Some(enter), Some(exit)) = (enter, exit) else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol",
                        self.type_name(&ctx)
                    )));
                };
                self.stack.push(exit);
                let result = self.call(&enter, Vec::new())?;
                self.stack.push(result);
                Ok(None)
            }
            Instr::SetupAsyncWith(t) => {
                let frame = self.frames.last_mut().expect("frame");
                let r = crate::vm::frame::pop(&mut self.stack);
                let level = (self.stack.len() - frame.base) as u32;
                frame
                    .blocks
                    .push(crate::vm::frame::Block::Setup { handler: t, level });
                self.stack.push(r);
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `GetAwaitable` for the run loop's fast path, on an instance whose class's
    /// `__await__` (cached for this instruction) is a plain generator function: the
    /// generator replaces the instance on the stack, made without a call. False
    /// (nothing done) for anything else: the general path decides.
    pub(crate) fn get_awaitable_in_place(&mut self, cache: &crate::vm::cache::InlineCache) -> bool {
        let Some(v @ Value::Instance(inst)) = self.stack.last() else {
            return false;
        };
        let f = match cache.cached(&inst.class) {
            Some(Value::Function(f)) => f,
            // A Future, Task or `sleep(0)` stays as its own receiver.
            Some(Value::Native(nf)) => return crate::runtime::awaits_itself(&nf, v),
            _ => return false,
        };
        if !plain_await_generator(&f.code) {
            return false;
        }
        let obj = crate::vm::frame::pop(&mut self.stack);
        self.await_generator_in_place(f, obj);
        true
    }

    /// Pushes the generator of `obj`'s plain-generator `__await__` `f` (checked by
    /// `plain_await_generator`), made in place without a call.
    fn await_generator_in_place(&mut self, f: Rc<crate::vm::value::Function>, obj: Value) {
        self.stack.push(Value::Function(f));
        self.stack.push(obj);
        // `await obj`: its `LoadConst None; YieldFrom` start the generator at once.
        if self.resumes_next(0) {
            self.enter_delegate_call(1, 2);
        } else {
            self.call_generator_in_place(1);
        }
    }

    /// What `__await__` returned must be an iterator.
    fn check_await_iterator(&mut self, it: Value) -> PyResult<Value> {
        if matches!(&it, Value::Generator(g) if g.kind == GenKind::Coroutine) {
            return Err(PyErr::type_error("__await__() returned a coroutine"));
        }
        let is_iter = matches!(it, Value::Iterator(_))
            || matches!(&it, Value::Generator(g) if g.kind == GenKind::Generator)
            || self.lookup_special(&it, "__next__").is_some();
        if !is_iter {
            return Err(PyErr::type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&it)
            )));
        }
        Ok(it)
    }

    /// `await v`: the iterator to delegate to.
    pub(crate) fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Iterator(it) if is_async_gen_op(it) => Ok(v.clone()),
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                if g.state.get() == CoroState::Closed {
                    return Err(PyErr::runtime_error(
                        "cannot reuse already awaited coroutine",
                    ));
                }
                if delegate_of(g).is_some() {
                    return Err(PyErr::runtime_error("coroutine is being awaited already"));
                }
                Ok(v.clone())
            }
            // A generator of a `@types.coroutine` function is awaited as it is.
            Value::Generator(g)
                if g.kind == GenKind::Generator && g.code.iterable_coroutine.get() =>
            {
                Ok(v.clone())
            }
            _ => {
                let aw = self.lookup_special(v, "__await__");
                match aw {
                    Some(f) => {
                        let it = self.call(&f, Vec::new())?;
                        self.check_await_iterator(it)
                    }
                    None => Err(PyErr::type_error(format!(
                        "object {} can't be used in 'await' expression",
                        self.type_name(v)
                    ))),
                }
            }
        }
    }

    /// Attributes of generator and coroutine objects.
    pub(crate) fn generator_attr(&mut self, obj: &Value, name: &PyStr) -> PyResult<Option<Value>> {
        let Value::Generator(g) = obj else {
            return Ok(None);
        };
        let prefix = match g.kind {
            GenKind::Generator => "gi_",
            GenKind::Coroutine => "cr_",
            GenKind::AsyncGenerator => "ag_",
        };
        let n = name.as_str();
        if n == "__name__" {
            return Ok(Some(Value::Str(g.name())));
        }
        if n == "__qualname__" {
            return Ok(Some(Value::Str(g.qualname())));
        }
        let Some(field) = n.strip_prefix(prefix) else {
            return Ok(None);
        };
        Ok(match field {
            "running" => Some(Value::Bool(g.state.get() == CoroState::Running)),
            "suspended" => Some(Value::Bool(g.state.get() == CoroState::Suspended)),
            "code" => Some(Value::Code(g.code.clone())),
            "frame" => {
                if g.state.get() == CoroState::Closed {
                    Some(Value::None)
                } else {
                    Some(Value::Frame(g.clone()))
                }
            }
            "await" | "yieldfrom" => Some(delegate_of(g).unwrap_or(Value::None)),
            _ => None,
        })
    }

    /// The locals of a generator's frame, by name (parameters first, then cells).
    pub fn generator_locals(&self, g: &LeanRc<Generator>) -> crate::vm::dict::Dict {
        let code = &g.code;
        let running = self
            .frames
            .iter()
            .rev()
            .find(|f| f.generator.as_ref().is_some_and(|fg| LeanRc::ptr_eq(fg, g)));
        if let Some(f) = running {
            return self.frame_locals(f);
        }
        // The values are copied out of a parked frame (`ParkedSlot::with` lends it
        // only to code that cannot reach the slot).
        let (values, cells) = g.frame.with(|parked| match parked {
            Some(f) => {
                let values = f.values();
                (
                    values[..code.nlocals().min(values.len())].to_vec(),
                    f.cells(),
                )
            }
            None => (Vec::new(), Vec::new()),
        });
        locals_dict(code, &values, &cells)
    }

    /// The bound local variables of a frame on the stack, cells and free variables
    /// included, as a new dict (`locals()` in a function).
    pub fn frame_locals(&self, f: &crate::vm::frame::Frame) -> crate::vm::dict::Dict {
        let end = (f.base + f.code.nlocals()).min(self.stack.len());
        let start = f.base.min(end);
        locals_dict(&f.code, &self.stack[start..end], &f.cells)
    }

    /// The instruction a generator's frame is at: the one it is executing while it
    /// runs (a call it made, or the instruction reading this), else where it is
    /// suspended (`suspension_index`).
    pub(crate) fn frame_index(&self, g: &LeanRc<Generator>) -> Option<usize> {
        if g.state.get() == CoroState::Running {
            if let Some(at) = self.generator_frame_index(g) {
                return Some(self.frames[at].ip.saturating_sub(1));
            }
        }
        suspension_index(g)
    }

    /// Attributes of frame objects (`f_locals`, `f_lineno`, `f_lasti`, `f_code`).
    pub(crate) fn frame_attr(&mut self, obj: &Value, name: &PyStr) -> PyResult<Option<Value>> {
        let Value::Frame(g) = obj else {
            return Ok(None);
        };
        Ok(match name.as_str() {
            "f_code" => Some(Value::Code(g.code.clone())),
            "f_locals" => Some(Value::dict(self.generator_locals(g))),
            "f_lineno" => Some(Value::Int(match self.frame_index(g) {
                Some(i) => g.code.line_at(i) as i64,
                None => g.code.firstlineno as i64,
            })),
            "f_lasti" => Some(Value::Int(match self.frame_index(g) {
                Some(i) => i as i64,
                None => -1,
            })),
            // A running frame's caller (a suspended one has none, as in CPython).
            "f_back" => Some(match self.generator_frame_index(g) {
                Some(at) if g.state.get() == CoroState::Running && at > 0 => {
                    self.frame_object_at(at - 1)
                }
                _ => Value::None,
            }),
            "f_globals" => Some(match &g.code.module {
                Some(m) => Value::dict(m.to_dict()),
                None => Value::None,
            }),
            _ => None,
        })
    }
}

/// A dict of `code`'s locals that are bound: `values` by `varnames`, then each cell
/// and free variable by name.
fn locals_dict(
    code: &crate::compile::code::CodeObject,
    values: &[Value],
    cells: &[Rc<std::cell::RefCell<Value>>],
) -> crate::vm::dict::Dict {
    let mut d = crate::vm::dict::Dict::new();
    let mut add = |name: &Rc<PyStr>, v: &Value| {
        if !v.is_undefined() {
            d.set_str(name.clone(), v.clone());
        }
    };
    for (name, v) in code.varnames.iter().zip(values) {
        add(name, v);
    }
    for (name, cell) in code.cellvars.iter().chain(code.freevars.iter()).zip(cells) {
        add(name, &cell.borrow());
    }
    d
}

/// The instruction a suspended (or running) generator's frame stopped at: the yield,
/// or the `YieldFrom` it will re-run. None before it first runs.
fn suspension_index(g: &LeanRc<Generator>) -> Option<usize> {
    match g.state.get() {
        CoroState::Created | CoroState::Closed => None,
        _ => {
            let ip = g.frame.with(|p| p.map(Parked::ip))?;
            if g.code.instrs.get(ip) == Some(&Instr::YieldFrom) {
                Some(ip)
            } else {
                Some(ip.saturating_sub(1))
            }
        }
    }
}

/// Is `v` a coroutine that has not started? (`await` on it needs no checks: it
/// cannot be closed, nor awaited by anyone yet.)
#[inline(always)]
pub(crate) fn is_fresh_coroutine(v: &Value) -> bool {
    matches!(v, Value::Generator(g)
        if g.kind == GenKind::Coroutine && g.state.get() == CoroState::Created)
}

/// Is this `__await__` a plain generator function taking only `self` (its generator
/// can be made in place, see `Vm::call_generator_in_place`)?
fn plain_await_generator(code: &crate::compile::code::CodeObject) -> bool {
    code.flags.generator
        && !code.flags.coroutine
        && !code.flags.async_generator
        && code.plain_generator_call(1)
}

/// What a suspended generator is delegating to (`cr_await`, `gi_yieldfrom`).
fn delegate_of(g: &LeanRc<Generator>) -> Option<Value> {
    if g.state.get() != CoroState::Suspended {
        return None;
    }
    g.receiver()
}

enum Delegated {
    Handled(Resumed),
    NotDelegating(Value),
}

// ---- finalization -------------------------------------------------------------------
//
// A generator-like object can be destroyed anywhere a reference is dropped, and
// destruction may need to run Baton code (the `finally` blocks of a suspended
// generator) or report something (a coroutine that was never awaited). `Drop` has no
// VM at hand, so it queues the work here and the run loop performs it at its next
// general-path instruction (and at exit), in the order the objects died.

/// Work left behind by a generator that was destroyed.
pub enum Orphan {
    /// A suspended frame with handlers: close it (GeneratorExit at its suspension).
    Frame {
        frame: Parked,
        kind: GenKind,
        code: Rc<crate::compile::code::CodeObject>,
        renamed: Option<crate::vm::value::GenNames>,
        /// An async generator that may go to the running loop's finalizer (false
        /// once it went there: then it is closed here).
        to_loop: bool,
    },
    /// A coroutine destroyed before it ever ran.
    NeverAwaited {
        qualname: Rc<PyStr>,
        origin: Option<(Rc<str>, u32)>,
    },
}

thread_local! {
    static ORPHANS: std::cell::RefCell<Vec<Orphan>> = const { std::cell::RefCell::new(Vec::new()) };
    static PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Async generators (by address) handed to an event loop's finalizer, which go
    /// there once: one that dies again suspended (the task that was to close it was
    /// cancelled before it started) is closed at once.
    static HANDED_TO_LOOP: std::cell::RefCell<ahash::AHashSet<usize>> =
        std::cell::RefCell::new(ahash::AHashSet::new());
    /// The never-awaited warnings shown so far, by (file, line, coroutine name):
    /// CPython's default warning filter shows a warning once per message and
    /// location (its per-module `__warningregistry__`), so a loop that drops a
    /// coroutine on every pass is warned about once.
    static WARNED_NEVER_AWAITED: std::cell::RefCell<ahash::AHashSet<(Rc<str>, u32, String)>> =
        std::cell::RefCell::new(ahash::AHashSet::new());
}

/// Was this async generator handed to a loop's finalizer already? (Forgets it: the
/// object is going.)
fn was_handed_to_loop(g: &Generator) -> bool {
    let addr = g as *const Generator as usize;
    HANDED_TO_LOOP
        .try_with(|s| {
            let mut s = s.borrow_mut();
            !s.is_empty() && s.remove(&addr)
        })
        .unwrap_or(false)
}

/// Is there finalization work waiting? (Cheap: checked by the run loop.)
#[inline(always)]
pub fn finalization_pending() -> bool {
    PENDING.with(|p| p.get())
}

impl Drop for Generator {
    fn drop(&mut self) {
        let renamed = self.take_renamed();
        let to_loop = !(self.kind == GenKind::AsyncGenerator && was_handed_to_loop(self));
        let orphan = match self.state.get() {
            CoroState::Created if self.kind == GenKind::Coroutine => Some(Orphan::NeverAwaited {
                qualname: renamed.map_or_else(|| self.code.qualname.clone(), |n| n.1),
                origin: self.origin(),
            }),
            CoroState::Suspended => match self.frame.get_mut().take() {
                Some(frame) if frame.has_blocks() => Some(Orphan::Frame {
                    frame,
                    kind: self.kind,
                    code: self.code.clone(),
                    renamed,
                    to_loop,
                }),
                _ => None,
            },
            _ => None,
        };
        if let Some(o) = orphan {
            // During thread teardown the queue may be gone: then there is nothing
            // left to run the work anyway.
            let _ = ORPHANS.try_with(|q| q.borrow_mut().push(o));
            let _ = PENDING.try_with(|p| p.set(true));
            crate::vm::signals::request_attention();
        }
    }
}

impl Vm {
    /// Performs queued finalization: closes orphaned suspended frames (running their
    /// `finally` blocks) and prints never-awaited warnings.
    pub fn run_finalizers(&mut self) {
        crate::runtime::finalize::serve(self);
        while finalization_pending() {
            PENDING.with(|p| p.set(false));
            let batch: Vec<Orphan> = ORPHANS.with(|q| std::mem::take(&mut *q.borrow_mut()));
            for orphan in batch {
                match orphan {
                    Orphan::Frame {
                        frame,
                        kind,
                        code,
                        renamed,
                        to_loop,
                    } => {
                        let g = Generator::revived(kind, code, frame, renamed);
                        // Saved exception state must not leak into the finalizer.
                        let handled = std::mem::replace(&mut self.exc_info, Value::None);
                        // An async generator abandoned while an event loop runs goes
                        // to the loop, which closes it in a task of its own (its
                        // `finally` may await), as CPython's asyncgen hooks do.
                        if to_loop
                            && kind == GenKind::AsyncGenerator
                            && !self.asyncgen_finalizer.is_none()
                        {
                            let hook = self.asyncgen_finalizer.clone();
                            let addr = &*g as *const Generator as usize;
                            HANDED_TO_LOOP.with(|s| s.borrow_mut().insert(addr));
                            let agen = Value::Generator(g.clone());
                            match self.call(&hook, vec![agen]) {
                                Ok(_) => {
                                    self.exc_info = handled;
                                    continue;
                                }
                                Err(e) => {
                                    let repr = self.repr_string(&hook).unwrap_or_default();
                                    self.report_unraisable(
                                        &format!("Exception ignored in: {repr}"),
                                        e,
                                    );
                                }
                            }
                        }
                        // (One the loop was to close, whose closing task was cancelled
                        // before it ran, is closed quietly: in CPython that task's
                        // cancellation interrupts the `finally` the same way.)
                        let closed = self.close_generator(&g);
                        if let (Err(e), true) = (closed, to_loop) {
                            let repr = self
                                .repr_string(&Value::Generator(g.clone()))
                                .unwrap_or_default();
                            self.report_unraisable(&format!("Exception ignored in: {repr}"), e);
                        }
                        // A frame that ignored GeneratorExit (it yielded again) is
                        // let go without running more of it, as CPython does: it
                        // must not be queued once more.
                        g.state.set(CoroState::Closed);
                        let rest = g.frame.take();
                        drop(rest);
                        self.exc_info = handled;
                    }
                    Orphan::NeverAwaited { qualname, origin } => {
                        self.warn_never_awaited(&qualname, origin);
                    }
                }
            }
        }
    }

    /// `RuntimeWarning: coroutine 'NAME' was never awaited`, in CPython's format (the
    /// place where the coroutine was destroyed, and its source line), plus where it
    /// was created, which CPython cannot tell without tracemalloc. As in CPython, a
    /// coroutine destroyed when no code is running (at exit) is placed at `sys:1`,
    /// and each message is shown once per place.
    fn warn_never_awaited(&mut self, qualname: &PyStr, origin: Option<(Rc<str>, u32)>) {
        if crate::trace::enabled() {
            crate::trace::never_awaited(self, qualname.as_str());
        }
        let (file, line) = self
            .frames
            .last()
            .map(|f| (f.code.filename.clone(), f.current_line()))
            .unwrap_or_else(|| (Rc::from("sys"), 1));
        let key = (file.clone(), line, qualname.as_str().to_string());
        let first = WARNED_NEVER_AWAITED
            .try_with(|w| w.borrow_mut().insert(key))
            .unwrap_or(true);
        if !first {
            return;
        }
        let mut text = format!(
            "{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n",
            file,
            line,
            qualname.as_str()
        );
        if let Some(src) = self.sources.get(&file) {
            if let Some(l) = src.lines().nth((line as usize).saturating_sub(1)) {
                text.push_str(&format!("  {}\n", l.trim()));
            }
        }
        if let Some((file, line)) = origin {
            text.push_str(&format!(
                "  (Baton: the coroutine was created at {}:{})\n",
                file, line
            ));
        }
        self.write_stderr(&text);
    }
}
