//! The fast path of the run loop: the instructions that need no general machinery
//! (locals, constants, globals, int arithmetic and comparisons, jumps, range and list
//! iteration, instance attributes without properties, calls of plain Baton functions
//! and `__init__`s, natives called as methods, plain returns) run here without leaving
//! the loop; everything else is handed back to `execute`.
//!
//! Calls and returns stay in this loop: a call pushes the callee's frame and the loop
//! picks the new top frame up, a return pops it. No Rust recursion happens.

use crate::compile::code::Instr;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::frame::{Frame, OnReturn};
use crate::vm::value::{Function, NativeFn, NativeIter, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// What the inner loop asks the frame loop to do once it has let go of the frame.
enum Step {
    /// Push a frame for the function just under the `nargs` arguments on the stack.
    Call(usize),
    /// Instantiate the class just under the `nargs` arguments when its `__init__` is a
    /// plain Baton function (else hand the CallFunction to the general path).
    Instantiate(usize),
    /// Call a native method with `nargs` arguments (self included) on the stack.
    Native(NativeFn, usize),
    /// A plain return of the top value from the top frame.
    Return,
    /// Hand this instruction (already fetched, ip past it) to the general path.
    General(Instr),
}

impl Vm {
    /// Executes instructions until one needs the general path, and returns it with the
    /// instruction pointer already past it and the stack untouched.
    #[inline(always)]
    pub(super) fn run_fast(&mut self) -> PyResult<Instr> {
        loop {
            match self.run_frame_fast() {
                Step::General(instr) => return Ok(instr),
                Step::Call(nargs) => self.push_frame_for_callee(nargs),
                Step::Instantiate(nargs) => {
                    if !self.try_fast_instantiate(nargs) {
                        return Ok(Instr::CallFunction(nargs as u32));
                    }
                }
                // An error leaves with the caller's frame on top, as on the general path.
                Step::Native(func, nargs) => self.call_native_in_place(func, nargs)?,
                Step::Return => {
                    let v = self.stack.pop().unwrap_or_default();
                    let mut frame = self.pop_frame();
                    if matches!(frame.on_return, OnReturn::Value) {
                        self.recycle_plain(frame);
                        self.stack.push(v);
                    } else {
                        let on_return = std::mem::replace(&mut frame.on_return, OnReturn::Value);
                        self.recycle(frame);
                        // `__init__` returned None (checked before): the caller gets
                        // the instance.
                        if let OnReturn::Init(instance) = on_return {
                            v.release();
                            self.stack.push(instance);
                        } else {
                            self.stack.push(v);
                        }
                    }
                }
            }
            // Something may have died during that step (the locals of a frame that
            // returned, say) and left finalization work: the general path serves it
            // before anything else runs.
            if crate::vm::signals::attention() {
                return Ok(Instr::Nop);
            }
        }
    }

    /// The inner loop over the top frame's instructions.
    #[inline(always)]
    fn run_frame_fast(&mut self) -> Step {
        let depth = self.frames.len();
        let can_push = depth < self.recursion_limit;
        // A return may stay here only when a caller frame of the same run is below.
        let frame = self.frames.last_mut().expect("run loop without a frame");
        let stack = &mut self.stack;
        let types = &self.types;
        let Frame {
            code,
            ip,
            base,
            globals,
            is_entry,
            on_return,
            generator,
            ..
        } = &mut **frame;
        let base = *base;
        let is_entry = *is_entry;
        let instrs = &code.instrs[..];
        let consts = &code.consts[..];
        let names = &code.names[..];
        // The instruction pointer lives in a register while the loop runs and is
        // written back when it leaves.
        let mut pc = *ip;
        let step = loop {
            let instr = instrs[pc];
            pc += 1;
            match instr {
                Instr::LoadFast(i) => {
                    let v = &stack[base + i as usize];
                    if v.is_undefined() {
                        break Step::General(instr);
                    }
                    let v = v.fast_clone();
                    stack.push(v);
                }
                Instr::StoreFast(i) => {
                    let v = stack.pop().unwrap_or_default();
                    std::mem::replace(&mut stack[base + i as usize], v).release();
                }
                Instr::LoadConst(i) => stack.push(consts[i as usize].fast_clone()),
                Instr::Pop => {
                    if let Some(v) = stack.pop() {
                        if v.is_immediate() {
                            v.release();
                        } else {
                            drop(v);
                            // Dropping an object may have queued finalization work (a
                            // never-awaited coroutine, a suspended generator): serve
                            // it now, at this line, as CPython does.
                            if crate::vm::signals::attention() {
                                break Step::General(Instr::Nop);
                            }
                        }
                    }
                }
                Instr::Jump(t) => {
                    // A backward jump closes a loop: let the general path see requests
                    // for attention (Ctrl-C, finalizers) there.
                    if (t as usize) < pc && crate::vm::signals::attention() {
                        break Step::General(instr);
                    }
                    pc = t as usize
                }
                Instr::Dup => {
                    let v = stack[stack.len() - 1].fast_clone();
                    stack.push(v);
                }
                Instr::RotTwo => {
                    let n = stack.len();
                    stack.swap(n - 1, n - 2);
                }
                Instr::PopJumpIfFalse(t) => match stack.last() {
                    Some(Value::Bool(b)) => {
                        if !*b {
                            pc = t as usize;
                        }
                        pop_release(stack);
                    }
                    _ => break Step::General(instr),
                },
                Instr::PopJumpIfTrue(t) => match stack.last() {
                    Some(Value::Bool(b)) => {
                        if *b {
                            pc = t as usize;
                        }
                        pop_release(stack);
                    }
                    _ => break Step::General(instr),
                },
                Instr::Binary(op) | Instr::InplaceBinary(op) => {
                    let n = stack.len();
                    let r = match (&stack[n - 2], &stack[n - 1]) {
                        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
                        _ => None,
                    };
                    match r {
                        Some(r) => {
                            pop_release(stack);
                            std::mem::replace(&mut stack[n - 2], Value::Int(r)).release();
                        }
                        None => break Step::General(instr),
                    }
                }
                Instr::Compare(op) => {
                    let n = stack.len();
                    let r = match (&stack[n - 2], &stack[n - 1]) {
                        (Value::Int(x), Value::Int(y)) => match op {
                            CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => None,
                            _ => Some(crate::vm::ops::cmp_ord(op, x.cmp(y))),
                        },
                        _ => None,
                    };
                    let Some(r) = r else {
                        break Step::General(instr);
                    };
                    // Both operands are ints: nothing to drop. A conditional jump right
                    // after the comparison is taken here, without pushing the bool.
                    stack.truncate(n - 2);
                    match instrs.get(pc) {
                        Some(&Instr::PopJumpIfFalse(t)) => {
                            pc = if r { pc + 1 } else { t as usize };
                        }
                        Some(&Instr::PopJumpIfTrue(t)) => {
                            pc = if r { t as usize } else { pc + 1 };
                        }
                        _ => stack.push(Value::Bool(r)),
                    }
                }
                Instr::LoadGlobal(slot) => {
                    let v = globals.slots.borrow()[slot as usize].clone();
                    if v.is_undefined() {
                        break Step::General(instr);
                    }
                    stack.push(v);
                }
                Instr::ForIter(t) => {
                    let next = match stack.last() {
                        Some(Value::Iterator(it)) => match &mut *it.borrow_mut() {
                            NativeIter::Range { next, stop, step } => {
                                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                                    let v = *next;
                                    *next = next.saturating_add(*step);
                                    Some(Some(Value::Int(v)))
                                } else {
                                    Some(None)
                                }
                            }
                            NativeIter::List { list, index } => {
                                let l = list.borrow();
                                if *index < l.len() {
                                    let v = l[*index].fast_clone();
                                    *index += 1;
                                    Some(Some(v))
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        },
                        _ => None,
                    };
                    match next {
                        // The loop variable is usually stored right away.
                        Some(Some(v)) => match instrs.get(pc) {
                            Some(&Instr::StoreFast(i)) => {
                                pc += 1;
                                std::mem::replace(&mut stack[base + i as usize], v).release();
                            }
                            _ => stack.push(v),
                        },
                        Some(None) => {
                            stack.pop();
                            pc = t as usize;
                        }
                        None => break Step::General(instr),
                    }
                }
                Instr::LoadAttr(i) => {
                    // An instance attribute found in the instance dict, when no class
                    // of the MRO has a property (which would take precedence).
                    let found = match stack.last() {
                        Some(Value::Instance(inst)) if !inst.class.mro_has_property() => {
                            match inst.dict.try_borrow() {
                                Ok(d) => d.get_str(&names[i as usize]),
                                Err(_) => None,
                            }
                        }
                        _ => None,
                    };
                    match found {
                        Some(v) => {
                            let top = stack.len() - 1;
                            std::mem::replace(&mut stack[top], v).release();
                        }
                        None => break Step::General(instr),
                    }
                }
                Instr::StoreAttr(i) => {
                    // `[v, obj]`: a plain instance (not an exception, not a bare
                    // `object()`) without properties on its MRO stores into its dict.
                    let n = stack.len();
                    let (below, top) = stack.split_at_mut(n - 1);
                    let done = match &top[0] {
                        Value::Instance(inst)
                            if inst.exc.is_none()
                                && !inst.class.mro.is_empty()
                                && !inst.class.mro_has_property() =>
                        {
                            match inst.dict.try_borrow_mut() {
                                Ok(mut d) => {
                                    let v = std::mem::take(&mut below[n - 2]);
                                    d.set_str(names[i as usize].clone(), v);
                                    true
                                }
                                Err(_) => false,
                            }
                        }
                        _ => false,
                    };
                    if !done {
                        break Step::General(instr);
                    }
                    pop_release(stack);
                    stack.pop();
                }
                Instr::LoadMethod(i) => {
                    // `[obj] -> [func, obj]` for a plain function found on the class of
                    // an instance that has no attribute of that name itself.
                    let found = match stack.last() {
                        Some(Value::Instance(inst)) => {
                            let name = &names[i as usize];
                            if inst.dict.borrow().get_str(name).is_some() {
                                None
                            } else {
                                match inst.class.lookup(name) {
                                    Some(f @ Value::Function(_)) | Some(f @ Value::Native(_)) => {
                                        Some(f)
                                    }
                                    _ => None,
                                }
                            }
                        }
                        // Methods of lists, dicts and strs are natives on the type.
                        Some(v @ (Value::List(_) | Value::Dict(_) | Value::Str(_))) => {
                            let class = match v {
                                Value::List(_) => &types.list,
                                Value::Dict(_) => &types.dict,
                                _ => &types.str_,
                            };
                            match class.lookup(&names[i as usize]) {
                                Some(f @ Value::Native(_)) => Some(f),
                                _ => None,
                            }
                        }
                        _ => None,
                    };
                    match found {
                        Some(f) => {
                            let obj = stack.pop().unwrap_or_default();
                            stack.push(f);
                            stack.push(obj);
                        }
                        None => break Step::General(instr),
                    }
                }
                Instr::CallFunction(n) => {
                    let n = n as usize;
                    match &stack[stack.len() - n - 1] {
                        Value::Function(f) if can_push && f.code.fast_call_ok(n) => {
                            break Step::Call(n);
                        }
                        Value::Class(_) if can_push => break Step::Instantiate(n),
                        _ => break Step::General(instr),
                    }
                }
                Instr::CallMethod(n) => {
                    let n = n as usize;
                    let len = stack.len();
                    if stack[len - n - 1].is_undefined() {
                        break Step::General(instr);
                    }
                    match &stack[len - n - 2] {
                        Value::Function(f) if can_push && f.code.fast_call_ok(n + 1) => {
                            break Step::Call(n + 1);
                        }
                        Value::Native(f) => {
                            let func = f.func;
                            // `list.append(x)` on a list: no argument buffer, no call.
                            if n == 1 && f.name == "append" && f.owner == "list" {
                                let (lo, hi) = stack.split_at_mut(len - 1);
                                let pushed = match &lo[len - 2] {
                                    Value::List(l) => match l.try_borrow_mut() {
                                        Ok(mut l) => {
                                            l.push(std::mem::take(&mut hi[0]));
                                            true
                                        }
                                        Err(_) => false,
                                    },
                                    _ => false,
                                };
                                if pushed {
                                    stack.pop();
                                    pop_release(stack);
                                    let top = stack.len() - 1;
                                    std::mem::replace(&mut stack[top], Value::None).release();
                                    continue;
                                }
                            }
                            break Step::Native(func, n + 1);
                        }
                        _ => break Step::General(instr),
                    }
                }
                Instr::ReturnValue => {
                    // What `do_return` would do for a frame that is not the entry of
                    // this run, has a caller below, belongs to no generator and returns
                    // its value plainly (or None from a `__init__`).
                    let plain = match on_return {
                        OnReturn::Value => true,
                        OnReturn::Init(_) => matches!(stack.last(), Some(Value::None)),
                        OnReturn::BuildClass(_) => false,
                    };
                    if is_entry || depth < 2 || generator.is_some() || !plain {
                        break Step::General(instr);
                    }
                    break Step::Return;
                }
                _ => break Step::General(instr),
            }
        };
        *ip = pc;
        step
    }

    /// Pushes a frame for a plain call of the Baton function just under the `nargs`
    /// arguments on the value stack (checked by the caller: `fast_call_ok`), which
    /// become the new frame's first locals in place; the function's slot is dropped
    /// when the frame returns.
    pub(crate) fn push_frame_for_callee(&mut self, nargs: usize) {
        let base = self.stack.len() - nargs;
        let Value::Function(f) = &self.stack[base - 1] else {
            return;
        };
        let frame = frame_for(&mut self.frame_pool, f, base, base - 1);
        self.enter_frame(frame, nargs);
    }

    /// Pushes a frame for a plain call whose `nargs` arguments (the callee `below`
    /// slots under them) are on the caller's stack, moving them into the new frame's
    /// locals without an intermediate vector.
    pub(crate) fn push_fast_frame(&mut self, f: Rc<Function>, nargs: usize, below: usize) {
        let base = self.stack.len() - nargs;
        let frame = frame_for(&mut self.frame_pool, &f, base, base - below);
        self.enter_frame(frame, nargs);
    }

    /// `recycle` for a frame the fast loop returned from: it belongs to no generator,
    /// runs no class body, returns its value plainly and never parked (so `saved` is
    /// empty): only its values, cells and blocks need letting go.
    #[inline(always)]
    fn recycle_plain(&mut self, mut frame: Box<Frame>) {
        self.stack.truncate(frame.ret_to);
        if !frame.cells.is_empty() {
            frame.cells.clear();
        }
        if !frame.blocks.is_empty() {
            frame.blocks.clear();
        }
        if self.frame_pool.len() < 256 && frame.saved.capacity() <= 1024 {
            self.frame_pool.push(frame);
        }
    }

    /// Makes room for the frame's other locals and operands and pushes it.
    #[inline(always)]
    fn enter_frame(&mut self, frame: Box<Frame>, nargs: usize) {
        let nlocals = frame.code.nlocals();
        if nlocals > nargs {
            self.stack.resize(frame.base + nlocals, Value::Undefined);
        }
        self.stack.reserve(frame.code.stacksize as usize);
        self.count_step();
        self.frames.push(frame);
    }
}

/// A frame (from the pool when there is one) to run `f` with locals at `base`.
/// A pooled frame keeps the code and globals it last ran, so a recursive or repeated
/// call does not touch their reference counts.
#[inline(always)]
#[allow(clippy::vec_box)] // the pool is `Vm::frame_pool`: frames stay boxed to be parked
fn frame_for(pool: &mut Vec<Box<Frame>>, f: &Function, base: usize, ret_to: usize) -> Box<Frame> {
    let mut frame = match pool.pop() {
        Some(mut fr) => {
            if !Rc::ptr_eq(&fr.code, &f.code) {
                fr.code = f.code.clone();
            }
            if !Rc::ptr_eq(&fr.globals, &f.globals) {
                fr.globals = f.globals.clone();
            }
            fr.ip = 0;
            fr.is_entry = false;
            fr
        }
        None => Box::new(Frame::new(f.code.clone(), f.globals.clone())),
    };
    frame.base = base;
    frame.ret_to = ret_to;
    if !f.code.cellvars.is_empty() || !f.closure.is_empty() {
        for _ in 0..f.code.cellvars.len() {
            frame
                .cells
                .push(Rc::new(std::cell::RefCell::new(Value::Undefined)));
        }
        frame.cells.extend(f.closure.iter().cloned());
    }
    frame
}

/// Pops and drops the top of the stack (immediates without the general destructor).
#[inline(always)]
fn pop_release(stack: &mut Vec<Value>) {
    if let Some(v) = stack.pop() {
        v.release();
    }
}

/// Int arithmetic that stays in i64 (None: overflow, or an operation the general path
/// must do).
#[inline(always)]
pub(super) fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mult => x.checked_mul(y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}
