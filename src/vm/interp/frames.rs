//! How the fast loop (`fast.rs`) enters and leaves the frames of plain Baton
//! functions: a frame taken from the pool for a call (its arguments already on the
//! stack as its first locals, its parameter defaults pushed after them when the call
//! leaves some out), and on a plain return its values dropped, the value handed to the
//! caller bit for bit, and the frame put back in the pool.

use super::fast::STACK_SLACK;
use crate::vm::frame::{Frame, OnReturn};
use crate::vm::value::{Function, Value};
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// Pops the top frame, which returns the value at `top` plainly (checked by the
    /// caller), drops its locals and operands, and hands the value to the caller.
    ///
    /// The value moves down the stack bit for bit: taken out into a local, the
    /// compiler copies a value field by field, and the 16-byte reload of those
    /// pieces stalls (a failed store-to-load forward) on every return.
    ///
    /// # Safety
    /// `top` is the slot just past the stack's length, holding the returned value,
    /// which this call takes over. Dropping the frame's values runs no code that
    /// pushes on the stack (finalizers are queued, `vm::coroutine`).
    #[inline(always)]
    pub(super) unsafe fn return_plain(&mut self, top: *mut Value) {
        let Some(frame) = self.frames.pop() else {
            top.read().release();
            return;
        };
        self.recycle_plain(frame);
        // The frame's slots are gone and the callee's slot (at least) was among them,
        // so the result's new slot is at or below `top`.
        let len = self.stack.len();
        debug_assert!(self.stack.as_ptr().add(len) <= top.cast_const());
        std::ptr::copy(top, self.stack.as_mut_ptr().add(len), 1);
        self.stack.set_len(len + 1);
    }

    /// `return_plain` for a `__init__` frame that returned None (at `top`): the
    /// caller gets the instance.
    ///
    /// # Safety
    /// As for `return_plain`.
    pub(super) unsafe fn return_from_init(&mut self, top: *mut Value) {
        top.read().release();
        let Some(mut frame) = self.frames.pop() else {
            return;
        };
        let instance = match std::mem::replace(&mut frame.on_return, OnReturn::Value) {
            OnReturn::Init(instance) => instance,
            _ => Value::None,
        };
        self.recycle_plain(frame);
        push_inline(&mut self.stack, instance);
    }

    /// Pops the entry frame of a nested run that returned plainly (its value already
    /// off the stack). Out of line: inlined, it would be the run loop's second copy
    /// of `recycle_plain`, and the loop's hot paths paid for the extra code.
    #[inline(never)]
    pub(super) fn pop_entry_frame(&mut self) {
        if let Some(frame) = self.frames.pop() {
            self.recycle_plain(frame);
        }
    }

    /// Pushes a frame for a plain call whose `nargs` arguments (the callee `below`
    /// slots under them) are on the caller's stack, moving them into the new frame's
    /// locals without an intermediate vector.
    #[inline(always)]
    pub(crate) fn push_fast_frame(&mut self, f: &Function, nargs: usize, below: usize) {
        self.enter_function(f, nargs, below);
    }

    /// Enters `f` with its `nargs` arguments (checked by `fast_call_ok`) on top of the
    /// stack as its first locals; when it returns, the stack is cut back to `below`
    /// slots under its locals (the callee's own slots).
    #[inline(always)]
    pub(super) fn enter_function(&mut self, f: &Function, nargs: usize, below: usize) {
        let base = self.stack.len() - nargs;
        let frame = frame_for(&mut self.frame_pool, f, base, base - below);
        // The other locals start unbound; the reservation also covers the operands,
        // so the run loop's own `reserve` finds the room already there.
        let unbound = f.code.nlocals().saturating_sub(nargs);
        self.stack
            .reserve(unbound + f.code.stacksize as usize + STACK_SLACK);
        // SAFETY: the reservation leaves room for the `unbound` slots written here
        // before the length takes them in.
        unsafe {
            let end = self.stack.as_mut_ptr().add(self.stack.len());
            for i in 0..unbound {
                end.add(i).write(Value::Undefined);
            }
            self.stack.set_len(self.stack.len() + unbound);
        }
        self.count_step();
        push_inline(&mut self.frames, frame);
    }

    /// `enter_function` for a call that leaves the last positional parameters to
    /// their defaults (checked by `fast_call_with_defaults`), or the keyword-only
    /// ones too (`Function::kwonly_fast` and `defaults_cover`): the missing positional
    /// defaults, then the keyword-only defaults in parameter order, are pushed after
    /// the arguments, and the frame starts as if they had been passed.
    pub(super) fn enter_function_with_defaults(
        &mut self,
        f: &Function,
        nargs: usize,
        below: usize,
    ) {
        let argc = f.code.argcount as usize;
        let missing = argc - nargs;
        self.stack
            .extend(f.defaults[f.defaults.len() - missing..].iter().cloned());
        let kwonly = if f.kwonly_fast {
            self.stack
                .extend(f.kwdefaults.iter().map(|(_, v)| v.clone()));
            f.kwdefaults.len()
        } else {
            0
        };
        self.enter_function(f, argc + kwonly, below);
    }

    /// `recycle` for a frame that returned plainly in the fast loop (or a generator's
    /// frame that finished in place, `vm::suspend`): it belongs to no generator (any
    /// more), runs no class body and its `saved` buffer is empty, so only its values,
    /// cells and blocks need letting go.
    #[inline(always)]
    pub(crate) fn recycle_plain(&mut self, mut frame: Box<Frame>) {
        let len = self.stack.len();
        let keep = frame.ret_to.min(len);
        // SAFETY: the values above `keep` are moved out of the vector (its length is
        // cut first) and each dropped once.
        unsafe {
            self.stack.set_len(keep);
            let base = self.stack.as_mut_ptr();
            for i in keep..len {
                base.add(i).read().release();
            }
        }
        if !frame.cells.is_empty() {
            frame.cells.clear();
        }
        if !frame.blocks.is_empty() {
            frame.blocks.clear();
        }
        if self.frame_pool.len() < 256 && frame.saved.capacity() <= 1024 {
            push_inline(&mut self.frame_pool, frame);
        }
    }
}

/// `Vec::push`, inlined into the run loop (the standard one is an out-of-line call
/// there): a capacity check, a store, a length update.
#[inline(always)]
fn push_inline<T>(v: &mut Vec<T>, x: T) {
    if v.len() == v.capacity() {
        v.reserve(1);
    }
    // SAFETY: there is room for one more element.
    unsafe {
        v.as_mut_ptr().add(v.len()).write(x);
        v.set_len(v.len() + 1);
    }
}

/// Do `nargs` positional arguments and `f`'s positional defaults make up exactly its
/// positional parameters?
#[inline(always)]
pub(super) fn defaults_cover(f: &Function, nargs: usize) -> bool {
    let argc = f.code.argcount as usize;
    nargs <= argc && argc - nargs <= f.defaults.len()
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
            fr.object_id = 0;
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
