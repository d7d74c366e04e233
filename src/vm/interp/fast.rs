//! The fast path of the run loop: the instructions that need no general machinery
//! (locals, constants, globals, int arithmetic and comparisons, jumps, range and list
//! iteration, instance attributes without properties, calls of plain Baton functions,
//! natives and `__init__`s, plain returns, and the superinstructions of
//! `compile::quicken`) run here without leaving the loop; everything else is handed
//! back to `execute`, the general path. Its attribute and method look-ups are in
//! `attrs.rs`, its arithmetic and comparisons in `arith.rs`, its frame entry and
//! exit for plain functions in `frames.rs`.
//!
//! Calls and returns stay in this loop: a call pushes the callee's frame and the loop
//! picks the new top frame up, a return pops it. No Rust recursion happens.
//!
//! # The value stack inside this loop
//!
//! While a frame runs here, the top of the VM's value stack lives in a register (`sp`)
//! rather than in the `Vec`'s length: a push is one store. On entry to a frame the loop
//! reserves the frame's `stacksize` (the compiler's bound on its operand depth, checked
//! by `compile::verify`), so no push can outgrow the allocation. Before anything else
//! may touch the stack (a call, a native, handing over to the general path) `sync!`
//! writes the height back to the `Vec` and the instruction pointer back to the frame;
//! after such a call the loop reloads everything (`continue 'frame`), since the
//! allocation may have moved.

use super::arith::{
    float_compare, float_fast, identity_compare, index_in, int_compare, int_fast, int_mod_positive,
    int_operands,
};
use super::attrs::{cached_attr, fast_method, instance_method, plain_attr, store_plain_attr};
use super::frames::defaults_cover;
use super::handed_over::handed_over;
use crate::compile::code::{CodeObject, Instr};
use crate::vm::coroutine::{gen_next, gen_send};
use crate::vm::frame::{Frame, OnReturn, Resumer};
use crate::vm::interp::RunExit;
use crate::vm::methods::containers::list_append;
use crate::vm::value::{Function, GenKind, Module, NativeIter, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Room reserved beyond a frame's `stacksize`: a safety margin, never needed by
/// correct compiler output.
pub(crate) const STACK_SLACK: usize = 2;

/// Why the fast path stopped.
pub(super) enum FastStop {
    /// This instruction needs the general path (the pointer is already past it).
    General(Instr),
    /// The run is over: a yield reached the entry frame of this run.
    Exit(RunExit),
}

impl Vm {
    /// Executes instructions until one needs the general path, and returns it with the
    /// instruction pointer already past it and the stack untouched. (A superinstruction
    /// is returned as its first original, with the pointer on the second.)
    #[inline(never)]
    pub(super) fn run_fast(&mut self) -> PyResult<FastStop> {
        // Set by a transition that continues in a frame whose room on the stack is
        // already reserved: a frame pushed here has it (`enter_function`,
        // `push_generator_frame`, `enter_delegate_call` reserve its `stacksize`), and
        // a frame returned or yielded to had it when it last ran here, which still
        // holds: its base has not moved and the stack never shrinks.
        let mut reserved = false;
        'frame: loop {
            let Some(top_frame) = self.frames.last_mut() else {
                return Ok(FastStop::General(Instr::Nop));
            };
            // SAFETY (for every dereference below): the frame is boxed and stays on the
            // frame stack, so neither it nor the code and globals it holds move or die
            // while this iteration of 'frame runs; every path that pushes or pops a frame
            // ends the iteration with `continue 'frame` or a return.
            let frame: *mut Frame = &mut **top_frame;
            let code: &CodeObject = unsafe { &*Rc::as_ptr(&(*frame).code) };
            if !std::mem::take(&mut reserved) {
                self.stack.reserve(code.stacksize as usize + STACK_SLACK);
            }
            debug_assert!(
                self.stack.capacity()
                    >= unsafe { (*frame).base }
                        + code.nlocals()
                        + code.stacksize as usize
                        + STACK_SLACK
            );
            let stack_base: *mut Value = self.stack.as_mut_ptr();
            let mut sp: *mut Value = unsafe { stack_base.add(self.stack.len()) };
            let locals: *mut Value = unsafe { stack_base.add((*frame).base) };
            let instrs: *const Instr = code.quick.as_ptr();
            let mut ip: *const Instr = unsafe { instrs.add((*frame).ip) };
            // The constants, names and globals are read through the frame where an
            // instruction needs them: fewer values carried across the loop means less
            // to reload at every call and return.
            macro_rules! consts {
                () => {
                    &code.consts[..]
                };
            }
            macro_rules! names {
                () => {
                    &code.names[..]
                };
            }

            // Is there room for one more frame under the recursion limit?
            macro_rules! can_push {
                () => {
                    self.frames.len() < self.recursion_limit
                };
            }
            // Stack and frame bookkeeping; see the module comment.
            macro_rules! sync {
                () => {
                    unsafe {
                        self.stack.set_len(sp.offset_from(stack_base) as usize);
                        (*frame).ip = ip.offset_from(instrs) as usize;
                    }
                };
            }
            macro_rules! general {
                ($instr:expr) => {{
                    sync!();
                    return Ok(FastStop::General($instr));
                }};
            }
            // A call of the Baton function `f` with the `nargs` values on top of the
            // stack as its arguments and `below` slots under them (the function, and
            // CallMethod's no-self marker) that go when it returns: its frame entered,
            // with its parameter defaults when the call leaves some out, or its
            // generator or coroutine made in place. Falls through when the call needs
            // the general path.
            macro_rules! call_function {
                ($f:expr, $nargs:expr, $below:expr) => {{
                    let (f, nargs, below): (&Function, usize, usize) = ($f, $nargs, $below);
                    if f.fast_argc == nargs as u32 && can_push!() {
                        sync!();
                        self.enter_function(f, nargs, below);
                        reserved = true;
                        continue 'frame;
                    }
                    if can_push!()
                        && (f.code.fast_call_with_defaults(nargs, f)
                            || f.kwonly_fast && defaults_cover(f, nargs))
                    {
                        sync!();
                        self.enter_function_with_defaults(f, nargs, below);
                        reserved = true;
                        continue 'frame;
                    }
                    if f.code.generator_call_with_defaults(nargs, f) {
                        sync!();
                        if below == 2 {
                            // The marker goes: the function is then right under its
                            // arguments, which move down over it.
                            let len = self.stack.len();
                            debug_assert!(self.stack[len - nargs - 1].is_undefined());
                            // SAFETY: the marker (no self, Undefined) owns nothing;
                            // the arguments above it move down one slot and the
                            // length drops by one.
                            unsafe {
                                let marker = self.stack.as_mut_ptr().add(len - nargs - 1);
                                std::ptr::copy(marker.add(1), marker, nargs);
                                self.stack.set_len(len - 1);
                            }
                        }
                        self.make_generator_in_place(nargs);
                        continue 'frame;
                    }
                }};
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    unsafe {
                        sp.write(v);
                        sp = sp.add(1);
                    }
                }};
            }
            // Pushes a copy of the value at `src` (immediates bit for bit, without
            // going through a temporary).
            macro_rules! push_clone {
                ($src:expr) => {{
                    let src: &Value = $src;
                    unsafe {
                        src.clone_into(sp);
                        sp = sp.add(1);
                    }
                }};
            }
            // Pushes an int as one wide store (see `value::write_int`).
            macro_rules! push_int {
                ($i:expr) => {{
                    let i: i64 = $i;
                    unsafe {
                        crate::vm::value::write_int(sp, i);
                        sp = sp.add(1);
                    }
                }};
            }
            // Stores an int into a local in one write, releasing the old value.
            macro_rules! store_int_local {
                ($i:expr, $v:expr) => {{
                    let slot: *mut Value = local!($i);
                    unsafe {
                        let old = slot.read();
                        crate::vm::value::write_int(slot, $v);
                        old.release();
                    }
                }};
            }
            // Overwrites the top of the stack, which holds an int (nothing to drop).
            macro_rules! set_top_int {
                ($i:expr) => {
                    unsafe { crate::vm::value::write_int(sp.sub(1), $i) }
                };
            }
            // The index of the instruction being executed, and its inline cache.
            macro_rules! pc_here {
                () => {
                    unsafe { ip.offset_from(instrs) as usize - 1 }
                };
            }
            macro_rules! cache_here {
                () => {{
                    let pc = pc_here!();
                    // SAFETY: one cache per instruction.
                    unsafe { code.caches.get_unchecked(pc) }
                }};
            }
            // `[func, self]` for a method `f` bound to `receiver`, or `[func, no
            // self]` for a plain function (LoadMethod's two outcomes).
            macro_rules! push_method {
                ($f:expr, $bound:expr, $receiver:expr) => {{
                    push_clone!($f);
                    if $bound {
                        push_clone!($receiver);
                    } else {
                        push!(Value::Undefined);
                    }
                }};
            }
            // The inline caches of the two instructions after this one (those a
            // fused instruction stands for besides its own first).
            macro_rules! next_two_caches {
                () => {{
                    let first = pc_here!() + 1;
                    // SAFETY: a fused instruction's partners are the instructions that
                    // follow it, each with its cache.
                    unsafe {
                        (
                            code.caches.get_unchecked(first),
                            code.caches.get_unchecked(first + 1),
                        )
                    }
                }};
            }
            macro_rules! pop {
                () => {
                    unsafe {
                        sp = sp.sub(1);
                        sp.read()
                    }
                };
            }
            // Pops the top of the stack into `slot` (a local), dropping what was there:
            // the value moves memory to memory, not through a Rust local spilled
            // around the drop (one store-to-load trip less on a loop-carried local).
            macro_rules! pop_into {
                ($slot:expr) => {{
                    let slot: *mut Value = $slot;
                    // SAFETY: the slot is overwritten at once by the top value, which
                    // the stack then forgets.
                    unsafe {
                        Value::release_in_place(slot);
                        sp = sp.sub(1);
                        crate::vm::value::copy_whole(sp, slot);
                    }
                }};
            }
            macro_rules! peek {
                ($depth:expr) => {
                    unsafe { &*sp.sub(1 + $depth) }
                };
            }
            macro_rules! local {
                ($i:expr) => {
                    unsafe { &mut *locals.add($i as usize) }
                };
            }
            macro_rules! jump_to {
                ($t:expr) => {
                    ip = unsafe { instrs.add($t as usize) }
                };
            }
            macro_rules! skip_next {
                () => {
                    ip = unsafe { ip.add(1) }
                };
            }
            // The instruction the pointer is on (the second of a fused pair).
            macro_rules! next_instr {
                () => {
                    unsafe { *ip }
                };
            }
            // The end of an int comparison whose bool `r` is not on the stack: a
            // conditional jump right after it is taken here, without pushing the bool.
            macro_rules! branch_or_push {
                ($r:expr) => {{
                    let r: bool = $r;
                    match next_instr!() {
                        Instr::PopJumpIfFalse(t) => {
                            if r {
                                skip_next!();
                            } else {
                                jump_to!(t);
                            }
                        }
                        Instr::PopJumpIfTrue(t) => {
                            if r {
                                jump_to!(t);
                            } else {
                                skip_next!();
                            }
                        }
                        _ => unsafe {
                            crate::vm::value::write_bool(sp, r);
                            sp = sp.add(1);
                        },
                    }
                }};
            }
            // `LoadFast(a); <load right>; Binary(op)` in one step on two ints; on any
            // other operands it pushes local `a` and the instructions it stands for
            // (from the second on) do it the long way.
            macro_rules! fused_binary {
                ($instr:expr, $a:expr, $right:expr, $op:expr) => {{
                    let x = local!($a);
                    if x.is_undefined() {
                        general!($instr.unfused());
                    }
                    match int_operands(x, $right).and_then(|(l, r)| int_fast($op, l, r)) {
                        Some(r) => {
                            push_int!(r);
                            skip_next!();
                            skip_next!();
                        }
                        None => push_clone!(x),
                    }
                }};
            }
            // `[x, y]` becomes `[x op y]` when both are ints (without overflow) or
            // ints and floats (nothing to drop); false, with nothing done, otherwise.
            macro_rules! numeric_binary {
                ($op:expr) => {{
                    let op = $op;
                    let r = match (peek!(1), peek!(0)) {
                        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
                        _ => None,
                    };
                    match r {
                        Some(r) => {
                            unsafe { sp = sp.sub(1) };
                            set_top_int!(r);
                            true
                        }
                        None => match float_fast(op, peek!(1), peek!(0)) {
                            Some(f) => {
                                unsafe {
                                    sp = sp.sub(1);
                                    crate::vm::value::write_float(sp.sub(1), f);
                                }
                                true
                            }
                            None => false,
                        },
                    }
                }};
            }
            // `LoadFast(a); <load right>; Compare(op)` likewise, taking a conditional
            // jump that follows.
            // `[x]` compared with `right` (the operand of a fused `Compare` after it):
            // two ints in one step, with a conditional jump that follows; otherwise
            // `right` is pushed and the `Compare` does it the long way.
            macro_rules! compare_top_with {
                ($right:expr, $op:expr) => {{
                    let right: &Value = $right;
                    let Some(r) = int_compare($op, peek!(0), right) else {
                        push_clone!(right);
                        continue;
                    };
                    // The operand is an int: nothing to drop.
                    unsafe { sp = sp.sub(1) };
                    skip_next!();
                    branch_or_push!(r);
                }};
            }
            // `LoadFast(a); LoadConst(k); <op>` with `k` in the instruction: `$on_int`
            // does the operation on the value of an int local (and continues, or
            // falls through to the long way); anything else pushes the local, and
            // the originals after it do the rest.
            macro_rules! int_local {
                ($instr:expr, $a:expr, |$v:ident| $on_int:block) => {{
                    let x = local!($a);
                    if let Value::Int($v) = *x $on_int
                    if x.is_undefined() {
                        general!($instr.unfused());
                    }
                    push_clone!(x);
                }};
            }
            // The result of an instruction that stands for `...; StoreFast(c)` is in the
            // local, and the pointer is on that StoreFast (as quickened), or `$before`
            // originals short of it: step past it, taking the loop's back edge when it
            // is fused with one (as StoreFastJump's arm does).
            macro_rules! past_store {
                ($before:literal) => {{
                    for _ in 0..$before {
                        skip_next!();
                    }
                    past_store!()
                }};
                () => {{
                    if let Instr::StoreFastJump(_, t) = next_instr!() {
                        skip_next!();
                        skip_next!();
                        if unsafe { instrs.add(t as usize) } < ip && crate::vm::signals::attention()
                        {
                            general!(Instr::Jump(t));
                        }
                        jump_to!(t);
                    } else {
                        skip_next!();
                    }
                }};
            }
            macro_rules! fused_compare {
                ($instr:expr, $a:expr, $right:expr, $op:expr) => {{
                    let x = local!($a);
                    if x.is_undefined() {
                        general!($instr.unfused());
                    }
                    let Some(r) = int_compare($op, x, $right) else {
                        push_clone!(x);
                        continue;
                    };
                    skip_next!();
                    skip_next!();
                    branch_or_push!(r);
                }};
            }

            loop {
                // The operands are read in each arm, not decoded up front.
                let instr: &Instr = unsafe { &*ip };
                ip = unsafe { ip.add(1) };
                match *instr {
                    Instr::LoadFast(i) => {
                        let v = local!(i);
                        if v.is_undefined() {
                            general!(*instr);
                        }
                        push_clone!(v);
                    }
                    Instr::StoreFast(i) => {
                        pop_into!(local!(i));
                    }
                    Instr::LoadConst(i) => push_clone!(&consts!()[i as usize]),
                    // A closure's variables (`nonlocal` counters, captured objects).
                    Instr::LoadDeref(i) => {
                        // SAFETY: the frame outlives this instruction.
                        let cells = unsafe { &(*frame).cells };
                        let cell = cells.get(i as usize);
                        match cell.and_then(|c| c.try_borrow().ok()) {
                            Some(v) if !v.is_undefined() => push_clone!(&*v),
                            _ => general!(*instr),
                        }
                    }
                    Instr::StoreDeref(i) => {
                        // SAFETY: as for LoadDeref.
                        let cells = unsafe { &(*frame).cells };
                        let cell = cells.get(i as usize);
                        match cell.and_then(|c| c.try_borrow_mut().ok()) {
                            Some(mut slot) => {
                                let old = std::mem::replace(&mut *slot, pop!());
                                drop(slot);
                                old.release();
                            }
                            None => general!(*instr),
                        }
                    }
                    Instr::StoreFastJump(a, t) => {
                        pop_into!(local!(a));
                        // The Jump (the instruction the pointer is on), as its arm
                        // does it.
                        skip_next!();
                        if unsafe { instrs.add(t as usize) } < ip && crate::vm::signals::attention()
                        {
                            general!(Instr::Jump(t));
                        }
                        jump_to!(t);
                    }
                    Instr::LoadFastLoadFast(a, b) => {
                        let (x, y) = (local!(a), local!(b));
                        if x.is_undefined() || y.is_undefined() {
                            general!(instr.unfused());
                        }
                        push_clone!(x);
                        push_clone!(y);
                        skip_next!();
                    }
                    Instr::LoadFastLoadConst(a, c) => {
                        let x = local!(a);
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        push_clone!(x);
                        push_clone!(&consts!()[c as usize]);
                        skip_next!();
                    }
                    Instr::StoreFastLoadFast(a, b) => {
                        pop_into!(local!(a));
                        let y = local!(b);
                        // An unbound `b`: its own LoadFast (next) raises.
                        if !y.is_undefined() {
                            push_clone!(y);
                            skip_next!();
                        }
                    }
                    Instr::FastBinary(a, op) => {
                        let x = local!(a);
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        let r = match (peek!(0), &*x) {
                            (Value::Int(l), Value::Int(r)) => int_fast(op, *l, *r),
                            _ => None,
                        };
                        match r {
                            Some(r) => {
                                set_top_int!(r);
                                skip_next!();
                            }
                            // The Binary that follows does it the long way.
                            None => push_clone!(x),
                        }
                    }
                    Instr::ConstBinary(c, op) => {
                        let k = &consts!()[c as usize];
                        let r = match (peek!(0), k) {
                            (Value::Int(l), Value::Int(r)) => int_fast(op, *l, *r),
                            _ => None,
                        };
                        match r {
                            Some(r) => {
                                set_top_int!(r);
                                skip_next!();
                            }
                            None => push_clone!(k),
                        }
                    }
                    Instr::Pop => {
                        // The tag is read in place: an immediate is just left behind.
                        if peek!(0).is_immediate() {
                            unsafe { sp = sp.sub(1) };
                        } else {
                            drop(pop!());
                            // Dropping an object may have queued finalization work (a
                            // never-awaited coroutine, a suspended generator): serve it
                            // now, at this line, as CPython does.
                            if crate::vm::signals::attention() {
                                general!(Instr::Nop);
                            }
                        }
                    }
                    Instr::Jump(t) => {
                        // A backward jump closes a loop: let the general path see
                        // requests for attention (Ctrl-C, finalizers) there.
                        if unsafe { instrs.add(t as usize) } < ip && crate::vm::signals::attention()
                        {
                            general!(*instr);
                        }
                        jump_to!(t);
                    }
                    Instr::BinarySubscr => {
                        // `list[i]`, `tuple[i]` with an int index in range.
                        let item: Option<*const Value> = match (peek!(1), peek!(0)) {
                            (Value::List(l), Value::Int(i)) => l.try_borrow().ok().and_then(|l| {
                                index_in(l.len(), *i).map(|at| &l[at] as *const Value)
                            }),
                            (Value::Tuple(t), Value::Int(i)) => {
                                index_in(t.len(), *i).map(|at| &t[at] as *const Value)
                            }
                            _ => None,
                        };
                        let Some(item) = item else {
                            general!(*instr);
                        };
                        // The item is copied over the index (an int: nothing to drop)
                        // from where it lies in the container, which is then
                        // released, and the item moves down over it: memory to
                        // memory, whole (never through a Rust local; see
                        // `Value::clone_into`).
                        // SAFETY: nothing changes the container between the look-up
                        // and the copy; the slots are the operands'.
                        unsafe {
                            (*item).clone_into(sp.sub(1));
                            Value::release_in_place(sp.sub(2));
                            crate::vm::value::copy_whole(sp.sub(1), sp.sub(2));
                            sp = sp.sub(1);
                        }
                    }
                    Instr::StoreSubscr => {
                        // `[v, list, i]`: `list[i] = v` with an int index in range.
                        let old = match (peek!(1), peek!(0)) {
                            (Value::List(l), Value::Int(i)) => match l.try_borrow_mut() {
                                Ok(mut l) => match index_in(l.len(), *i) {
                                    Some(at) => {
                                        let v = unsafe { sp.sub(3).read() };
                                        Some(std::mem::replace(&mut l[at], v))
                                    }
                                    None => None,
                                },
                                Err(_) => None,
                            },
                            _ => None,
                        };
                        match old {
                            Some(old) => {
                                // The value has moved into the list and the index is an
                                // int; the list and the replaced item are dropped after
                                // the list's borrow has ended.
                                unsafe { sp = sp.sub(3) };
                                unsafe { sp.add(1).read() }.release();
                                old.release();
                            }
                            None => general!(*instr),
                        }
                    }
                    Instr::Dup => push_clone!(peek!(0)),
                    Instr::RotTwo => unsafe { std::ptr::swap(sp.sub(1), sp.sub(2)) },
                    Instr::PopJumpIfFalse(t) => match peek!(0) {
                        Value::Bool(b) => {
                            if !*b {
                                jump_to!(t);
                            }
                            unsafe { sp = sp.sub(1) };
                        }
                        _ => general!(*instr),
                    },
                    Instr::PopJumpIfTrue(t) => match peek!(0) {
                        Value::Bool(b) => {
                            if *b {
                                jump_to!(t);
                            }
                            unsafe { sp = sp.sub(1) };
                        }
                        _ => general!(*instr),
                    },
                    Instr::Binary(op) | Instr::InplaceBinary(op) => {
                        if !numeric_binary!(op) {
                            general!(*instr);
                        }
                    }
                    Instr::Compare(op) => {
                        let r = int_compare(op, peek!(1), peek!(0))
                            .or_else(|| float_compare(op, peek!(1), peek!(0)));
                        let Some(r) = r else {
                            // `is`, `is not`, and `==`/`!=` on two strings: no user
                            // code runs, so the operands are released here.
                            let Some(r) = identity_compare(op, peek!(1), peek!(0)) else {
                                general!(*instr);
                            };
                            let (b, a) = (pop!(), pop!());
                            a.release();
                            b.release();
                            branch_or_push!(r);
                            continue;
                        };
                        // Both operands are ints: nothing to drop.
                        unsafe { sp = sp.sub(2) };
                        branch_or_push!(r);
                    }
                    Instr::CompareInt(c, k, op) => match *peek!(0) {
                        // `[x]`: `x < 0` with an int `x`, taking a conditional jump that
                        // follows; anything else pushes the constant for the Compare.
                        Value::Int(v) => {
                            // The operand is an int: nothing to drop.
                            unsafe { sp = sp.sub(1) };
                            skip_next!();
                            branch_or_push!(crate::vm::ops::cmp_ord(op, v.cmp(&(k as i64))));
                        }
                        _ => push_clone!(&consts!()[c as usize]),
                    },
                    Instr::ConstCompare(c, op) => {
                        // `[x]`: `x < constant`, taking a conditional jump that follows.
                        compare_top_with!(&consts!()[c as usize], op)
                    }
                    Instr::FastCompare(a, op) => {
                        // `[x]`: `x < local`, likewise.
                        let y = local!(a);
                        if y.is_undefined() {
                            general!(instr.unfused());
                        }
                        compare_top_with!(y, op)
                    }
                    Instr::FastConstBinary(a, c, op) => {
                        fused_binary!(instr, a, &consts!()[c as usize], op)
                    }
                    Instr::FastFastBinary(a, b, op) => fused_binary!(instr, a, local!(b), op),
                    Instr::FastFastBinaryStore(a, b, c, op) => {
                        let x = local!(a);
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        match int_operands(x, local!(b)).and_then(|(l, r)| int_fast(op, l, r)) {
                            Some(r) => {
                                store_int_local!(c, r);
                                // (The LoadFast and the Binary come before the store.)
                                past_store!(2);
                            }
                            // Anything else: the originals after the first.
                            None => push_clone!(x),
                        }
                    }
                    // `n - 1`, `i += 1`, `i % 7` and `n < 2` on an int local, the
                    // constant in the instruction (`int_local!`).
                    Instr::FastAddInt(a, k) => int_local!(instr, a, |v| {
                        if let Some(r) = v.checked_add(k as i64) {
                            push_int!(r);
                            skip_next!();
                            skip_next!();
                            continue;
                        }
                    }),
                    Instr::IncLocal(a, k) => int_local!(instr, a, |v| {
                        if let Some(r) = v.checked_add(k as i64) {
                            // The local holds an int: nothing to drop.
                            let slot: *mut Value = local!(a);
                            unsafe { crate::vm::value::write_int(slot, r) };
                            // (The LoadConst and the Binary come before the store.)
                            past_store!(2);
                            continue;
                        }
                    }),
                    Instr::FastModInt(a, k) => int_local!(instr, a, |v| {
                        push_int!(int_mod_positive(v, k as i64));
                        skip_next!();
                        skip_next!();
                        continue;
                    }),
                    // `... + 1` and `... % 1000000007` on an int on the stack; anything
                    // else pushes the constant, and the Binary after it does the rest.
                    Instr::AddInt(c, k) => match peek!(0) {
                        Value::Int(v) if v.checked_add(k as i64).is_some() => {
                            set_top_int!(*v + k as i64);
                            skip_next!();
                        }
                        _ => push_clone!(&consts!()[c as usize]),
                    },
                    Instr::ModInt(c, k) => match peek!(0) {
                        Value::Int(v) => {
                            let r = int_mod_positive(*v, k as i64);
                            skip_next!();
                            // `x = (...) % k`, as in a running total: the result goes
                            // straight into the local.
                            let store = match next_instr!() {
                                Instr::StoreFast(a) => Some(a as usize),
                                Instr::StoreFastJump(a, _) | Instr::StoreFastLoadFast(a, _) => {
                                    Some(a as usize)
                                }
                                _ => None,
                            };
                            match store {
                                Some(a) => {
                                    // (The int on top owns nothing.)
                                    unsafe { sp = sp.sub(1) };
                                    store_int_local!(a, r);
                                    past_store!();
                                }
                                None => set_top_int!(r),
                            }
                        }
                        _ => push_clone!(&consts!()[c as usize]),
                    },
                    Instr::FastCompareInt(a, k, op) => int_local!(instr, a, |v| {
                        skip_next!();
                        skip_next!();
                        branch_or_push!(crate::vm::ops::cmp_ord(op, v.cmp(&(k as i64))));
                        continue;
                    }),
                    Instr::FastConstCompare(a, c, op) => {
                        fused_compare!(instr, a, &consts!()[c as usize], op)
                    }
                    Instr::FastFastCompare(a, b, op) => fused_compare!(instr, a, local!(b), op),
                    Instr::LoadGlobal(slot) => {
                        // SAFETY: no mutable borrow of the slots is held across the
                        // run loop (StoreGlobal borrows and releases at once).
                        let globals: &Module = unsafe { &*Rc::as_ptr(&(*frame).globals) };
                        let slots = unsafe { globals.slots.try_borrow_unguarded() };
                        match slots.ok().and_then(|s| s.get(slot as usize)) {
                            Some(v) if !v.is_undefined() => push!(v.clone()),
                            _ => {
                                // Not a global: a builtin, at the slot of the builtins
                                // module the general path remembered (`hint` - 1).
                                let at = cache_here!().hint.get() as usize;
                                // SAFETY: as for the globals above.
                                let builtins =
                                    unsafe { self.builtins.slots.try_borrow_unguarded() };
                                match builtins.ok().and_then(|s| s.get(at.wrapping_sub(1))) {
                                    Some(v) if at != 0 && !v.is_undefined() => push!(v.clone()),
                                    _ => general!(*instr),
                                }
                            }
                        }
                    }
                    Instr::StoreGlobal(slot) => {
                        // A module-level loop's variables: the slot is written, and
                        // the old value released once the borrow has ended.
                        let globals: &Module = unsafe { &*Rc::as_ptr(&(*frame).globals) };
                        let old = match globals.slots.try_borrow_mut() {
                            Ok(mut slots) => match slots.get_mut(slot as usize) {
                                Some(dst) => std::mem::replace(dst, pop!()),
                                None => general!(*instr),
                            },
                            Err(_) => general!(*instr),
                        };
                        old.release();
                    }
                    Instr::ForIter(t) => {
                        if let Value::Generator(g) = peek!(0) {
                            // A generator's frame runs in place (`vm::suspend`).
                            if g.kind == GenKind::Generator && self.can_resume_in_place(g, true) {
                                let g = g.clone();
                                sync!();
                                self.resume_in_place(&g, Value::None, Resumer::ForIter)?;
                                continue 'frame;
                            }
                            general!(*instr);
                        }
                        // A range's next int, or a list's next item. Each case ends on
                        // its own (no value in between to match on again), and the
                        // iterator's borrow ends before the loop variable is stored.
                        let Value::Iterator(it) = peek!(0) else {
                            general!(*instr);
                        };
                        let Ok(mut iter) = it.try_borrow_mut() else {
                            general!(*instr);
                        };
                        match &mut *iter {
                            NativeIter::Range { next, stop, step } => {
                                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                                    let v = *next;
                                    *next = next.saturating_add(*step);
                                    drop(iter);
                                    // The loop variable is usually stored right away: the
                                    // int goes into the local in one write.
                                    match next_instr!() {
                                        Instr::StoreFast(i) => {
                                            skip_next!();
                                            store_int_local!(i, v);
                                        }
                                        Instr::StoreFastLoadFast(i, _) => {
                                            skip_next!();
                                            store_int_local!(i, v);
                                        }
                                        _ => push_int!(v),
                                    }
                                } else {
                                    drop(iter);
                                    drop(pop!());
                                    jump_to!(t);
                                }
                            }
                            NativeIter::List { list, index } => {
                                let v = {
                                    let l = list.borrow();
                                    match l.get(*index) {
                                        Some(v) => v.fast_clone(),
                                        // (Exhausted: the general path finishes it.)
                                        None => {
                                            drop(l);
                                            drop(iter);
                                            general!(*instr);
                                        }
                                    }
                                };
                                *index += 1;
                                drop(iter);
                                match next_instr!() {
                                    Instr::StoreFast(i) => {
                                        skip_next!();
                                        Value::replace_in(local!(i), v);
                                    }
                                    Instr::StoreFastLoadFast(i, _) => {
                                        skip_next!();
                                        Value::replace_in(local!(i), v);
                                    }
                                    _ => push!(v),
                                }
                            }
                            _ => {
                                drop(iter);
                                general!(*instr);
                            }
                        }
                    }
                    Instr::LoadAttr(i) => {
                        let cache = cache_here!();
                        if let Some(v) = cached_attr(peek!(0), cache) {
                            // Copied before the object goes.
                            let v = v.clone();
                            Value::replace_in(unsafe { &mut *sp.sub(1) }, v);
                            continue;
                        }
                        let name = &names!()[i as usize];
                        match plain_attr(peek!(0), name, cache) {
                            Some(v) => {
                                let top = unsafe { &mut *sp.sub(1) };
                                Value::replace_in(top, v);
                            }
                            None => general!(*instr),
                        }
                    }
                    Instr::LoadFastAttr(a, n) => {
                        let x = local!(a);
                        // The cache of the LoadAttr this stands for.
                        let next = pc_here!() + 1;
                        let cache = unsafe { code.caches.get_unchecked(next) };
                        if let Some(v) = cached_attr(x, cache) {
                            push_clone!(v);
                            skip_next!();
                            continue;
                        }
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        match plain_attr(x, &names!()[n as usize], cache) {
                            Some(v) => {
                                push!(v);
                                skip_next!();
                            }
                            // The LoadAttr that follows takes the general path.
                            None => push_clone!(x),
                        }
                    }
                    Instr::LoadFastAttrAttr(a, n, m) => {
                        let x = local!(a);
                        // The caches of the two LoadAttrs this stands for.
                        let (c1, c2) = next_two_caches!();
                        // Both links where the caches say: the middle object is only
                        // looked at, not copied.
                        if let Some(v) = cached_attr(x, c1).and_then(|y| cached_attr(y, c2)) {
                            push_clone!(v);
                            skip_next!();
                            skip_next!();
                            continue;
                        }
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        let (n, m) = (&names!()[n as usize], &names!()[m as usize]);
                        match plain_attr(x, n, c1) {
                            Some(y) => match plain_attr(&y, m, c2) {
                                Some(v) => {
                                    y.release();
                                    push!(v);
                                    skip_next!();
                                    skip_next!();
                                }
                                // The second LoadAttr takes the general path.
                                None => {
                                    push!(y);
                                    skip_next!();
                                }
                            },
                            None => push_clone!(x),
                        }
                    }
                    Instr::StoreAttr(i) => {
                        // `[v, obj]`
                        let v = unsafe { sp.sub(2).read() };
                        match store_plain_attr(peek!(0), &names!()[i as usize], cache_here!(), v) {
                            Ok(()) => {
                                pop!().release();
                                unsafe { sp = sp.sub(1) };
                            }
                            Err(v) => {
                                // Back where it was: the general path stores it.
                                std::mem::forget(v);
                                general!(*instr);
                            }
                        }
                    }
                    Instr::FastStoreAttr(obj, n) => {
                        // `[v]`, with the object in local `obj`.
                        let o = local!(obj);
                        let next = pc_here!() + 1;
                        let cache = unsafe { code.caches.get_unchecked(next) };
                        let v = unsafe { sp.sub(1).read() };
                        match store_plain_attr(o, &names!()[n as usize], cache, v) {
                            Ok(()) => {
                                unsafe { sp = sp.sub(1) };
                                skip_next!();
                            }
                            Err(v) => {
                                std::mem::forget(v);
                                if o.is_undefined() {
                                    general!(instr.unfused());
                                }
                                // The StoreAttr that follows does it the long way.
                                push_clone!(o);
                            }
                        }
                    }
                    Instr::FastFastStoreAttr(a, obj, n) => {
                        let v = local!(a);
                        if v.is_undefined() {
                            general!(instr.unfused());
                        }
                        let next = pc_here!() + 2;
                        let cache = unsafe { code.caches.get_unchecked(next) };
                        let name = &names!()[n as usize];
                        match store_plain_attr(local!(obj), name, cache, v.clone()) {
                            Ok(()) => {
                                skip_next!();
                                skip_next!();
                            }
                            Err(v) => {
                                // The FastStoreAttr that follows takes over.
                                push!(v);
                            }
                        }
                    }
                    Instr::LoadMethod(i) => {
                        // `[obj] -> [func, obj]`, or `[func, no self]` for a module's
                        // function.
                        let name = &names!()[i as usize];
                        let cache = cache_here!();
                        if let Value::Instance(inst) = peek!(0) {
                            if let Some(f) = instance_method(inst, name, cache) {
                                let obj = pop!();
                                push_clone!(f);
                                push!(obj);
                                continue;
                            }
                        } else if let Some((f, bound)) =
                            fast_method(&self.types, peek!(0), name, cache)
                        {
                            if bound {
                                let obj = pop!();
                                push_clone!(f);
                                push!(obj);
                            } else {
                                // (Copied before the module goes.)
                                let f = f.clone();
                                Value::replace_in(unsafe { &mut *sp.sub(1) }, f);
                                push!(Value::Undefined);
                            }
                            continue;
                        }
                        general!(*instr);
                    }
                    Instr::LoadFastMethod(a, n) => {
                        // `LoadFast(a); LoadMethod(n)`, with the cache of the LoadMethod.
                        let x = local!(a);
                        let next = pc_here!() + 1;
                        let cache = unsafe { code.caches.get_unchecked(next) };
                        let name = &names!()[n as usize];
                        if let Value::Instance(inst) = x {
                            if let Some(f) = instance_method(inst, name, cache) {
                                push_method!(f, true, x);
                                skip_next!();
                                continue;
                            }
                        } else if let Some((f, bound)) = fast_method(&self.types, x, name, cache) {
                            push_method!(f, bound, x);
                            skip_next!();
                            continue;
                        }
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        // The LoadMethod that follows takes the general path.
                        push_clone!(x);
                    }
                    Instr::LoadFastAttrMethod(a, _, m) => {
                        // `self.items.append`: the attribute where its cache says, then
                        // its method, with the caches of the LoadAttr and LoadMethod
                        // this stands for.
                        let x = local!(a);
                        let (c1, c2) = next_two_caches!();
                        if let Some(y) = cached_attr(x, c1) {
                            let name = &names!()[m as usize];
                            if let Value::Instance(inst) = y {
                                if let Some(f) = instance_method(inst, name, c2) {
                                    push_method!(f, true, y);
                                    skip_next!();
                                    skip_next!();
                                    continue;
                                }
                            } else if !matches!(y, Value::Generator(_)) {
                                // (A generator's `send` keeps its own fusion.)
                                if let Some((f, bound)) = fast_method(&self.types, y, name, c2) {
                                    push_method!(f, bound, y);
                                    skip_next!();
                                    skip_next!();
                                    continue;
                                }
                            }
                            // The instruction at the LoadMethod takes over.
                            push_clone!(y);
                            skip_next!();
                            continue;
                        }
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        // The LoadAttr that follows does it the long way.
                        push_clone!(x);
                    }
                    Instr::SendFast(_, x) | Instr::SendConst(_, x) => {
                        // `[gen]`: `gen.send(x)` resumes the generator's frame in place;
                        // anything else is the LoadMethod this stands for, on the
                        // general path.
                        let sent: &Value = match *instr {
                            Instr::SendFast(..) => local!(x),
                            _ => &consts!()[x as usize],
                        };
                        if let Value::Generator(g) = peek!(0) {
                            if !sent.is_undefined() && self.can_resume_in_place(g, sent.is_none()) {
                                let sent = sent.clone();
                                if let Value::Generator(g) = pop!() {
                                    skip_next!();
                                    skip_next!();
                                    sync!();
                                    self.resume_sent(g, sent)?;
                                    reserved = true;
                                    continue 'frame;
                                }
                            }
                        }
                        general!(instr.unfused())
                    }
                    Instr::FastSendFast(a, x) | Instr::FastSendConst(a, x) => {
                        // `gen.send(x)` with `gen` in local `a`, as SendFast; anything
                        // else pushes the local for the fused LoadMethod that follows.
                        let sent: &Value = match *instr {
                            Instr::FastSendFast(..) => local!(x),
                            _ => &consts!()[x as usize],
                        };
                        let receiver = local!(a);
                        if let Value::Generator(g) = receiver {
                            if !sent.is_undefined() && self.can_resume_in_place(g, sent.is_none()) {
                                let (g, sent) = (g.clone(), sent.clone());
                                ip = unsafe { ip.add(3) };
                                sync!();
                                self.resume_sent(g, sent)?;
                                reserved = true;
                                continue 'frame;
                            }
                        }
                        if receiver.is_undefined() {
                            general!(instr.unfused());
                        }
                        push_clone!(receiver);
                    }
                    Instr::CallFunction(n) => {
                        let n = n as usize;
                        match peek!(n) {
                            Value::Function(f) => {
                                // SAFETY: the function stays in its slot on the stack
                                // under the arguments until the new frame returns.
                                let f: &Function = unsafe { &*(&**f as *const Function) };
                                call_function!(f, n, 1);
                                general!(*instr);
                            }
                            Value::Native(f) if f.self_class.is_none() => {
                                // `next(gen)`: the generator's frame runs in place.
                                if n == 1 && is_native(f.func, crate::modules::builtins::next) {
                                    if let Value::Generator(g) = peek!(0) {
                                        if self.can_resume_in_place(g, true) {
                                            if let Value::Generator(g) = pop!() {
                                                drop(pop!());
                                                sync!();
                                                self.resume_owned(g, Value::None, Resumer::Send)?;
                                                reserved = true;
                                                continue 'frame;
                                            }
                                        }
                                    }
                                }
                                let func = f.func;
                                sync!();
                                self.call_native_in_place(func, n)?;
                                if crate::vm::signals::attention() {
                                    return Ok(FastStop::General(Instr::Nop));
                                }
                                continue 'frame;
                            }
                            Value::Class(_) if can_push!() => {
                                sync!();
                                if !self.try_fast_instantiate(n, cache_here!()) {
                                    return Ok(FastStop::General(*instr));
                                }
                                continue 'frame;
                            }
                            _ => general!(*instr),
                        }
                    }
                    Instr::CallMethod(n) => {
                        let n = n as usize;
                        if peek!(n).is_undefined() {
                            // No self (`module.function(...)`): a plain call of the
                            // function under the marker, which goes with it on return.
                            if let Value::Function(f) = peek!(n + 1) {
                                // SAFETY: as for CallFunction.
                                let f: &Function = unsafe { &*(&**f as *const Function) };
                                call_function!(f, n, 2);
                            }
                            general!(*instr);
                        }
                        match peek!(n + 1) {
                            Value::Function(f) => {
                                // SAFETY: as for CallFunction.
                                let f: &Function = unsafe { &*(&**f as *const Function) };
                                call_function!(f, n + 1, 1);
                                general!(*instr);
                            }
                            Value::Native(f) if f.self_class.is_none() => {
                                // `list.append(x)` on a list: no argument buffer, no call.
                                if n == 1 && is_native(f.func, list_append) {
                                    if let Value::List(l) = peek!(1) {
                                        if let Ok(mut l) = l.try_borrow_mut() {
                                            l.push(pop!());
                                            drop(l);
                                            pop!().release();
                                            if let Instr::Pop = next_instr!() {
                                                // The statement `row.append(x)`: its
                                                // None would be popped at once.
                                                pop!().release();
                                                skip_next!();
                                            } else {
                                                let top = unsafe { &mut *sp.sub(1) };
                                                std::mem::replace(top, Value::None).release();
                                            }
                                            continue;
                                        }
                                    }
                                }
                                // `gen.send(v)`, `gen.__next__()`: the generator's frame
                                // runs in place.
                                let resumes = (n == 1 && is_native(f.func, gen_send))
                                    || (n == 0 && is_native(f.func, gen_next));
                                if resumes {
                                    if let Value::Generator(g) = peek!(n) {
                                        let sending_none = n == 0 || peek!(0).is_none();
                                        if self.can_resume_in_place(g, sending_none) {
                                            let sent = if n == 1 { pop!() } else { Value::None };
                                            if let Value::Generator(g) = pop!() {
                                                drop(pop!());
                                                sync!();
                                                self.resume_owned(g, sent, Resumer::Send)?;
                                                reserved = true;
                                                continue 'frame;
                                            }
                                        }
                                    }
                                }
                                let func = f.func;
                                sync!();
                                self.call_native_in_place(func, n + 1)?;
                                if crate::vm::signals::attention() {
                                    return Ok(FastStop::General(Instr::Nop));
                                }
                                continue 'frame;
                            }
                            _ => general!(*instr),
                        }
                    }
                    Instr::YieldValue => {
                        // A generator resumed from this loop hands the value over in
                        // place, and the entry frame of a run (a generator a native
                        // drives: `sum(g)`, `", ".join(g)`) leaves the loop with it;
                        // an async generator's frame takes the general path, which
                        // records what kind of yield it was.
                        if unsafe { yields_for_async_generator(&*frame) } {
                            general!(*instr);
                        }
                        let v = pop!();
                        sync!();
                        if let Some(exit) = self.suspend_top(v)? {
                            return Ok(FastStop::Exit(exit));
                        }
                        reserved = true;
                        continue 'frame;
                    }
                    Instr::YieldFast(a) => {
                        // `yield local`, as YieldValue.
                        let x = local!(a);
                        if x.is_undefined() || unsafe { yields_for_async_generator(&*frame) } {
                            general!(instr.unfused());
                        }
                        let v = x.clone();
                        skip_next!();
                        sync!();
                        if let Some(exit) = self.suspend_yield(v)? {
                            return Ok(FastStop::Exit(exit));
                        }
                        reserved = true;
                        continue 'frame;
                    }
                    Instr::YieldFrom => {
                        // `[receiver, sent]`: a generator or coroutine receiver runs in
                        // place on top of this frame.
                        match peek!(1) {
                            Value::Generator(g)
                                if self.can_resume_in_place(g, peek!(0).is_none()) =>
                            {
                                let g = g.clone();
                                let sent = pop!();
                                sync!();
                                self.resume_owned(g, sent, Resumer::YieldFrom)?;
                                reserved = true;
                                continue 'frame;
                            }
                            // A Future, Task or `sleep(0)` awaited as its own receiver.
                            receiver @ Value::Instance(_) => {
                                let Some(kind) = crate::runtime::self_awaiting(receiver) else {
                                    general!(*instr);
                                };
                                drop(pop!());
                                sync!();
                                if let Some(exit) = self.await_itself(kind)? {
                                    return Ok(FastStop::Exit(exit));
                                }
                                continue 'frame;
                            }
                            _ => general!(*instr),
                        }
                    }
                    Instr::GetAwaitable => {
                        // `await coro()`: a coroutine not started yet is its own
                        // awaitable; an instance whose `__await__` is a plain generator
                        // function gets its generator here (`get_awaitable_in_place`).
                        if crate::vm::coroutine::is_fresh_coroutine(peek!(0)) {
                            continue;
                        }
                        sync!();
                        if self.get_awaitable_in_place(cache_here!()) {
                            continue 'frame;
                        }
                        return Ok(FastStop::General(*instr));
                    }
                    // The returns leave this loop for the one copy of the return
                    // path below.
                    Instr::ReturnValue => break,
                    Instr::ReturnConst(c) => {
                        push_clone!(&consts!()[c as usize]);
                        skip_next!();
                        break;
                    }
                    Instr::BinaryReturn(op) => {
                        // `return x + y`: two ints or floats added here, anything else
                        // on the general path (which then meets the ReturnValue).
                        if !numeric_binary!(op) {
                            general!(instr.unfused());
                        }
                        skip_next!();
                        break;
                    }
                    Instr::ReturnFast(a) => {
                        let x = local!(a);
                        if x.is_undefined() {
                            general!(instr.unfused());
                        }
                        push_clone!(x);
                        skip_next!();
                        break;
                    }
                    Instr::Nop => {}
                    // Every other instruction is named (`handed_over!`, there is no `_`
                    // arm), so the dispatch table covers every instruction and needs no
                    // range check.
                    handed_over!() => general!(instr.unfused()),
                }
            }
            // ReturnValue (or a superinstruction ending in one), with the value on
            // top of the stack and the pointer past the ReturnValue.
            // A return stays here only when a caller frame of the same run is
            // below and nothing but the value has to be handed over.
            let plain_return = unsafe {
                !(*frame).is_entry && self.frames.len() >= 2 && (*frame).generator.is_none()
            };
            if !plain_return {
                // A generator's frame resumed from this loop: the value goes
                // to its resumer (`Vm::generator_return_in_place`).
                if unsafe { self.returns_in_place(&*frame) } {
                    let v = pop!();
                    sync!();
                    self.generator_return_in_place(v)?;
                    reserved = true;
                    if crate::vm::signals::attention() {
                        return Ok(FastStop::General(Instr::Nop));
                    }
                    continue 'frame;
                }
                // The entry frame of a native's call of a plain function (a sort
                // key, `map`'s function, a done-callback: `Vm::call_kw` and
                // `Vm::call1`) hands its value out of the loop, as `do_return` does.
                let plain_entry = unsafe {
                    (*frame).is_entry
                        && (*frame).generator.is_none()
                        && (*frame).namespace.is_none()
                        && matches!((*frame).on_return, OnReturn::Value)
                };
                if plain_entry {
                    let v = pop!();
                    sync!();
                    self.pop_entry_frame();
                    return Ok(FastStop::Exit(RunExit::Return(v)));
                }
                general!(Instr::ReturnValue);
            }
            // What `do_return` does for a frame that is not the entry of this
            // run, has a caller below, belongs to no generator and returns
            // its value plainly (or None from a `__init__`).
            let init = match unsafe { &(*frame).on_return } {
                OnReturn::Value => false,
                OnReturn::Init(_) if matches!(peek!(0), Value::None) => true,
                _ => general!(Instr::ReturnValue),
            };
            // Only the stack's height is handed back, without the value on top: the
            // frame's own instruction pointer is never read again.
            unsafe {
                sp = sp.sub(1);
                self.stack.set_len(sp.offset_from(stack_base) as usize);
                if init {
                    self.return_from_init(sp);
                } else {
                    self.return_plain(sp);
                }
            }
            if crate::vm::signals::attention() {
                return Ok(FastStop::General(Instr::Nop));
            }
            reserved = true;
            continue 'frame;
        }
    }
}

/// Is `func` this native? (Function addresses are stable within one binary; a false
/// answer only means the call takes the ordinary native path.)
#[inline(always)]
#[allow(unpredictable_function_pointer_comparisons)]
fn is_native(func: crate::vm::value::NativeFn, native: crate::vm::value::NativeFn) -> bool {
    func == native
}

/// Whether a yield in `frame` is an async generator's (the general path marks it as a
/// value yield, `Vm::mark_yield_kind`).
#[inline(always)]
fn yields_for_async_generator(frame: &Frame) -> bool {
    frame
        .generator
        .as_ref()
        .is_some_and(|g| g.kind == GenKind::AsyncGenerator)
}
