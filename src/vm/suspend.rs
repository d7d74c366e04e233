//! Generator frames entering and leaving the run loop, without Rust recursion.
//!
//! A generator (or coroutine) owns its parked frame. Resuming it moves that frame onto
//! the VM's frame stack, with its saved locals and operands back on the value stack,
//! and records in the frame's `resumer` who resumed it, which decides where a yield
//! or a return goes:
//!
//! | resumed by | a yield | a return |
//! |---|---|---|
//! | a native, through `Vm::resume` (the frame is the entry of a nested run) | ends that run with `RunExit::Yield` | ends that run with `RunExit::Return` |
//! | `send`, `__next__` or `next()` called from the run loop (`Resumer::Send`) | is the call's result | raises StopIteration(value) in the caller |
//! | the caller's `for` loop (`Resumer::ForIter`) | is the loop's next item | ends the loop |
//! | the caller's `yield from` / `await` (`Resumer::YieldFrom`) | suspends the caller too, with the same value | is the `yield from`'s result |
//!
//! So an `await` chain runs as a stack of frames inside one run loop, as language
//! calls do (DESIGN invariant 2): a send into the outermost coroutine pushes one frame
//! per level, and a yield at the innermost parks them one by one on its way out, as
//! CPython's `SEND`/`YIELD_VALUE` do. `throw` and `close` still go through `Vm::resume`.
//!
//! The generator's exception state (CPython's `gi_exc_state`) is swapped with the VM's
//! `exc_info` on the way in; while the frame runs, the generator holds its resumer's
//! state, which comes back when the frame yields, returns or lets an exception out.

use crate::compile::code::Instr;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::frame::{Block, Frame, HotFrame, NextTakes, Parked, ParkedFrame, Resumer};
use crate::vm::interp::{RunExit, STACK_SLACK};
use crate::vm::lean_rc::LeanRc;
use crate::vm::value::{copy_whole, CoroState, Function, GenKind, Generator, Value};
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    /// Whether `g` can be resumed in place from the run loop right now: it is
    /// suspended (or just created, and the value sent is None), is not an async
    /// generator (those are driven through their awaitables), there is room for one
    /// more frame, and no tracer wants to see the resumption. Anything else takes the
    /// general path, which raises CPython's errors.
    #[inline]
    pub(crate) fn can_resume_in_place(&self, g: &Generator, sending_none: bool) -> bool {
        let runnable = match g.state.get() {
            CoroState::Suspended => true,
            CoroState::Created => sending_none,
            _ => false,
        };
        runnable
            && g.kind != GenKind::AsyncGenerator
            && self.frames.len() < self.recursion_limit
            && !crate::trace::enabled()
    }

    /// Resumes `g` in place with `sent` (checked by `can_resume_in_place`): its frame
    /// becomes the top frame and the run loop picks it up.
    #[inline]
    pub(crate) fn resume_in_place(
        &mut self,
        g: &LeanRc<Generator>,
        sent: Value,
        how: Resumer,
    ) -> PyResult<()> {
        self.resume_owned(g.clone(), sent, how)
    }

    /// `resume_in_place` for a caller that hands over its reference to the generator
    /// (it popped the generator off the stack): the frame keeps it while it runs.
    ///
    /// The parked frame is taken apart where it lies in the generator (one move per
    /// field, no copy of the whole): this is the run loop's hot path for `send`,
    /// `next`, `for` and `await`.
    pub(crate) fn resume_owned(
        &mut self,
        g: LeanRc<Generator>,
        sent: Value,
        how: Resumer,
    ) -> PyResult<()> {
        self.resume_one(g, sent, how)
    }

    /// `resume_owned` for `gen.send(x)` in the run loop (`Instr::SendFast`), inlined
    /// there.
    #[inline(always)]
    pub(crate) fn resume_sent(&mut self, g: LeanRc<Generator>, sent: Value) -> PyResult<()> {
        self.resume_one(g, sent, Resumer::Send)
    }

    /// Resumes `first`, then its own delegate, and so on down an await chain (a loop,
    /// not recursion), as the YieldFrom of the frame above each would. The value to
    /// send lies on top of the value stack throughout: each frame is pushed under it
    /// (`push_generator_frame_under_sent`), and it moves up past the frame's values.
    /// (Carried in a Rust local instead, it was stored in pieces and read back whole
    /// at every level, a store-forwarding stall each time.)
    fn resume_chain(&mut self, first: LeanRc<Generator>) -> PyResult<()> {
        let mut next = Some(first);
        while let Some(inner) = next {
            next = self.resume_under_sent(inner)?;
        }
        Ok(())
    }

    /// Resumes `g` as the YieldFrom of the top frame does, with the value sent on top
    /// of the value stack: its frame becomes the top frame, and when it is itself
    /// parked at a YieldFrom whose receiver can be resumed in place, that receiver
    /// comes back to be resumed next (with the value sent still on top).
    #[inline(always)]
    fn resume_under_sent(&mut self, g: LeanRc<Generator>) -> PyResult<Option<LeanRc<Generator>>> {
        let started = g.state.get() == CoroState::Suspended;
        let mut frame = self.take_parked(&g)?;
        if !started {
            self.push_generator_frame_under_sent(g, frame);
            // A generator that has not started takes None, and drops it.
            crate::vm::frame::pop(&mut self.stack).release();
            return Ok(None);
        }
        if frame.at_yield_from {
            let sending_none = self.stack.last().is_some_and(Value::is_none);
            if let Some(inner) = self.yield_from_delegate(&frame, sending_none) {
                // Stepped past its YieldFrom, as executing it does.
                frame.ip += 1;
                self.push_generator_frame_under_sent(g, frame);
                return Ok(Some(inner));
            }
            self.push_generator_frame_under_sent(g, frame);
            return Ok(self.other_delegate());
        }
        self.push_generator_frame_under_sent(g, frame);
        self.take_sent_at_top();
        Ok(None)
    }

    /// The top frame was just resumed with the value sent on top of its values: a
    /// value its next instruction stores in a local (`x = yield ...`) goes straight
    /// there, and one it drops at once (`yield x` as a statement, as in an
    /// `__await__`) is dropped here, and its Pop skipped.
    #[inline(always)]
    fn take_sent_at_top(&mut self) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        // (The value sent is the last on the stack: a local is below it.)
        let local = match frame.next_takes() {
            NextTakes::Local(i) if frame.base + i + 1 < self.stack.len() => Some(frame.base + i),
            NextTakes::Pop => None,
            _ => return,
        };
        frame.ip += 1;
        let sent = crate::vm::frame::pop(&mut self.stack);
        match local {
            Some(at) => Value::replace_in(&mut self.stack[at], sent),
            None => sent.release(),
        }
    }

    /// The top frame was just resumed at its YieldFrom with the value sent on top:
    /// when its receiver is a generator (or a coroutine_wrapper's coroutine) that can
    /// be resumed in place, the frame steps past the YieldFrom and the receiver comes
    /// back to be resumed next, the value sent still on top, for it; a Future, Task or
    /// `sleep(0)` that had yielded finishes its await here when it can
    /// (`finish_self_await`).
    #[inline(never)]
    fn other_delegate(&mut self) -> Option<LeanRc<Generator>> {
        let delegate = self.delegate_to_resume();
        if delegate.is_none() {
            self.finish_self_await();
        }
        delegate
    }

    /// The top frame was just resumed at the YieldFrom of an await whose receiver is
    /// a Future, Task or `sleep(0)` that had yielded (runtime/selfawait.rs): the
    /// await ends here with the result when there is one; otherwise the receiver
    /// becomes the started await iterator, and the YieldFrom raises what it raises.
    /// Nothing happens for any other receiver.
    pub(crate) fn finish_self_await(&mut self) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if frame.code.instrs.get(frame.ip) != Some(&crate::compile::code::Instr::YieldFrom) {
            return;
        }
        let len = self.stack.len();
        if len < frame.base + 2 {
            return;
        }
        let receiver = &self.stack[len - 2];
        let Some(kind) = crate::runtime::self_awaiting(receiver) else {
            return;
        };
        match crate::runtime::finished_result(kind, receiver) {
            Some(r) => {
                // [receiver, sent] becomes [result], past the YieldFrom.
                self.stack.truncate(len - 2);
                self.stack.push(r);
                frame.ip += 1;
            }
            None => {
                let it = crate::runtime::started_iter(kind, receiver);
                self.stack[len - 2] = it;
            }
        }
    }

    /// When the top frame was just resumed at a YieldFrom whose receiver can be
    /// resumed in place: steps the frame past the instruction (as executing it does)
    /// and returns the receiver (the value sent stays on top, for it).
    #[inline]
    fn delegate_to_resume(&mut self) -> Option<LeanRc<Generator>> {
        let frame = self.frames.last()?;
        if frame.code.instrs.get(frame.ip) != Some(&crate::compile::code::Instr::YieldFrom) {
            return None;
        }
        let len = self.stack.len();
        if len < frame.base + 2 {
            return None;
        }
        let inner = match &self.stack[len - 2] {
            Value::Generator(inner)
                if self.can_resume_in_place(inner, self.stack[len - 1].is_none()) =>
            {
                inner.clone()
            }
            // A coroutine_wrapper: its coroutine.
            Value::Iterator(it) => match it.try_borrow().ok()?.wrapped_coroutine() {
                Some(inner) if self.can_resume_in_place(inner, self.stack[len - 1].is_none()) => {
                    inner.clone()
                }
                _ => return None,
            },
            _ => return None,
        };
        if let Some(frame) = self.frames.last_mut() {
            frame.ip += 1;
        }
        Some(inner)
    }

    /// Resumes one generator frame (see `resume_owned`). A frame that had parked at
    /// a YieldFrom because its delegate yielded is `resume_at_yield_from`'s.
    #[inline(always)]
    fn resume_one(&mut self, g: LeanRc<Generator>, sent: Value, how: Resumer) -> PyResult<()> {
        let started = g.state.get() == CoroState::Suspended;
        let frame = self.take_parked(&g)?;
        let sent = if !started {
            sent.release();
            Value::Undefined
        } else if frame.at_yield_from {
            return self.resume_at_yield_from(g, frame, sent, how);
        } else {
            sent
        };
        self.push_generator_frame(g, frame, sent, how, false);
        Ok(())
    }

    /// `g`'s parked frame, taken out of it to run.
    #[inline(always)]
    fn take_parked(&mut self, g: &Generator) -> PyResult<Box<Frame>> {
        if let Some(frame) = g.frame.take_hot() {
            return Ok(frame);
        }
        match g.frame.take() {
            Some(p) => Ok(self.unpark(g, p)),
            None => Err(PyErr::runtime_error("generator has no frame")),
        }
    }

    /// `resume_one` for a frame parked at a YieldFrom because its delegate yielded:
    /// the frame is resumed there with the value sent on top, and when its receiver
    /// can be resumed in place, so is the chain below it, down to the frame that runs
    /// (one call from the run loop for the whole chain).
    #[inline(never)]
    fn resume_at_yield_from(
        &mut self,
        g: LeanRc<Generator>,
        frame: Box<Frame>,
        sent: Value,
        how: Resumer,
    ) -> PyResult<()> {
        let delegate = self.yield_from_delegate(&frame, sent.is_none());
        // (At its YieldFrom, the frame takes the value sent on top, as it is.)
        self.push_generator_frame(g, frame, sent, how, false);
        let delegate = match delegate {
            Some(inner) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.ip += 1;
                }
                Some(inner)
            }
            None => self.other_delegate(),
        };
        match delegate {
            Some(delegate) => self.resume_chain(delegate),
            None => Ok(()),
        }
    }

    /// The receiver of the YieldFrom that `frame` is parked at (`at_yield_from`),
    /// when it is a generator that can be resumed in place (the value sent being
    /// None or not): read from the frame's values where they lie, as the frame is
    /// resumed (`other_delegate` looks again at a running frame, for any other
    /// receiver).
    #[inline(always)]
    fn yield_from_delegate(&self, frame: &Frame, sending_none: bool) -> Option<LeanRc<Generator>> {
        // The receiver is the last of the frame's values (before a handled
        // exception).
        let at = frame
            .saved
            .len()
            .checked_sub(1 + usize::from(frame.handling))?;
        match frame.saved.get(at) {
            Some(Value::Generator(inner)) if self.can_resume_in_place(inner, sending_none) => {
                Some(inner.clone())
            }
            _ => None,
        }
    }

    /// A parked generator frame, whole again: a hot one as it is, a cold one taken
    /// apart into a frame from the pool (its values stay in `saved`).
    pub(crate) fn unpark(&mut self, g: &Generator, parked: Parked) -> Box<Frame> {
        match parked {
            Parked::Hot(h) => h.into_frame(),
            Parked::Cold(p) => self.unpark_cold(g, p),
        }
    }

    /// A compact parked frame into a frame from the pool (a pooled frame usually last
    /// ran this generator: its code and globals are left alone then). Its globals are
    /// its code's module, which `restore_into` sets (only code with a module is
    /// parked compact).
    fn unpark_cold(&mut self, g: &Generator, parked: ParkedFrame) -> Box<Frame> {
        let mut frame = match self.frame_pool.pop() {
            Some(f) => f,
            None => {
                let globals = g.code.module.clone();
                Box::new(Frame::new(
                    g.code.clone(),
                    globals.unwrap_or_else(|| self.builtins.clone()),
                ))
            }
        };
        if !Rc::ptr_eq(&frame.code, &g.code) {
            frame.code = g.code.clone();
        }
        parked.restore_into(&mut frame);
        frame
    }

    /// Puts a generator's whole frame (its values in `saved`, no generator, no
    /// resumer's exception) back on the frame stack, running: its values go onto the
    /// value stack, with the value sent on top (`Value::Undefined`: none was); the exception it was
    /// handling when it suspended (if any) becomes the VM's while it runs. The
    /// emptied `saved` buffer stays with the frame, to take the values back when it
    /// parks again.
    #[inline(always)]
    pub(crate) fn push_generator_frame(
        &mut self,
        g: LeanRc<Generator>,
        mut frame: Box<Frame>,
        sent: Value,
        how: Resumer,
        entry: bool,
    ) {
        self.take_over_handled(&mut frame);
        let base = self.stack.len();
        frame.base = base;
        frame.ret_to = base;
        let n = frame.saved.len();
        // Room for its values, the value sent and its operands: the run loop
        // continues in it without reserving again (`STACK_SLACK`).
        self.stack
            .reserve(n + 1 + frame.code.stacksize as usize + STACK_SLACK);
        // SAFETY: the stack has room for `n + 1` more values; the `n` values of
        // `saved` are moved (bit-copied, then forgotten by `saved`'s new length).
        unsafe {
            let dst = self.stack.as_mut_ptr().add(base);
            copy_values(frame.saved.as_ptr(), dst, n);
            frame.saved.set_len(0);
            let mut len = base + n;
            if !sent.is_undefined() {
                // The value moves whole (one 16-byte copy): moved field by field, it
                // was stored in pieces and read back whole, a store-forwarding stall.
                let v = std::mem::ManuallyDrop::new(sent);
                // A value sent that the frame's next instruction stores in a local
                // (`x = yield ...`) goes straight there.
                match frame.next_takes() {
                    NextTakes::Local(i) if i < n => {
                        Value::release_in_place(dst.add(i));
                        copy_whole(&*v, dst.add(i));
                        frame.ip += 1;
                    }
                    // A value sent down an await chain that the frame drops at once
                    // (`yield x` as a statement, as in an `__await__`) is dropped
                    // here, and its Pop skipped. (Only there: `how` is a constant
                    // where this is inlined, and the `send` loop's copy stays as it
                    // is.)
                    NextTakes::Pop if how == Resumer::YieldFrom => {
                        std::mem::ManuallyDrop::into_inner(v).release();
                        frame.ip += 1;
                    }
                    _ => {
                        copy_whole(&*v, dst.add(n));
                        len += 1;
                    }
                }
            }
            self.stack.set_len(len);
        }
        self.enter_generator_frame(g, frame, how, entry);
    }

    /// `push_generator_frame` for a frame resumed by the YieldFrom of the frame under
    /// it, with the value sent on top of the value stack (`resume_chain`): the
    /// frame's values go where that value lay, and it moves up past them.
    #[inline(always)]
    fn push_generator_frame_under_sent(&mut self, g: LeanRc<Generator>, mut frame: Box<Frame>) {
        self.take_over_handled(&mut frame);
        let Some(base) = self.stack.len().checked_sub(1) else {
            return;
        };
        frame.base = base;
        frame.ret_to = base;
        let n = frame.saved.len();
        // (With its operands' room, as in `push_generator_frame`.)
        self.stack
            .reserve(n + frame.code.stacksize as usize + STACK_SLACK);
        // SAFETY: the stack has room for `n` more values; the value sent moves from
        // `base` to `base + n` (memory to memory, whole), then the `n` values of
        // `saved` are moved into `base..base + n` (bit-copied, then forgotten by
        // `saved`'s new length).
        unsafe {
            let dst = self.stack.as_mut_ptr().add(base);
            std::ptr::copy(dst, dst.add(n), 1);
            copy_values(frame.saved.as_ptr(), dst, n);
            frame.saved.set_len(0);
            self.stack.set_len(base + n + 1);
        }
        self.enter_generator_frame(g, frame, Resumer::YieldFrom, false);
    }

    /// The generator's own handled exception (if it suspended inside a handler, the
    /// last of its saved values) replaces the resumer's while its frame runs; the
    /// frame keeps the resumer's, to restore when it parks. Nothing to do in the
    /// common case, where neither is handling an exception.
    #[inline(always)]
    fn take_over_handled(&mut self, frame: &mut Frame) {
        if frame.handling || !self.exc_info.is_none() {
            self.take_over_handled_slow(frame);
        }
    }

    #[inline(never)]
    fn take_over_handled_slow(&mut self, frame: &mut Frame) {
        let handled = frame.take_handled();
        frame.resumer_exc = if handled.is_none() {
            self.exc_info.clone()
        } else {
            std::mem::replace(&mut self.exc_info, handled)
        };
    }

    /// The rest of pushing a generator's frame whose values are on the value stack
    /// (and whose handled exception `take_over_handled` has dealt with): it is
    /// running, for `how`.
    #[inline(always)]
    fn enter_generator_frame(
        &mut self,
        g: LeanRc<Generator>,
        mut frame: Box<Frame>,
        how: Resumer,
        entry: bool,
    ) {
        frame.is_entry = entry;
        frame.resumer = how;
        g.state.set(CoroState::Running);
        if frame.generator.is_none() {
            // SAFETY: overwriting None leaks nothing.
            unsafe { std::ptr::write(&mut frame.generator, Some(g)) };
        } else {
            frame.generator = Some(g);
        }
        self.count_step();
        // (`Vec::push` stays an out-of-line call here.)
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(1);
        }
        // SAFETY: there is room for one more frame.
        unsafe {
            let len = self.frames.len();
            self.frames.as_mut_ptr().add(len).write(frame);
            self.frames.set_len(len + 1);
        }
    }

    /// A generator's whole frame (values in `saved`), parked: whole while few are
    /// (`HotFrame`), else compact, the frame itself going back to the pool.
    #[inline(always)]
    pub(crate) fn park(&mut self, frame: Box<Frame>) -> Parked {
        match HotFrame::try_new(frame) {
            Ok(h) => Parked::Hot(h),
            Err(frame) => self.park_cold(frame),
        }
    }

    /// The compact form of a parked frame; the frame goes back to the pool (its
    /// values, cells, blocks and generator were taken, and a generator frame runs no
    /// class body or `__init__`: it is clean). A frame with more cells or blocks than
    /// a `ParkedFrame` counts stays whole.
    #[inline(never)]
    fn park_cold(&mut self, mut frame: Box<Frame>) -> Parked {
        let Some(parked) = ParkedFrame::take_from(&mut frame) else {
            return Parked::Hot(HotFrame::forced(frame));
        };
        if self.frame_pool.len() < 256 {
            self.frame_pool.push(frame);
        }
        Parked::Cold(parked)
    }

    /// The top frame (a generator's) yields `v`: it is parked in its generator, and
    /// the value goes where its resumer wants it (see the module comment). Some when
    /// the run loop must end (the value reached the entry frame of this run).
    pub(crate) fn suspend_top(&mut self, v: Value) -> PyResult<Option<RunExit>> {
        self.suspend_chain(v, false)
    }

    /// `suspend_top` for `yield local` in the run loop (`Instr::YieldFast`), inlined
    /// there.
    #[inline(always)]
    pub(crate) fn suspend_yield(&mut self, v: Value) -> PyResult<Option<RunExit>> {
        self.suspend_chain(v, false)
    }

    /// `suspend_top` for a frame whose YieldFrom yielded the Future (or the bare
    /// yield of `sleep(0)`) it awaits as its own receiver: it parks with
    /// `at_yield_from` set, which records that the await has yielded
    /// (runtime/selfawait.rs).
    pub(crate) fn suspend_top_awaiting(&mut self, v: Value) -> PyResult<Option<RunExit>> {
        self.suspend_chain(v, true)
    }

    #[inline(always)]
    fn suspend_chain(&mut self, v: Value, awaiting: bool) -> PyResult<Option<RunExit>> {
        // The first frame parks where it yielded (at its YieldFrom when `awaiting`);
        // each delegating frame below it parks at its YieldFrom.
        let mut at_yield_from = awaiting;
        loop {
            let (how, entry) = self.park_top_frame(at_yield_from)?;
            if entry {
                return Ok(Some(RunExit::Yield(v)));
            }
            match how {
                Resumer::YieldFrom => {
                    // The delegating frame suspends at its YieldFrom, to repeat it
                    // when resumed.
                    let Some(caller) = self.frames.last_mut() else {
                        return Ok(Some(RunExit::Yield(v)));
                    };
                    caller.ip -= 1;
                    at_yield_from = true;
                    self.mark_yield_kind(false);
                }
                _ => {
                    self.deliver(v);
                    return Ok(None);
                }
            }
        }
    }

    /// Hands `v` to the top frame as the result of the instruction it last ran (a
    /// call of `send`, a `for` loop's step, a `yield from`): straight into a local
    /// when the next instruction stores it there (which is then skipped), else
    /// pushed.
    #[inline(always)]
    fn deliver(&mut self, v: Value) {
        if let Some(frame) = self.frames.last_mut() {
            if let NextTakes::Local(i) = frame.next_takes() {
                if let Some(slot) = self.stack.get_mut(frame.base + i) {
                    Value::replace_in(slot, v);
                    frame.ip += 1;
                    return;
                }
            }
        }
        self.stack.push(v);
    }

    /// Moves the top (generator) frame back into its generator object, suspended.
    /// Returns how it had been resumed, and whether it was the entry frame of a run.
    #[inline(always)]
    fn park_top_frame(&mut self, at_yield_from: bool) -> PyResult<(Resumer, bool)> {
        let Some(mut frame) = self.frames.pop() else {
            return Err(PyErr::runtime_error("yield outside a generator frame"));
        };
        // The parked frame must not own its generator (that would be a cycle).
        let Some(g) = frame.generator.take() else {
            return Err(PyErr::runtime_error("yield outside a generator frame"));
        };
        let how = frame.resumer;
        let entry = frame.is_entry;
        // The frame's values (locals, then operands) move into the buffer it kept.
        let base = frame.base.min(self.stack.len());
        let n = self.stack.len() - base;
        let saved = &mut frame.saved;
        let len = saved.len();
        if saved.capacity() - len < n {
            saved.reserve_exact(n);
        }
        // SAFETY: `saved` has room for `n` more values; the `n` values above `base`
        // are moved (bit-copied, then forgotten by the stack's new length).
        unsafe {
            copy_values(
                self.stack.as_ptr().add(base),
                saved.as_mut_ptr().add(len),
                n,
            );
            saved.set_len(len + n);
            self.stack.set_len(base);
        }
        if !(self.exc_info.is_none() && frame.resumer_exc.is_none()) {
            let in_handler = frame
                .blocks
                .iter()
                .any(|b| matches!(b, Block::ExceptHandler { .. }));
            let resumers = std::mem::replace(&mut frame.resumer_exc, Value::None);
            let inner = std::mem::replace(&mut self.exc_info, resumers);
            if in_handler && !inner.is_none() {
                frame.saved.push(inner);
                frame.handling = true;
            }
        }
        frame.at_yield_from = at_yield_from;
        g.state.set(CoroState::Suspended);
        // (Each branch stores its own variant: a hot frame is a tag and a pointer.)
        match HotFrame::try_new(frame) {
            Ok(h) => store_parked(&g, Parked::Hot(h)),
            Err(frame) => {
                let cold = self.park_cold(frame);
                store_parked(&g, cold);
            }
        }
        drop(g);
        Ok((how, entry))
    }

    /// A new generator's frame (its locals bound in `saved`), parked before its first
    /// instruction; the frame itself goes back to the pool (or, with more cells than
    /// a `ParkedFrame` counts, is parked whole).
    pub(crate) fn park_new_frame(&mut self, mut frame: Box<Frame>, kind: GenKind) -> Parked {
        // Exactly the locals' room (a pooled frame's buffer may be larger), plus, for
        // a coroutine, the object it will await (on its operand stack when it parks),
        // plus its cells.
        let room = frame.saved.len() + usize::from(kind == GenKind::Coroutine) + frame.cells.len();
        if u16::try_from(frame.cells.len()).is_err() || frame.code.module.is_none() {
            return Parked::Hot(HotFrame::forced(frame));
        }
        let saved = if frame.saved.capacity() != room {
            let mut exact = Vec::with_capacity(room);
            exact.append(&mut frame.saved);
            exact
        } else {
            std::mem::take(&mut frame.saved)
        };
        let parked = ParkedFrame::at_start(saved, &mut frame.cells);
        self.recycle(frame);
        Parked::Cold(parked)
    }

    /// The generator, coroutine or async generator object a call of `f` creates, its
    /// frame parked before the first instruction.
    pub(crate) fn new_generator(&mut self, f: &Function, parked: Parked) -> Value {
        let kind = GenKind::of(&f.code);
        // Where a coroutine is created, for the never-awaited warning.
        let origin = match kind {
            GenKind::Coroutine => self
                .frames
                .last()
                .map(|fr| (&fr.code.filename, fr.current_line())),
            _ => None,
        };
        let names = (&*f.name.borrow(), &*f.qualname.borrow());
        let gen = Generator::new(kind, f.code.clone(), parked, names, origin);
        if crate::trace::enabled() {
            crate::trace::coro_created(self, &gen);
        }
        Value::Generator(gen)
    }

    /// A call of the generator (or coroutine) function just under the `nargs`
    /// arguments on the value stack, which bind its parameters one to one and it has
    /// no cells (checked by the caller: `CodeObject::plain_generator_call`): the
    /// arguments move straight into the new generator's parked values, and the
    /// generator replaces the function and the arguments.
    pub(crate) fn call_generator_in_place(&mut self, nargs: usize) {
        let Some(base) = self.stack.len().checked_sub(nargs + 1) else {
            return;
        };
        let (nlocals, coroutine) = match &self.stack[base] {
            Value::Function(f) => (f.code.nlocals().max(nargs), f.code.flags.coroutine),
            _ => return,
        };
        // The locals, plus, for a coroutine, the object it will await: in the buffer
        // a finished generator left with the next pooled frame when it is exactly
        // that size (no malloc and free per generator in a loop that makes them),
        // else in a new one.
        let room = nlocals + usize::from(coroutine);
        let mut saved = match self.frame_pool.last_mut() {
            Some(f) if f.saved.capacity() == room && f.saved.is_empty() => {
                std::mem::take(&mut f.saved)
            }
            _ => Vec::with_capacity(room),
        };
        // SAFETY: `saved` has room for the `nargs` arguments, which are moved
        // (bit-copied, then forgotten by the stack's new length).
        unsafe {
            copy_values(self.stack.as_ptr().add(base + 1), saved.as_mut_ptr(), nargs);
            saved.set_len(nargs);
            self.stack.set_len(base + 1);
        }
        // The other locals start unbound (a loop: `resize` stays an out-of-line call).
        if saved.capacity() >= nlocals {
            // SAFETY: there is room for `nlocals` values; those past the arguments
            // are written before the length takes them in.
            unsafe {
                let end = saved.as_mut_ptr().add(nargs);
                for i in 0..nlocals - nargs {
                    end.add(i).write(Value::Undefined);
                }
                saved.set_len(nlocals);
            }
        } else {
            saved.resize(nlocals, Value::Undefined);
        }
        let Some(Value::Function(f)) = self.stack.pop() else {
            return;
        };
        let parked = ParkedFrame::at_start(saved, &mut Vec::new());
        let gen = self.new_generator(&f, Parked::Cold(parked));
        self.stack.push(gen);
    }

    /// Whether the top frame's next instructions (from its `ip`) are the rest of an
    /// `await` or a `yield from` of a new `kind` object, which would take that object
    /// as it is and resume it at once with None: `GetAwaitable` (a coroutine not
    /// started is its own awaitable) or `GetYieldFromIter` (a generator is its own
    /// iterator), then `LoadConst None; YieldFrom`. The object can then start running
    /// as it is made (`enter_delegate_call`, skipping 3 instructions).
    #[inline]
    pub(crate) fn delegates_next(&self, kind: GenKind) -> bool {
        let Some(frame) = self.frames.last() else {
            return false;
        };
        let takes_as_is = match frame.code.quick.get(frame.ip) {
            Some(Instr::GetAwaitable) => kind == GenKind::Coroutine,
            Some(Instr::GetYieldFromIter) => kind == GenKind::Generator,
            _ => false,
        };
        takes_as_is && self.resumes_next(1)
    }

    /// Whether the top frame's instructions `skip` past its `ip` are `LoadConst None;
    /// YieldFrom` (the resumption of a receiver that has not started), and a frame
    /// resumed by it could run in place (as `can_resume_in_place` asks).
    #[inline]
    pub(crate) fn resumes_next(&self, skip: usize) -> bool {
        let Some(frame) = self.frames.last() else {
            return false;
        };
        let code = &*frame.code;
        let at = frame.ip + skip;
        let Some(&[Instr::LoadConst(k), Instr::YieldFrom]) = code.quick.get(at..at + 2) else {
            return false;
        };
        code.consts.get(k as usize).is_some_and(Value::is_none)
            && self.frames.len() < self.recursion_limit
            && !crate::trace::enabled()
    }

    /// A call of the generator (or coroutine) function just under the `nargs`
    /// arguments on the value stack, which bind its parameters one to one and it has
    /// no cells (`CodeObject::plain_generator_call`), that the caller awaits or
    /// delegates to at once (`delegates_next`): the new object replaces the function
    /// as the receiver of the caller's `YieldFrom`, and its frame starts running on
    /// top with the arguments where they are as its first locals. This is the state
    /// the call, `GetAwaitable` and `YieldFrom` would reach (the caller past its
    /// `YieldFrom`, `skip` instructions on, the frame resumed by it), without parking
    /// the new frame first.
    pub(crate) fn enter_delegate_call(&mut self, nargs: usize, skip: usize) {
        let Some(at) = self.stack.len().checked_sub(nargs + 1) else {
            return;
        };
        let Some(Value::Function(f)) = self.stack.get(at) else {
            return;
        };
        let kind = GenKind::of(&f.code);
        let g = {
            let (name, qualname) = (f.name.borrow(), f.qualname.borrow());
            let names = (&*name, &*qualname);
            match self.generator_pool.pop() {
                Some(mut g) => {
                    if Generator::restart(&mut g, kind, &f.code, names) {
                        g
                    } else {
                        Generator::running(kind, f.code.clone(), names)
                    }
                }
                None => Generator::running(kind, f.code.clone(), names),
            }
        };
        // SAFETY: the function is moved out of its slot, which the generator then
        // overwrites without dropping it.
        let f: Rc<Function> = unsafe { std::ptr::read(f) };
        unsafe { std::ptr::write(&mut self.stack[at], Value::Generator(g.clone())) };
        if let Some(caller) = self.frames.last_mut() {
            caller.ip += skip;
        }
        // A frame from the pool, as a plain call's; its `saved` buffer stays when it
        // is the size this one parks with at an await (its locals and the receiver),
        // which is what a generator made and resumed in a loop finds there.
        let mut frame = match self.frame_pool.pop() {
            Some(mut fr) => {
                if !Rc::ptr_eq(&fr.code, &f.code) {
                    fr.code = f.code.clone();
                }
                if !Rc::ptr_eq(&fr.globals, &f.globals) {
                    fr.globals = f.globals.clone();
                }
                fr
            }
            None => Box::new(Frame::new(f.code.clone(), f.globals.clone())),
        };
        let nlocals = f.code.nlocals().max(nargs);
        let room = nlocals + usize::from(kind == GenKind::Coroutine);
        if frame.saved.capacity() != room {
            frame.saved = Vec::new();
        }
        let base = at + 1;
        frame.ip = 0;
        frame.base = base;
        frame.ret_to = base;
        frame.is_entry = false;
        frame.resumer = Resumer::YieldFrom;
        frame.handling = false;
        frame.at_yield_from = false;
        // The other locals start unbound.
        let unbound = nlocals - nargs;
        // (With its operands' room, as in `push_generator_frame`.)
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
        frame.generator = Some(g);
        // The resumer's exception comes back when the frame yields or finishes.
        if !self.exc_info.is_none() {
            frame.resumer_exc = self.exc_info.clone();
        }
        self.count_step();
        self.frames.push(frame);
    }

    /// `call_generator_in_place` for a call that may leave the last positional
    /// parameters to their defaults (checked by `generator_call_with_defaults`): the
    /// defaults are pushed after the `nargs` arguments first. An `await` or `yield
    /// from` right after the call starts the new object's frame at once
    /// (`Vm::enter_delegate_call`).
    pub(crate) fn make_generator_in_place(&mut self, nargs: usize) {
        let Some(Value::Function(f)) = self
            .stack
            .len()
            .checked_sub(nargs + 1)
            .map(|at| &self.stack[at])
        else {
            return;
        };
        // SAFETY: the function stays in its slot on the stack (the slot may move as
        // the defaults are pushed, the function it holds does not) until it is used.
        let f: &Function = unsafe { &*(&**f as *const Function) };
        let missing = (f.code.argcount as usize).saturating_sub(nargs);
        if missing > 0 {
            let from = f.defaults.len().saturating_sub(missing);
            self.stack.extend(f.defaults[from..].iter().cloned());
        }
        if self.delegates_next(GenKind::of(&f.code)) {
            self.enter_delegate_call(nargs + missing, 3);
        } else {
            self.call_generator_in_place(nargs + missing);
        }
    }

    /// A generator's frame finished (returned, or let an exception out): the generator
    /// is closed and its resumer's exception state comes back.
    pub(crate) fn generator_finished(&mut self, g: &Generator, frame: &mut Frame) {
        g.state.set(CoroState::Closed);
        // (Nothing to do in the common case: neither is handling an exception.)
        if !(self.exc_info.is_none() && frame.resumer_exc.is_none()) {
            self.exc_info = std::mem::replace(&mut frame.resumer_exc, Value::None);
        }
    }

    /// PEP 479: a StopIteration escaping a generator's frame becomes RuntimeError
    /// ("generator raised StopIteration"), with the StopIteration as its cause.
    pub(crate) fn stop_iteration_escaped(&mut self, kind: GenKind, exc: Value) -> Value {
        let stop = self.types.exc(ExcType::StopIteration).clone();
        if !self.type_of(&exc).is_subclass(&stop) {
            return exc;
        }
        let kind_word = match kind {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        };
        let msg = format!("{} raised StopIteration", kind_word);
        let new = self.new_exception(ExcType::RuntimeError, vec![Value::str(&msg)]);
        if let Some(d) = crate::vm::exceptions::exc_data(&new) {
            *d.cause.borrow_mut() = exc.clone();
            *d.context.borrow_mut() = exc;
            d.suppress_context.set(true);
        }
        new
    }

    /// Does `frame` belong to a generator resumed in place from the run loop (not the
    /// entry of a run), so that its return is `generator_return_in_place`'s?
    #[inline(always)]
    pub(crate) fn returns_in_place(&self, frame: &Frame) -> bool {
        !frame.is_entry && frame.generator.is_some() && frame.resumer != Resumer::Native
    }

    /// The top frame (checked by `returns_in_place`) returns `v`: the generator is
    /// finished, the frame goes back to the pool, and the value goes to the resumer
    /// (what the general path's return does for it, without leaving the fast loop).
    pub(crate) fn generator_return_in_place(&mut self, v: Value) -> PyResult<()> {
        let Some(mut frame) = self.frames.pop() else {
            return Err(PyErr::runtime_error("return outside a frame"));
        };
        let how = frame.resumer;
        if let Some(g) = frame.generator.take() {
            self.generator_finished(&g, &mut frame);
        }
        // Its generator and resumer's exception were taken, and a generator's frame
        // runs no class body or `__init__`: a plain frame's recycling does.
        debug_assert!(frame.saved.is_empty() && frame.generator.is_none());
        self.recycle_plain(frame);
        self.generator_returned_in_place(how, v)
    }

    /// A generator frame resumed in place returned `v` (its frame is gone; the caller
    /// is the top frame): hand the value over as its resumer wants it.
    pub(crate) fn generator_returned_in_place(&mut self, how: Resumer, v: Value) -> PyResult<()> {
        match how {
            Resumer::Send => Err(PyErr::stop_iteration(if v.is_none() {
                None
            } else {
                Some(v)
            })),
            Resumer::ForIter => {
                // The loop is over: drop the iterator and jump past the loop.
                let iterator = crate::vm::frame::pop(&mut self.stack);
                self.release_finished(iterator);
                let frame = self.frames.last_mut().expect("the for loop's frame");
                if let Some(crate::compile::code::Instr::ForIter(t)) =
                    frame.code.instrs.get(frame.ip.wrapping_sub(1))
                {
                    frame.ip = *t as usize;
                }
                Ok(())
            }
            _ => {
                // `yield from`: the value replaces the receiver.
                let receiver = crate::vm::frame::pop(&mut self.stack);
                self.release_finished(receiver);
                self.deliver(v);
                Ok(())
            }
        }
    }
}

impl Vm {
    /// Drops `v`, the generator that just finished in place (or the value that
    /// stood for it): when nothing else holds the generator, its allocation is kept
    /// for a new one (`generator_pool`).
    #[inline]
    fn release_finished(&mut self, v: Value) {
        match v {
            Value::Generator(g) if self.generator_pool.len() < 64 && Generator::reusable(&g) => {
                self.generator_pool.push(g);
            }
            v => drop(v),
        }
    }
}

/// Puts a parked frame into its (running, so empty) generator.
#[inline(always)]
fn store_parked(g: &Generator, parked: Parked) {
    g.frame.put(parked);
}

/// Bit-copies `n` values from `src` to `dst` (a frame's few values: straight-line
/// copies beat a call to memcpy; more than eight go through memcpy).
///
/// # Safety
/// Both ranges must be valid and must not overlap; the caller makes sure each value
/// ends up owned exactly once.
#[inline(always)]
unsafe fn copy_values(src: *const Value, dst: *mut Value, n: usize) {
    // Straight-line for the usual two or three values (LLVM turns a loop into an
    // unrolled one whose set-up costs more than the copies); five to eight are the
    // first four and the last four (overlapping: the same values written twice).
    if n > 4 {
        if n > 8 {
            std::ptr::copy_nonoverlapping(src, dst, n);
        } else {
            std::ptr::copy_nonoverlapping(src, dst, 4);
            std::ptr::copy_nonoverlapping(src.add(n - 4), dst.add(n - 4), 4);
        }
        return;
    }
    if n > 0 {
        dst.write(src.read());
        if n > 1 {
            dst.add(1).write(src.add(1).read());
            if n > 2 {
                dst.add(2).write(src.add(2).read());
                if n > 3 {
                    dst.add(3).write(src.add(3).read());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::vm::frame::ParkedFrame;
    use crate::vm::value::Generator;

    /// A suspended generator is one allocation of its count word and this object,
    /// plus its saved values; issue #3 budgets 200 bytes for it beyond its locals.
    /// `LeanRc`'s 8 + 40 bytes is mimalloc's 48-byte size class; one more word
    /// rounds up to 64, 16 bytes a generator and 32 a suspended task (its coroutine
    /// and the one it awaits).
    #[test]
    fn suspended_generator_stays_small() {
        assert!(std::mem::size_of::<ParkedFrame>() <= 24);
        assert!(std::mem::size_of::<Generator>() <= 40);
    }
}
