//! Generator and coroutine objects: the one gate (`resume`) through which their state
//! changes (CREATED → RUNNING → SUSPENDED → CLOSED, as CPython's `gen_send_ex2`), the
//! instructions that suspend (`yield`, `yield from`, `await`), and the methods `send`,
//! `throw`, `close`.
//!
//! A generator owns its parked frame. Resuming moves the frame onto the VM's frame
//! stack and runs the loop; a yield moves it back into the generator object.

use crate::compile::code::Instr;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::interp::RunExit;
use crate::vm::types::add_methods;
use crate::vm::value::{CoroState, GenKind, Generator, KwArgs, NativeIter, PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// How one resumption of a generator ended.
pub enum Resumed {
    Yielded(Value),
    Returned(Value),
}

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("send", gen_send),
        ("throw", gen_throw),
        ("close", gen_close),
        ("__next__", gen_next),
    ];
    add_methods(&vm.types.generator, "generator", methods);
    add_methods(&vm.types.coroutine, "coroutine", methods);
}

fn this_gen(args: &[Value]) -> PyResult<Rc<Generator>> {
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

fn gen_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    let v = args.get(1).cloned().unwrap_or(Value::None);
    let r = vm.resume(&g, v, None)?;
    finish(vm, r)
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    let r = vm.resume(&g, Value::None, None)?;
    finish(vm, r)
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    let exc = match args.get(1) {
        Some(e) => e.clone(),
        None => return Err(PyErr::type_error("throw expected at least 1 argument, got 0")),
    };
    let exc = match vm.make_raisable(exc, None) {
        Ok(PyErr::Raised(e)) => e,
        _ => {
            return Err(PyErr::type_error(
                "exceptions must be classes or instances deriving from BaseException, not ".to_string()
                    + &vm.type_name(&args[1]),
            ))
        }
    };
    let r = vm.resume(&g, Value::None, Some(exc))?;
    finish(vm, r)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = this_gen(args)?;
    vm.close_generator(&g)?;
    Ok(Value::None)
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

    /// `next(gen)` raising StopIteration(value) at the end.
    pub(crate) fn generator_next_raw(&mut self, it: &Value) -> PyResult<Value> {
        let Value::Generator(g) = it else {
            return Err(PyErr::type_error("not a generator"));
        };
        let r = self.resume(g, Value::None, None)?;
        finish(self, r)
    }

    /// The gate: resumes a generator with a value (or throws an exception into it).
    pub fn resume(&mut self, g: &Rc<Generator>, value: Value, exc: Option<Value>) -> PyResult<Resumed> {
        let kind_word = match g.kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        match g.state.get() {
            CoroState::Running => {
                return Err(PyErr::value_error(format!("{} already executing", kind_word)));
            }
            CoroState::Closed => {
                if let Some(e) = exc {
                    return Err(PyErr::Raised(e));
                }
                return match g.kind {
                    GenKind::Coroutine => Err(PyErr::runtime_error(
                        "cannot reuse already awaited coroutine",
                    )),
                    _ => Err(PyErr::stop_iteration(None)),
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
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Err(PyErr::runtime_error("generator has no frame"));
        };
        if self.frames.len() >= self.recursion_limit {
            *g.frame.borrow_mut() = Some(frame);
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let was_created = g.state.get() == CoroState::Created;
        // Throwing into a generator that is delegating with `yield from`: the
        // delegate gets the exception first.
        let mut exc = exc;
        if let Some(e) = exc.take() {
            match self.throw_into_delegate(&mut frame, e)? {
                Delegated::Handled(Resumed::Yielded(v)) => {
                    *g.frame.borrow_mut() = Some(frame);
                    return Ok(Resumed::Yielded(v));
                }
                Delegated::Handled(Resumed::Returned(v)) => {
                    // The delegate finished: continue the outer frame with its value
                    // (the parked frame holds the delegate on top of its stack).
                    frame.stack.pop();
                    frame.stack.push(v);
                    frame.ip += 1;
                }
                Delegated::NotDelegating(e) => exc = Some(e),
            }
        } else if !was_created {
            frame.stack.push(value);
        }
        frame.is_entry = true;
        frame.generator = Some(g.clone());
        g.state.set(CoroState::Running);
        self.frames.push(*frame);
        self.nested_runs += 1;
        // The generator's own handled exception (if it suspended inside a handler)
        // replaces the caller's while it runs.
        let own = std::mem::replace(&mut *g.exc_state.borrow_mut(), Value::None);
        let outer_exc = if own.is_none() {
            self.exc_info.clone()
        } else {
            std::mem::replace(&mut self.exc_info, own)
        };
        let result = match exc {
            Some(e) => {
                // Raise the exception at the suspension point.
                match self.unwind_from_top(e) {
                    Ok(()) => self.run_loop(),
                    Err(err) => Err(err),
                }
            }
            None => self.run_loop(),
        };
        self.nested_runs -= 1;
        let inner_exc = std::mem::replace(&mut self.exc_info, outer_exc.clone());
        match result {
            Ok(RunExit::Yield(v)) => {
                let in_handler = g.frame.borrow().as_ref().is_some_and(|f| {
                    f.blocks
                        .iter()
                        .any(|b| matches!(b, crate::vm::frame::Block::ExceptHandler { .. }))
                });
                if in_handler && !inner_exc.is_none() {
                    *g.exc_state.borrow_mut() = inner_exc;
                }
                g.state.set(CoroState::Suspended);
                Ok(Resumed::Yielded(v))
            }
            Ok(RunExit::Return(v)) => {
                g.state.set(CoroState::Closed);
                Ok(Resumed::Returned(v))
            }
            Ok(RunExit::Escape(err)) => {
                g.state.set(CoroState::Closed);
                Err(err)
            }
            Err(err) => {
                g.state.set(CoroState::Closed);
                if self.err_is(&err, ExcType::StopIteration) {
                    let cause = self.normalize(err);
                    let msg = format!("{} raised StopIteration", kind_word);
                    let new = self.new_exception(ExcType::RuntimeError, vec![Value::str(&msg)]);
                    if let Some(d) = crate::vm::exceptions::exc_data(&new) {
                        *d.cause.borrow_mut() = cause.clone();
                        *d.context.borrow_mut() = cause;
                        d.suppress_context.set(true);
                    }
                    return Err(PyErr::Raised(new));
                }
                Err(err)
            }
        }
    }

    /// Unwinds the top frame with `exc` as if raised at its current instruction.
    fn unwind_from_top(&mut self, exc: Value) -> PyResult<()> {
        // Reuse the run loop's unwinder by making the next step fail.
        self.pending_throw = Some(exc);
        Ok(())
    }

    /// `gen.close()`: throws GeneratorExit at the suspension point.
    pub fn close_generator(&mut self, g: &Rc<Generator>) -> PyResult<()> {
        match g.state.get() {
            CoroState::Closed => return Ok(()),
            CoroState::Created => {
                g.state.set(CoroState::Closed);
                g.frame.borrow_mut().take();
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
                Err(PyErr::runtime_error(format!("{} ignored GeneratorExit", what)))
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

    fn throw_into_delegate(
        &mut self,
        frame: &mut crate::vm::frame::Frame,
        exc: Value,
    ) -> PyResult<Delegated> {
        let at_yield_from = frame.code.instrs.get(frame.ip) == Some(&Instr::YieldFrom);
        let Some(receiver) = frame.stack.last().cloned() else {
            return Ok(Delegated::NotDelegating(exc));
        };
        if !at_yield_from {
            return Ok(Delegated::NotDelegating(exc));
        }
        match &receiver {
            Value::Generator(inner) => {
                let is_exit = self
                    .type_of(&exc)
                    .is_subclass(self.types.exc(ExcType::GeneratorExit));
                if is_exit {
                    self.close_generator(inner)?;
                    return Ok(Delegated::NotDelegating(exc));
                }
                match self.resume(inner, Value::None, Some(exc)) {
                    Ok(r) => Ok(Delegated::Handled(r)),
                    Err(e) => {
                        if self.err_is(&e, ExcType::StopIteration) {
                            let v = self.normalize(e);
                            let args = self.exc_args(&v);
                            return Ok(Delegated::Handled(Resumed::Returned(
                                args.into_iter().next().unwrap_or(Value::None),
                            )));
                        }
                        // The delegate raised: it propagates in the outer frame, at
                        // its `yield from`.
                        let v = self.normalize(e);
                        Ok(Delegated::NotDelegating(v))
                    }
                }
            }
            _ => Ok(Delegated::NotDelegating(exc)),
        }
    }

    /// Suspension and delegation instructions.
    pub(crate) fn execute_coroutine_instr(&mut self, instr: Instr) -> PyResult<Option<RunExit>> {
        match instr {
            Instr::YieldValue => {
                let frame = self.frames.last_mut().expect("frame");
                let v = frame.pop();
                Ok(Some(self.park_top_frame(v)?))
            }
            Instr::YieldFrom => {
                let frame = self.frames.last_mut().expect("frame");
                let v = frame.pop();
                let receiver = frame.top().clone();
                let result = match &receiver {
                    Value::Generator(g) => match self.resume(g, v, None) {
                        Ok(r) => r,
                        Err(e) => {
                            if self.err_is(&e, ExcType::StopIteration) && g.kind != GenKind::Generator {
                                return Err(e);
                            }
                            return Err(e);
                        }
                    },
                    Value::Iterator(st) if matches!(&*st.borrow(), NativeIter::FutureAwait { .. }) => {
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
                                    Ok(Resumed::Returned(args.into_iter().next().unwrap_or(Value::None)))
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
                match result {
                    Resumed::Yielded(y) => {
                        let frame = self.frames.last_mut().expect("frame");
                        frame.ip -= 1;
                        Ok(Some(self.park_top_frame(y)?))
                    }
                    Resumed::Returned(r) => {
                        let frame = self.frames.last_mut().expect("frame");
                        frame.pop();
                        frame.push(r);
                        Ok(None)
                    }
                }
            }
            Instr::GetYieldFromIter => {
                let frame = self.frames.last_mut().expect("frame");
                let v = frame.pop();
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
                self.frames.last_mut().expect("frame").push(it);
                Ok(None)
            }
            Instr::GetAwaitable => {
                let frame = self.frames.last_mut().expect("frame");
                let v = frame.pop();
                let it = self.get_awaitable(&v)?;
                self.frames.last_mut().expect("frame").push(it);
                Ok(None)
            }
            Instr::GetAiter => {
                let frame = self.frames.last_mut().expect("frame");
                let v = frame.pop();
                match self.call_special(&v, "__aiter__", Vec::new())? {
                    Some(it) => {
                        self.frames.last_mut().expect("frame").push(it);
                        Ok(None)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        self.type_name(&v)
                    ))),
                }
            }
            Instr::GetAnext => {
                let frame = self.frames.last_mut().expect("frame");
                let it = frame.top().clone();
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
                self.frames.last_mut().expect("frame").push(aw);
                Ok(None)
            }
            Instr::EndAsyncFor => {
                let frame = self.frames.last_mut().expect("frame");
                let exc = frame.pop();
                let stop = self.types.exc(ExcType::StopAsyncIteration).clone();
                if self.type_of(&exc).is_subclass(&stop) {
                    let frame = self.frames.last_mut().expect("frame");
                    if let Some(crate::vm::frame::Block::ExceptHandler { prev }) = frame.blocks.pop() {
                        self.exc_info = prev;
                    }
                    let frame = self.frames.last_mut().expect("frame");
                    frame.pop();
                    Ok(None)
                } else {
                    let frame = self.frames.last_mut().expect("frame");
                    if let Some(crate::vm::frame::Block::ExceptHandler { prev }) = frame.blocks.pop() {
                        self.exc_info = prev;
                    }
                    self.reraising = true;
                    Err(PyErr::Raised(exc))
                }
            }
            Instr::BeforeAsyncWith => {
                let frame = self.frames.last_mut().expect("frame");
                let ctx = frame.pop();
                let enter = self.lookup_special(&ctx, "__aenter__");
                let exit = self.lookup_special(&ctx, "__aexit__");
                let (Some(enter), Some(exit)) = (enter, exit) else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object does not support the asynchronous context manager protocol",
                        self.type_name(&ctx)
                    )));
                };
                self.frames.last_mut().expect("frame").push(exit);
                let result = self.call(&enter, Vec::new())?;
                self.frames.last_mut().expect("frame").push(result);
                Ok(None)
            }
            Instr::SetupAsyncWith(t) => {
                let frame = self.frames.last_mut().expect("frame");
                let r = frame.pop();
                let level = frame.stack.len() as u32;
                frame.blocks.push(crate::vm::frame::Block::Setup { handler: t, level });
                frame.push(r);
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// `await v`: the iterator to delegate to.
    pub(crate) fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Generator(g) if g.kind == GenKind::Coroutine => {
                if g.state.get() == CoroState::Closed {
                    return Err(PyErr::runtime_error("cannot reuse already awaited coroutine"));
                }
                Ok(v.clone())
            }
            _ => {
                let aw = self.lookup_special(v, "__await__");
                match aw {
                    Some(f) => {
                        let it = self.call(&f, Vec::new())?;
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
                    None => Err(PyErr::type_error(format!(
                        "object {} can't be used in 'await' expression",
                        self.type_name(v)
                    ))),
                }
            }
        }
    }

    /// Moves the top (generator) frame back into its generator object.
    fn park_top_frame(&mut self, v: Value) -> PyResult<RunExit> {
        let frame = self.pop_frame();
        match frame.generator.clone() {
            Some(g) => {
                *g.frame.borrow_mut() = Some(Box::new(frame));
                Ok(RunExit::Yield(v))
            }
            None => Err(PyErr::runtime_error("yield outside a generator frame")),
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
            return Ok(Some(Value::Str(g.name.borrow().clone())));
        }
        if n == "__qualname__" {
            return Ok(Some(Value::Str(g.qualname.borrow().clone())));
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
                    Some(Value::str("<frame>"))
                }
            }
            _ => None,
        })
    }
}

enum Delegated {
    Handled(Resumed),
    NotDelegating(Value),
}
