//! The run loop: one loop over an explicit stack of heap frames. A language call pushes
//! a frame and a return pops one; no Rust recursion happens for calls between Baton
//! functions. Natives that call back into the language (a sort key, `__repr__` inside
//! `print`) start a nested run of this loop, which counts against the same recursion
//! limit.

use crate::compile::code::CodeObject;
use crate::compile::code::Instr;
use crate::syntax::ast::UnaryOp;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::frame::{peek, pop, pop_n, top, Block, Frame, OnReturn, Resumer};
use crate::vm::value::{Function, Module, PyStr, SliceObj, Value};
use crate::vm::{CallOutcome, Vm};
use std::cell::RefCell;
use std::rc::Rc;

mod arith;
mod attrs;
mod fast;
pub(crate) use fast::STACK_SLACK;
mod frames;
mod handed_over;

/// How a run of the loop ended.
pub enum RunExit {
    /// The entry frame returned this value.
    Return(Value),
    /// The entry frame (a generator's) yielded this value and is parked.
    Yield(Value),
    /// The entry frame returned but finishing the return failed (`__init__` returning
    /// a value, class creation failing): the error escapes without unwinding the
    /// frames below, which belong to an outer run.
    Escape(PyErr),
}

impl Vm {
    /// Runs the top frame (which must be marked `is_entry`) until it returns, yields or
    /// lets an exception escape.
    pub(crate) fn run_loop(&mut self) -> PyResult<RunExit> {
        loop {
            if let Some(exc) = self.pending_throw.take() {
                self.unwind(exc, false)?;
            }
            match self.execute() {
                Ok(RunExit::Escape(err)) => return Err(err),
                Ok(exit) => return Ok(exit),
                Err(err) => {
                    let skip_tb = matches!(err, PyErr::Raised(_)) && self.reraising;
                    self.reraising = false;
                    let exc = self.normalize(err);
                    self.unwind(exc, skip_tb)?;
                }
            }
        }
    }

    /// Finds a handler for `exc`, starting in the top frame. Returns Ok when a handler
    /// took it (execution continues there), Err when it escaped the entry frame.
    fn unwind(&mut self, mut exc: Value, mut skip_tb: bool) -> PyResult<()> {
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(PyErr::Raised(exc));
            };
            if !skip_tb {
                crate::vm::exceptions::add_traceback(&exc, &frame.code, frame.ip.saturating_sub(1));
            }
            skip_tb = false;
            while let Some(block) = frame.blocks.pop() {
                match block {
                    Block::ExceptHandler { prev } => self.exc_info = prev,
                    Block::Setup { handler, level } => {
                        self.stack.truncate(frame.base + level as usize);
                        let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                        frame.blocks.push(Block::ExceptHandler { prev });
                        self.stack.push(exc);
                        frame.ip = handler as usize;
                        return Ok(());
                    }
                }
            }
            let mut frame = self.pop_frame();
            if let Some(gen) = frame.generator.take() {
                self.generator_finished(&gen, &mut frame);
                exc = self.stop_iteration_escaped(gen.kind, exc);
            }
            let entry = frame.is_entry;
            self.recycle(frame);
            if entry {
                return Err(PyErr::Raised(exc));
            }
        }
    }

    pub(crate) fn pop_frame(&mut self) -> Box<Frame> {
        self.frames.pop().expect("frame stack underflow")
    }

    /// A frame for `code`, reusing a finished one when there is one.
    #[inline]
    pub(crate) fn new_frame(&mut self, code: Rc<CodeObject>, globals: Rc<Module>) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                f.code = code;
                f.globals = globals;
                f.ip = 0;
                f.is_entry = false;
                f.object_id = 0;
                f.base = self.stack.len();
                f.ret_to = f.base;
                f
            }
            None => {
                let mut f = Box::new(Frame::new(code, globals));
                f.base = self.stack.len();
                f.ret_to = f.base;
                f
            }
        }
    }

    /// Lets go of everything a finished frame holds (its locals and operands on the
    /// value stack are dropped now, which keeps destruction deterministic) and keeps
    /// the frame for reuse.
    #[inline]
    pub(crate) fn recycle(&mut self, mut frame: Box<Frame>) {
        self.stack.truncate(frame.ret_to);
        if !frame.cells.is_empty() {
            frame.cells.clear();
        }
        if !frame.blocks.is_empty() {
            frame.blocks.clear();
        }
        if frame.namespace.is_some() {
            frame.namespace = None;
        }
        if frame.generator.is_some() {
            frame.generator = None;
        }
        frame.saved.clear();
        if !frame.resumer_exc.is_none() {
            frame.resumer_exc = Value::None;
        }
        if !matches!(frame.on_return, OnReturn::Value) {
            frame.on_return = OnReturn::Value;
        }
        if self.frame_pool.len() < 256 && frame.saved.capacity() <= 1024 {
            self.frame_pool.push(frame);
        }
    }

    /// Handles a frame's return value; `Some` when the run loop must end.
    fn do_return(&mut self, v: Value) -> PyResult<Option<RunExit>> {
        let mut frame = self.pop_frame();
        let entry = frame.is_entry;
        let gen = frame.generator.take();
        let on_return = std::mem::replace(&mut frame.on_return, OnReturn::Value);
        let resumer = frame.resumer;
        if let Some(gen) = gen {
            self.generator_finished(&gen, &mut frame);
            if resumer != Resumer::Native {
                self.recycle(frame);
                self.generator_returned_in_place(resumer, v)?;
                return Ok(None);
            }
        }
        self.recycle(frame);
        let v = match on_return {
            OnReturn::Value => Ok(v),
            OnReturn::Init(instance) => {
                if v.is_none() {
                    Ok(instance)
                } else {
                    Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    )))
                }
            }
            OnReturn::BuildClass(class) => {
                let (name, bases, keywords) = *class;
                self.finish_class(v, name, bases, keywords)
            }
        };
        let v = match v {
            Ok(v) => v,
            Err(e) if entry => return Ok(Some(RunExit::Escape(e))),
            Err(e) => return Err(e),
        };
        if entry {
            return Ok(Some(RunExit::Return(v)));
        }
        if self.frames.is_empty() {
            return Ok(Some(RunExit::Return(v)));
        }
        self.stack.push(v);
        Ok(None)
    }

    /// Executes instructions of the top frame until a return/yield leaves the loop or
    /// an instruction fails.
    fn execute(&mut self) -> PyResult<RunExit> {
        loop {
            // The general instruction just run may have left finalization work too (a
            // suspended generator dropped with a call's arguments): serve it before the
            // fast path runs anything (it calls natives such as `print` itself).
            if crate::vm::signals::attention() {
                self.attend()?;
            }
            let instr = match self.run_fast()? {
                fast::FastStop::General(instr) => instr,
                fast::FastStop::Exit(exit) => return Ok(exit),
            };
            // Objects destroyed by the fast path may have left finalization work
            // (a suspended generator's `finally`), or Ctrl-C was pressed: serve it
            // before anything else runs.
            if crate::vm::signals::attention() {
                self.attend()?;
            }
            let can_push = self.frames.len() < self.recursion_limit;
            let frame = self.frames.last_mut().expect("run loop without a frame");
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    pop(&mut self.stack);
                }
                Instr::Dup => {
                    let v = top(&self.stack).clone();
                    self.stack.push(v);
                }
                Instr::DupTwo => {
                    let a = peek(&self.stack, 1).clone();
                    let b = peek(&self.stack, 0).clone();
                    self.stack.push(a);
                    self.stack.push(b);
                }
                Instr::RotTwo => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                }
                Instr::RotThree => {
                    let v = pop(&mut self.stack);
                    let n = self.stack.len();
                    self.stack.insert(n - 2, v);
                }
                Instr::RotFour => {
                    let v = pop(&mut self.stack);
                    let n = self.stack.len();
                    self.stack.insert(n - 3, v);
                }
                Instr::LoadConst(i) => {
                    let v = frame.code.consts[i as usize].clone();
                    self.stack.push(v);
                }
                Instr::LoadFast(i) => {
                    let v = self.stack[frame.base + i as usize].clone();
                    if v.is_undefined() {
                        let name = frame.code.varnames[i as usize].clone();
                        return Err(PyErr::new(
                            ExcType::UnboundLocalError,
                            format!(
                                "cannot access local variable '{}' where it is not associated with a value",
                                name.as_str()
                            ),
                        ));
                    }
                    self.stack.push(v);
                }
                Instr::StoreFast(i) => {
                    let v = pop(&mut self.stack);
                    self.stack[frame.base + i as usize] = v;
                }
                Instr::DeleteFast(i) => {
                    if self.stack[frame.base + i as usize].is_undefined() {
                        let name = frame.code.varnames[i as usize].clone();
                        return Err(PyErr::new(
                            ExcType::UnboundLocalError,
                            format!(
                                "cannot access local variable '{}' where it is not associated with a value",
                                name.as_str()
                            ),
                        ));
                    }
                    self.stack[frame.base + i as usize] = Value::Undefined;
                }
                Instr::LoadDeref(i) => {
                    let v = frame.cells[i as usize].borrow().clone();
                    if v.is_undefined() {
                        return Err(self.unbound_deref(i));
                    }
                    self.stack.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = pop(&mut self.stack);
                    *frame.cells[i as usize].borrow_mut() = v;
                }
                Instr::DeleteDeref(i) => {
                    let old = std::mem::take(&mut *frame.cells[i as usize].borrow_mut());
                    if old.is_undefined() {
                        return Err(self.unbound_deref(i));
                    }
                }
                Instr::LoadClosure(i) => {
                    let c = frame.cells[i as usize].clone();
                    self.stack.push(Value::Cell(c));
                }
                Instr::LoadClassDeref(i) => {
                    let name = self.cell_name(i);
                    let frame = self.frames.last_mut().expect("frame");
                    let found = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get_str(&name));
                    let v = match found {
                        Some(v) => v,
                        None => {
                            let v = frame.cells[i as usize].borrow().clone();
                            if v.is_undefined() {
                                return Err(self.unbound_deref(i));
                            }
                            v
                        }
                    };
                    self.stack.push(v);
                }
                Instr::LoadGlobal(slot) => {
                    let v = frame.globals.slots.borrow()[slot as usize].clone();
                    let v = if v.is_undefined() {
                        let name = frame.globals.slot_names.borrow()[slot as usize].clone();
                        // The builtin's slot, for the fast path: a name keeps its slot
                        // in a module for good, so the hint never goes stale.
                        if let Some(&i) = self.builtins.index.borrow().get(name.as_str()) {
                            if let Some(cache) = frame.code.caches.get(frame.ip - 1) {
                                cache.hint.set(i + 1);
                            }
                        }
                        self.load_builtin(&name)?
                    } else {
                        v
                    };
                    self.stack.push(v);
                }
                Instr::StoreGlobal(slot) => {
                    let v = pop(&mut self.stack);
                    frame.globals.slots.borrow_mut()[slot as usize] = v;
                }
                Instr::DeleteGlobal(slot) => {
                    let old = std::mem::take(&mut frame.globals.slots.borrow_mut()[slot as usize]);
                    if old.is_undefined() {
                        let name = frame.globals.slot_names.borrow()[slot as usize].clone();
                        return Err(self.name_error(&name));
                    }
                }
                Instr::LoadName(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let found = frame
                        .namespace
                        .as_ref()
                        .and_then(|ns| ns.borrow().get_str(&name));
                    let v = match found {
                        Some(v) => v,
                        None => match frame.globals.get(name.as_str()) {
                            Some(v) => v,
                            None => self.load_builtin(&name)?,
                        },
                    };
                    self.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let v = pop(&mut self.stack);
                    match &frame.namespace {
                        Some(ns) => ns.borrow_mut().set_str(name, v),
                        None => frame.globals.set(name.as_str(), v),
                    }
                }
                Instr::DeleteName(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let removed = match &frame.namespace {
                        Some(ns) => ns.borrow_mut().remove_str(&name).is_some(),
                        None => false,
                    };
                    if !removed {
                        return Err(self.name_error(&name));
                    }
                }
                Instr::SetupAnnotations => {
                    let name = crate::vm::intern::intern("__annotations__");
                    let bound = match &frame.namespace {
                        Some(ns) => ns.borrow().get_str(&name).is_some(),
                        None => frame.globals.get(name.as_str()).is_some(),
                    };
                    if !bound {
                        let annotations = Value::dict(crate::vm::dict::Dict::new());
                        match &frame.namespace {
                            Some(ns) => ns.borrow_mut().set_str(name, annotations),
                            None => frame.globals.set(name.as_str(), annotations),
                        }
                    }
                }
                Instr::LoadLocals => {
                    let ns = frame.namespace.clone();
                    match ns {
                        Some(ns) => self.stack.push(Value::Dict(ns)),
                        None => self.stack.push(Value::None),
                    }
                }
                Instr::LoadAttr(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let obj = pop(&mut self.stack);
                    let v = self.get_attr(&obj, &name)?;
                    self.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let obj = pop(&mut self.stack);
                    let v = pop(&mut self.stack);
                    self.set_attr(&obj, &name, v)?;
                }
                Instr::DeleteAttr(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let obj = pop(&mut self.stack);
                    self.del_attr(&obj, &name)?;
                }
                Instr::LoadMethod(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let obj = pop(&mut self.stack);
                    match self.lookup_method(&obj, &name)? {
                        Some(func) => {
                            self.stack.push(func);
                            self.stack.push(obj);
                        }
                        None => {
                            let v = self.get_attr(&obj, &name)?;
                            self.stack.push(v);
                            self.stack.push(Value::Undefined);
                        }
                    }
                }
                Instr::CallMethod(n) => {
                    let n = n as usize;
                    let len = self.stack.len();
                    let has_self = !self.stack[len - n - 1].is_undefined();
                    if has_self {
                        match &self.stack[len - n - 2] {
                            Value::Function(f) if f.code.fast_call_ok(n + 1) && can_push => {
                                let f = f.clone();
                                self.push_fast_frame(&f, n + 1, 1);
                                continue;
                            }
                            Value::Native(f) if f.self_class.is_none() => {
                                let func = f.func;
                                self.call_native_in_place(func, n + 1)?;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    let (callee, args) = if has_self {
                        let args = self.stack.split_off(len - n - 1);
                        (pop(&mut self.stack), args)
                    } else {
                        let args = self.stack.split_off(len - n);
                        pop(&mut self.stack);
                        (pop(&mut self.stack), args)
                    };
                    self.call_in_loop(callee, args, Vec::new())?;
                }
                Instr::BinarySubscr => {
                    let key = pop(&mut self.stack);
                    let obj = pop(&mut self.stack);
                    let v = self.get_item(&obj, &key)?;
                    self.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop(&mut self.stack);
                    let obj = pop(&mut self.stack);
                    let v = pop(&mut self.stack);
                    self.set_item(&obj, key, v)?;
                }
                Instr::DeleteSubscr => {
                    let key = pop(&mut self.stack);
                    let obj = pop(&mut self.stack);
                    self.del_item(&obj, &key)?;
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 {
                        pop(&mut self.stack)
                    } else {
                        Value::None
                    };
                    let stop = pop(&mut self.stack);
                    let start = pop(&mut self.stack);
                    self.stack
                        .push(Value::Slice(Rc::new(SliceObj { start, stop, step })));
                }
                // Int operands that stay in range were handled by the fast path.
                Instr::Binary(op) => {
                    let b = pop(&mut self.stack);
                    let a = pop(&mut self.stack);
                    let v = self.binary_op(op, &a, &b)?;
                    self.stack.push(v);
                }
                Instr::InplaceBinary(op) => {
                    let b = pop(&mut self.stack);
                    let mut a = pop(&mut self.stack);
                    // `s += t` on a str only the local `s` holds (CPython's
                    // in-place concatenation): the local lets go, and the text grows
                    // where it lies.
                    if let (crate::syntax::ast::BinOp::Add, Value::Str(_), Value::Str(t)) =
                        (op, &a, &b)
                    {
                        // The store that follows is done here, so the variable is never
                        // seen unbound (no code can run in between).
                        let target: Option<&mut Value> = match frame.code.instrs.get(frame.ip) {
                            Some(Instr::StoreFast(i)) => {
                                self.stack.get_mut(frame.base + *i as usize)
                            }
                            _ => None,
                        };
                        let mut globals = match frame.code.instrs.get(frame.ip) {
                            Some(Instr::StoreGlobal(_)) => Some(frame.globals.slots.borrow_mut()),
                            _ => None,
                        };
                        let target = target.or_else(|| {
                            match (frame.code.instrs.get(frame.ip), globals.as_mut()) {
                                (Some(Instr::StoreGlobal(i)), Some(slots)) => {
                                    slots.get_mut(*i as usize)
                                }
                                _ => None,
                            }
                        });
                        if let Some(slot) = target.filter(|slot| slot.is(&a)) {
                            *slot = Value::Undefined;
                            if let Value::Str(s) = &mut a {
                                crate::vm::value::PyStr::append(s, t);
                            }
                            *slot = a;
                            frame.ip += 1;
                            continue;
                        }
                    }
                    let v = self.inplace_op(op, &a, &b)?;
                    self.stack.push(v);
                }
                Instr::Unary(op) => {
                    let a = pop(&mut self.stack);
                    let v = match op {
                        UnaryOp::Not => Value::Bool(!self.truthy(&a)?),
                        _ => self.unary_op(op, &a)?,
                    };
                    self.stack.push(v);
                }
                Instr::Compare(op) => {
                    let b = pop(&mut self.stack);
                    let a = pop(&mut self.stack);
                    // Int orderings were handled by the fast path; identity and
                    // membership go through the general comparison.
                    let v = self.compare(op, &a, &b)?;
                    self.stack.push(v);
                }
                Instr::Jump(t) => {
                    let back = (t as usize) < frame.ip;
                    frame.ip = t as usize;
                    if back {
                        self.count_step();
                    }
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = pop(&mut self.stack);
                    let b = match v {
                        Value::Bool(b) => b,
                        ref other => self.truthy(other)?,
                    };
                    if !b {
                        self.frames.last_mut().expect("frame").ip = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop(&mut self.stack);
                    let b = match v {
                        Value::Bool(b) => b,
                        ref other => self.truthy(other)?,
                    };
                    if b {
                        self.frames.last_mut().expect("frame").ip = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = top(&self.stack).clone();
                    let b = self.truthy(&v)?;
                    let frame = self.frames.last_mut().expect("frame");
                    if !b {
                        frame.ip = t as usize;
                    } else {
                        pop(&mut self.stack);
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = top(&self.stack).clone();
                    let b = self.truthy(&v)?;
                    let frame = self.frames.last_mut().expect("frame");
                    if b {
                        frame.ip = t as usize;
                    } else {
                        pop(&mut self.stack);
                    }
                }
                Instr::GetIter => {
                    let v = pop(&mut self.stack);
                    let it = self.get_iter(&v)?;
                    self.stack.push(it);
                }
                Instr::ForIter(t) => {
                    let it = top(&self.stack).clone();
                    if let Value::Generator(g) = &it {
                        if self.can_resume_in_place(g, true) {
                            self.resume_in_place(g, Value::None, Resumer::ForIter)?;
                            continue;
                        }
                    }
                    match self.next_fast(&it)? {
                        Some(v) => self.stack.push(v),
                        None => {
                            let frame = self.frames.last_mut().expect("frame");
                            pop(&mut self.stack);
                            frame.ip = t as usize;
                        }
                    }
                }
                Instr::BuildTuple(n) => {
                    let items = pop_n(&mut self.stack, n as usize);
                    self.stack.push(Value::tuple(items));
                }
                Instr::BuildList(n) => {
                    let items = pop_n(&mut self.stack, n as usize);
                    self.stack.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let items = pop_n(&mut self.stack, n as usize);
                    let s = self.new_set(items, false)?;
                    self.stack.push(s);
                }
                Instr::BuildMap(n) => {
                    let items = pop_n(&mut self.stack, 2 * n as usize);
                    let d = Value::dict(crate::vm::dict::Dict::new());
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.set_item(&d, k, v)?;
                    }
                    self.stack.push(d);
                }
                Instr::ListAppend(d) => {
                    let v = pop(&mut self.stack);
                    if let Value::List(l) = peek(&self.stack, d as usize - 1) {
                        l.borrow_mut().push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    let v = pop(&mut self.stack);
                    let s = peek(&self.stack, d as usize - 1).clone();
                    self.set_add(&s, v)?;
                }
                Instr::MapAdd(d) => {
                    let v = pop(&mut self.stack);
                    let k = pop(&mut self.stack);
                    let m = peek(&self.stack, d as usize - 1).clone();
                    self.set_item(&m, k, v)?;
                }
                Instr::ListExtend(d) => {
                    let v = pop(&mut self.stack);
                    let l = peek(&self.stack, d as usize - 1).clone();
                    let items = self.collect_starred(&v, |_| String::from("Value"))?;
                    if let Value::List(l) = l {
                        // (An empty list, as `f(*xs)` builds, takes the items' buffer.)
                        let mut l = l.borrow_mut();
                        if l.is_empty() {
                            *l = items;
                        } else {
                            l.extend(items);
                        }
                    }
                }
                Instr::SetUpdate(d) => {
                    let v = pop(&mut self.stack);
                    let s = peek(&self.stack, d as usize - 1).clone();
                    for item in self.collect(&v)? {
                        self.set_add(&s, item)?;
                    }
                }
                Instr::DictUpdate(d) => {
                    let v = pop(&mut self.stack);
                    let m = peek(&self.stack, d as usize - 1).clone();
                    self.dict_update_from(&m, &v, true)?;
                }
                Instr::DictMerge(d) => {
                    let v = pop(&mut self.stack);
                    let m = peek(&self.stack, d as usize - 1).clone();
                    let f = peek(&self.stack, d as usize + 1).clone();
                    self.dict_merge_kwargs(&m, &v, &f)?;
                }
                Instr::ListToTuple => {
                    let v = pop(&mut self.stack);
                    let t = match v {
                        Value::List(l) => Value::tuple(std::mem::take(&mut *l.borrow_mut())),
                        other => other,
                    };
                    self.stack.push(t);
                }
                Instr::UnpackSequence(n) => {
                    let v = pop(&mut self.stack);
                    let items = self.unpack(&v, n as usize)?;
                    self.stack.extend(items.into_iter().rev());
                }
                Instr::UnpackEx(arg) => {
                    let before = (arg & 0xff) as usize;
                    let after = (arg >> 8) as usize;
                    let v = pop(&mut self.stack);
                    let items = self.collect(&v)?;
                    if items.len() < before + after {
                        return Err(PyErr::value_error(format!(
                            "not enough values to unpack (expected at least {}, got {})",
                            before + after,
                            items.len()
                        )));
                    }
                    let mut items = items;
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(before);
                    self.stack.extend(tail.into_iter().rev());
                    self.stack.push(Value::list(middle));
                    self.stack.extend(items.into_iter().rev());
                }
                Instr::CallFunction(n) => {
                    let n = n as usize;
                    let len = self.stack.len();
                    let is_class = matches!(self.stack[len - n - 1], Value::Class(_));
                    if is_class && can_push {
                        let code = frame.code.clone();
                        let cache = &code.caches[frame.ip - 1];
                        if self.try_fast_instantiate(n, cache) {
                            continue;
                        }
                    }
                    match &self.stack[len - n - 1] {
                        Value::Function(f) if f.code.fast_call_ok(n) && can_push => {
                            let f = f.clone();
                            self.push_fast_frame(&f, n, 1);
                            continue;
                        }
                        Value::Native(f) if f.self_class.is_none() => {
                            let func = f.func;
                            self.call_native_in_place(func, n)?;
                            continue;
                        }
                        _ => {}
                    }
                    let args = self.stack.split_off(len - n);
                    let callee = pop(&mut self.stack);
                    self.call_in_loop(callee, args, Vec::new())?;
                }
                Instr::CallFunctionKw(n) => {
                    let names = pop(&mut self.stack);
                    let n = n as usize;
                    let len = self.stack.len();
                    let mut args = self.stack.split_off(len - n);
                    let callee = pop(&mut self.stack);
                    let names = match names {
                        Value::Tuple(t) => t,
                        _ => Rc::new(Vec::new()),
                    };
                    let kwvals = args.split_off(args.len() - names.len());
                    let kwargs = names
                        .iter()
                        .zip(kwvals)
                        .map(|(k, v)| match k {
                            Value::Str(s) => (s.clone(), v),
                            _ => (Rc::new(PyStr::new("?")), v),
                        })
                        .collect();
                    self.call_in_loop(callee, args, kwargs)?;
                }
                Instr::CallFunctionEx(flags) => {
                    let kw = if flags & 1 != 0 {
                        pop(&mut self.stack)
                    } else {
                        Value::None
                    };
                    let args = pop(&mut self.stack);
                    let callee = pop(&mut self.stack);
                    let args = match args {
                        Value::Tuple(t) => Rc::try_unwrap(t).unwrap_or_else(|t| (*t).clone()),
                        other => self.collect_starred(&other, |vm| {
                            format!("{} argument", vm.function_str(&callee))
                        })?,
                    };
                    let mut kwargs = Vec::new();
                    if let Value::Dict(d) = &kw {
                        for (k, v) in d.borrow().iter() {
                            match k {
                                Value::Str(s) => kwargs.push((s.clone(), v.clone())),
                                _ => return Err(PyErr::type_error("keywords must be strings")),
                            }
                        }
                    }
                    self.call_in_loop(callee, args, kwargs)?;
                }
                Instr::MakeFunction(flags) => {
                    let code = pop(&mut self.stack);
                    let closure = if flags & 8 != 0 {
                        pop(&mut self.stack)
                    } else {
                        Value::None
                    };
                    let annotations = if flags & 4 != 0 {
                        Some(pop(&mut self.stack))
                    } else {
                        None
                    };
                    let kwdefaults = if flags & 2 != 0 {
                        pop(&mut self.stack)
                    } else {
                        Value::None
                    };
                    let defaults = if flags & 1 != 0 {
                        pop(&mut self.stack)
                    } else {
                        Value::None
                    };
                    let Value::Code(code) = code else {
                        return Err(PyErr::runtime_error("MakeFunction without a code object"));
                    };
                    let globals = frame.globals.clone();
                    let mut f = Function {
                        fast_argc: code.fast_argc,
                        kwonly_fast: false,
                        name: RefCell::new(code.name.clone()),
                        qualname: RefCell::new(code.qualname.clone()),
                        code,
                        globals,
                        defaults: match defaults {
                            Value::Tuple(t) => (*t).clone(),
                            _ => Vec::new(),
                        },
                        kwdefaults: match kwdefaults {
                            Value::Dict(d) => d
                                .borrow()
                                .iter()
                                .filter_map(|(k, v)| match k {
                                    Value::Str(s) => Some((s.clone(), v.clone())),
                                    _ => None,
                                })
                                .collect(),
                            _ => Vec::new(),
                        },
                        closure: match closure {
                            Value::Tuple(t) => t
                                .iter()
                                .filter_map(|c| match c {
                                    Value::Cell(c) => Some(c.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => Vec::new(),
                        },
                        dict: RefCell::new(None),
                        annotations: RefCell::new(annotations),
                    };
                    f.kwonly_fast = f.code.binds_positionally_but_kwonly()
                        && crate::vm::call::kwonly_defaults_in_order(
                            &f,
                            f.code.argcount as usize,
                            f.code.kwonlyargcount as usize,
                        );
                    self.stack.push(Value::Function(Rc::new(f)));
                }
                Instr::ReturnValue => {
                    let v = pop(&mut self.stack);
                    if let Some(exit) = self.do_return(v)? {
                        return Ok(exit);
                    }
                }
                Instr::BuildClass(n) => {
                    let bases = pop_n(&mut self.stack, n as usize);
                    let name = pop(&mut self.stack);
                    let body = pop(&mut self.stack);
                    self.start_class_body(body, name, bases, Value::None)?;
                }
                Instr::BuildClassKw(n) => {
                    let keywords = pop(&mut self.stack);
                    let bases = pop_n(&mut self.stack, n as usize);
                    let name = pop(&mut self.stack);
                    let body = pop(&mut self.stack);
                    self.start_class_body(body, name, bases, keywords)?;
                }
                Instr::ImportName(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let m = self.import_module(name.as_str())?;
                    self.stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    let name = frame.code.names[i as usize].clone();
                    let m = top(&self.stack).clone();
                    let v = self.import_from(&m, &name)?;
                    self.stack.push(v);
                }
                Instr::SetupFinally(t) => {
                    let level = (self.stack.len() - frame.base) as u32;
                    frame.blocks.push(Block::Setup { handler: t, level });
                }
                Instr::PopBlock => {
                    frame.blocks.pop();
                }
                Instr::PopExcept => {
                    if let Some(Block::ExceptHandler { prev }) = frame.blocks.pop() {
                        self.exc_info = prev;
                    }
                }
                Instr::Reraise => {
                    let exc = pop(&mut self.stack);
                    if let Some(Block::ExceptHandler { prev }) = frame.blocks.pop() {
                        self.exc_info = prev;
                    }
                    self.reraising = true;
                    return Err(PyErr::Raised(exc));
                }
                Instr::Raise(n) => {
                    let err = match n {
                        0 => {
                            if matches!(self.exc_info, Value::None | Value::Undefined) {
                                PyErr::runtime_error("No active exception to reraise")
                            } else {
                                self.reraising = true;
                                PyErr::Raised(self.exc_info.clone())
                            }
                        }
                        1 => {
                            let exc = pop(&mut self.stack);
                            self.make_raisable(exc, None)?
                        }
                        _ => {
                            let cause = pop(&mut self.stack);
                            let exc = pop(&mut self.stack);
                            self.make_raisable(exc, Some(cause))?
                        }
                    };
                    return Err(err);
                }
                Instr::JumpIfNotExcMatch(t) => {
                    let typ = pop(&mut self.stack);
                    let exc = top(&self.stack).clone();
                    if !self.exception_matches(&exc, &typ)? {
                        self.frames.last_mut().expect("frame").ip = t as usize;
                    }
                }
                Instr::LoadAssertionError => {
                    let c = self.types.exc(ExcType::AssertionError).clone();
                    self.stack.push(Value::Class(c));
                }
                Instr::SetupWith(t) => {
                    let ctx = pop(&mut self.stack);
                    let (exit, enter) = self.context_methods(&ctx)?;
                    self.stack.push(exit);
                    let r = self.call(&enter, Vec::new())?;
                    let frame = self.frames.last_mut().expect("frame");
                    let level = (self.stack.len() - frame.base) as u32;
                    frame.blocks.push(Block::Setup { handler: t, level });
                    self.stack.push(r);
                }
                Instr::WithExceptStart => {
                    let exc = peek(&self.stack, 0).clone();
                    let exit = peek(&self.stack, 1).clone();
                    let typ = Value::Class(self.type_of(&exc));
                    let r = self.call(&exit, vec![typ, exc, Value::None])?;
                    self.stack.push(r);
                }
                Instr::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 {
                        Some(pop(&mut self.stack))
                    } else {
                        None
                    };
                    let v = pop(&mut self.stack);
                    let s = self.format_value(v, flags & 3, spec)?;
                    self.stack.push(s);
                }
                Instr::BuildString(n) => {
                    // The parts (all strs) are joined into a string of exactly their
                    // total length, so making the str value does not reallocate it.
                    let at = self.stack.len().saturating_sub(n as usize);
                    let text = |v: &Value| match v {
                        Value::Str(p) => p.as_str().len(),
                        _ => 0,
                    };
                    let total = self.stack[at..].iter().map(text).sum();
                    let mut s = String::with_capacity(total);
                    for p in self.stack.drain(at..) {
                        if let Value::Str(p) = &p {
                            s.push_str(p.as_str());
                        }
                    }
                    self.stack.push(Value::from_string(s));
                }
                Instr::YieldValue
                | Instr::YieldFrom
                | Instr::GetYieldFromIter
                | Instr::GetAwaitable
                | Instr::GetAiter
                | Instr::GetAnext
                | Instr::EndAsyncFor
                | Instr::BeforeAsyncWith
                | Instr::SetupAsyncWith(_) => {
                    if let Some(exit) = self.execute_coroutine_instr(instr)? {
                        return Ok(exit);
                    }
                }
                // The fast path hands superinstructions over as their first original.
                Instr::LoadFastLoadFast(..)
                | Instr::LoadFastLoadConst(..)
                | Instr::LoadFastAttr(..)
                | Instr::ConstBinary(..)
                | Instr::FastBinary(..)
                | Instr::StoreFastLoadFast(..)
                | Instr::StoreFastJump(..)
                | Instr::FastConstBinary(..)
                | Instr::FastFastBinary(..)
                | Instr::FastFastBinaryStore(..)
                | Instr::FastConstCompare(..)
                | Instr::FastFastCompare(..)
                | Instr::FastAddInt(..)
                | Instr::IncLocal(..)
                | Instr::FastCompareInt(..)
                | Instr::FastModInt(..)
                | Instr::AddInt(..)
                | Instr::ModInt(..)
                | Instr::CompareInt(..)
                | Instr::LoadFastAttrAttr(..)
                | Instr::FastStoreAttr(..)
                | Instr::FastFastStoreAttr(..)
                | Instr::SendFast(..)
                | Instr::FastSendFast(..)
                | Instr::FastSendConst(..)
                | Instr::SendConst(..)
                | Instr::YieldFast(..)
                | Instr::ReturnConst(..)
                | Instr::ReturnFast(..)
                | Instr::BinaryReturn(..)
                | Instr::ConstCompare(..)
                | Instr::FastCompare(..)
                | Instr::LoadFastMethod(..)
                | Instr::LoadFastAttrMethod(..) => {
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "internal error: superinstruction on the general path",
                    ))
                }
            }
        }
    }

    /// Calls `callee` from the run loop: a Baton function gets a new frame on the stack
    /// (its result arrives when it returns); anything else runs now and its result is
    /// pushed.
    fn call_in_loop(
        &mut self,
        callee: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<()> {
        match self.invoke(callee, args, kwargs)? {
            CallOutcome::Done(v) => self.stack.push(v),
            CallOutcome::Pushed => {}
        }
        Ok(())
    }

    fn cell_name(&self, i: u32) -> Rc<PyStr> {
        let code = &self.frames.last().expect("frame").code;
        let i = i as usize;
        if i < code.cellvars.len() {
            code.cellvars[i].clone()
        } else {
            code.freevars[i - code.cellvars.len()].clone()
        }
    }

    fn unbound_deref(&self, i: u32) -> PyErr {
        let code = &self.frames.last().expect("frame").code;
        let name = self.cell_name(i);
        if (i as usize) < code.cellvars.len() {
            PyErr::new(
                ExcType::UnboundLocalError,
                format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    name.as_str()
                ),
            )
        } else {
            PyErr::new(
                ExcType::NameError,
                format!(
                    "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                    name.as_str()
                ),
            )
        }
    }

    /// A builtin by name, or NameError.
    pub(crate) fn load_builtin(&mut self, name: &PyStr) -> PyResult<Value> {
        match self.builtins.get(name.as_str()) {
            Some(v) => Ok(v),
            None => Err(self.name_error(name)),
        }
    }
}
