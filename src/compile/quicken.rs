//! Superinstructions: the run loop's copy of a code object's instructions, with common
//! pairs fused into one instruction (`LoadFast; LoadFast`, `LoadFast; LoadAttr`,
//! `LoadConst; Binary`, `LoadFast; StoreAttr`, ...), so the loop dispatches once
//! instead of two or three times.
//!
//! A fused instruction replaces only the first of its pair; the second stays in place.
//! Jumps into the middle of a pair therefore still land on an original instruction,
//! the line table and jump targets need no change, and the fast path can hand a fused
//! instruction it cannot finish to the general path as its first original
//! (`Instr::unfused`) with the instruction pointer on the second.

use crate::compile::code::Instr;
use crate::syntax::ast::{BinOp, CmpOp};

/// `instrs` with superinstructions written over the first instruction of each pair;
/// `is_send` tells whether a name (by index) is `send`, `small_int` gives a constant
/// (by index) that is an int in i32's range.
pub fn quicken(
    instrs: &[Instr],
    is_send: impl Fn(u32) -> bool,
    small_int: impl Fn(u32) -> Option<i32>,
) -> Vec<Instr> {
    let mut quick = instrs.to_vec();
    for (i, pair) in instrs.windows(2).enumerate() {
        let third = instrs.get(i + 2).copied();
        let fourth = instrs.get(i + 3).copied();
        let local_send = third
            .zip(fourth)
            .and_then(|(c, d)| fuse_local_send([pair[0], pair[1], c, d], &is_send));
        let stored = third
            .zip(fourth)
            .and_then(|(c, d)| fuse_store([pair[0], pair[1], c, d], &small_int));
        if let Some(fused) = local_send {
            quick[i] = fused;
        } else if let Some(fused) = stored {
            quick[i] = fused;
        } else if let Some(fused) = third.and_then(|c| fuse_send(pair[0], pair[1], c, &is_send)) {
            quick[i] = fused;
        } else if let Some(fused) = third.and_then(|c| fuse_int(pair[0], pair[1], c, &small_int)) {
            quick[i] = fused;
        } else if let Some(fused) = third.and_then(|c| fuse_three(pair[0], pair[1], c)) {
            quick[i] = fused;
        } else if let Some(fused) = fuse_const_int(pair[0], pair[1], &small_int) {
            quick[i] = fused;
        } else if let Some(fused) = fuse(pair[0], pair[1]) {
            // `gen.send(x)` keeps its own fusion on the LoadMethod.
            let before_send = matches!(pair[1], Instr::LoadMethod(n) if is_send(n));
            if !before_send {
                quick[i] = fused;
            }
        }
    }
    quick
}

/// The superinstruction for `first; second; third`: an int operation on a local and a
/// constant or two locals (`n - 1`, `i < n`), an attribute of an attribute of a local
/// (`self.pos.x`) or a method of one (`self.items.append`), a local stored as an
/// attribute of a local (`self.x = x`).
fn fuse_three(first: Instr, second: Instr, third: Instr) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    Some(match (first, second, third) {
        (LoadFast(a), LoadConst(c), Binary(op) | InplaceBinary(op)) => {
            FastConstBinary(small(a)?, small(c)?, op)
        }
        (LoadFast(a), LoadFast(b), Binary(op) | InplaceBinary(op)) => {
            FastFastBinary(small(a)?, small(b)?, op)
        }
        (LoadFast(a), LoadConst(c), Compare(op)) => FastConstCompare(small(a)?, small(c)?, op),
        (LoadFast(a), LoadFast(b), Compare(op)) => FastFastCompare(small(a)?, small(b)?, op),
        (LoadFast(a), LoadAttr(n), LoadAttr(m)) => {
            LoadFastAttrAttr(small(a)?, small(n)?, small(m)?)
        }
        (LoadFast(a), LoadAttr(n), LoadMethod(m)) => {
            LoadFastAttrMethod(small(a)?, small(n)?, small(m)?)
        }
        (LoadFast(v), LoadFast(obj), StoreAttr(n)) => {
            FastFastStoreAttr(small(v)?, small(obj)?, small(n)?)
        }
        _ => return None,
    })
}

/// `local + k`, `local - k`, `local % k` (for a positive `k`) and `local < k` (any
/// ordering or equality) with `k` a small int constant: the constant's value goes
/// into the instruction, and the operation into its kind.
fn fuse_int(
    first: Instr,
    second: Instr,
    third: Instr,
    small_int: impl Fn(u32) -> Option<i32>,
) -> Option<Instr> {
    use Instr::*;
    let (LoadFast(a), LoadConst(c)) = (first, second) else {
        return None;
    };
    let a = u16::try_from(a).ok()?;
    let k = small_int(c)?;
    match third {
        Binary(BinOp::Add) | InplaceBinary(BinOp::Add) => Some(FastAddInt(a, k)),
        Binary(BinOp::Sub) | InplaceBinary(BinOp::Sub) => Some(FastAddInt(a, k.checked_neg()?)),
        Binary(BinOp::Mod) | InplaceBinary(BinOp::Mod) if k > 0 => Some(FastModInt(a, k)),
        Compare(op) if is_ordering(op) => Some(FastCompareInt(a, k, op)),
        _ => None,
    }
}

/// An operation on locals stored into a local: `local += k` and `local -= k` (or
/// `local = local + k`) with `k` a small int constant, the local updated in place
/// (`Instr::IncLocal`); `c = a op b` on two locals (`s += x`:
/// `Instr::FastFastBinaryStore`).
fn fuse_store(four: [Instr; 4], small_int: impl Fn(u32) -> Option<i32>) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    match four {
        [LoadFast(a), LoadConst(c), op, StoreFast(b)] if a == b => {
            let a = small(a)?;
            let k = small_int(c)?;
            match op {
                Binary(BinOp::Add) | InplaceBinary(BinOp::Add) => Some(IncLocal(a, k)),
                Binary(BinOp::Sub) | InplaceBinary(BinOp::Sub) => {
                    Some(IncLocal(a, k.checked_neg()?))
                }
                _ => None,
            }
        }
        [LoadFast(a), LoadFast(b), Binary(op) | InplaceBinary(op), StoreFast(c)] => {
            Some(FastFastBinaryStore(small(a)?, small(b)?, small(c)?, op))
        }
        _ => None,
    }
}

/// An ordering or equality (decided by comparing two ints), not an identity or
/// membership test.
fn is_ordering(op: CmpOp) -> bool {
    matches!(
        op,
        CmpOp::Eq | CmpOp::NotEq | CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE
    )
}

/// `<top> + k`, `<top> - k`, `<top> % k` and `<top> < k` with `k` a small int
/// constant (positive for `%`), as `fuse_int` does for a local.
fn fuse_const_int(
    first: Instr,
    second: Instr,
    small_int: impl Fn(u32) -> Option<i32>,
) -> Option<Instr> {
    use Instr::*;
    let LoadConst(c) = first else {
        return None;
    };
    let k = small_int(c)?;
    let c = u16::try_from(c).ok()?;
    match second {
        Binary(BinOp::Add) | InplaceBinary(BinOp::Add) => Some(AddInt(c, k)),
        Binary(BinOp::Sub) | InplaceBinary(BinOp::Sub) => Some(AddInt(c, k.checked_neg()?)),
        Binary(BinOp::Mod) | InplaceBinary(BinOp::Mod) if k > 0 => Some(ModInt(c, k)),
        Compare(op) if is_ordering(op) => Some(CompareInt(c, k, op)),
        _ => None,
    }
}

/// `gen.send(x)` with `x` a local or a constant: one instruction that resumes the
/// generator in place (the method of a generator or coroutine called `send` is always
/// the native one: built-in types cannot be changed).
fn fuse_send(
    first: Instr,
    second: Instr,
    third: Instr,
    is_send: impl Fn(u32) -> bool,
) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    match (first, second, third) {
        (LoadMethod(n), LoadFast(a), CallMethod(1)) if is_send(n) => {
            Some(SendFast(small(n)?, small(a)?))
        }
        (LoadMethod(n), LoadConst(c), CallMethod(1)) if is_send(n) => {
            Some(SendConst(small(n)?, small(c)?))
        }
        _ => None,
    }
}

/// `local.send(x)` with `x` a local or a constant: the generator loaded from its
/// local and resumed in one instruction (the `LoadMethod` that follows is itself
/// fused by `fuse_send`, and does the rest when the local is not a generator).
fn fuse_local_send(four: [Instr; 4], is_send: impl Fn(u32) -> bool) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    match four {
        [LoadFast(g), LoadMethod(n), LoadFast(a), CallMethod(1)] if is_send(n) => {
            Some(FastSendFast(small(g)?, small(a)?))
        }
        [LoadFast(g), LoadMethod(n), LoadConst(c), CallMethod(1)] if is_send(n) => {
            Some(FastSendConst(small(g)?, small(c)?))
        }
        _ => None,
    }
}

/// The superinstruction for `first; second`, when there is one and its operands fit.
fn fuse(first: Instr, second: Instr) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    Some(match (first, second) {
        (LoadFast(a), LoadFast(b)) => LoadFastLoadFast(small(a)?, small(b)?),
        (LoadFast(a), LoadConst(c)) => LoadFastLoadConst(small(a)?, small(c)?),
        (LoadFast(a), LoadAttr(n)) => LoadFastAttr(small(a)?, small(n)?),
        (LoadFast(obj), StoreAttr(n)) => FastStoreAttr(small(obj)?, small(n)?),
        (LoadFast(a), Binary(op) | InplaceBinary(op)) => FastBinary(small(a)?, op),
        (LoadConst(c), Binary(op) | InplaceBinary(op)) => ConstBinary(small(c)?, op),
        (StoreFast(a), LoadFast(b)) => StoreFastLoadFast(small(a)?, small(b)?),
        (StoreFast(a), Jump(t)) => StoreFastJump(small(a)?, t),
        (LoadFast(a), YieldValue) => YieldFast(small(a)?),
        (LoadConst(c), ReturnValue) => ReturnConst(small(c)?),
        (LoadFast(a), ReturnValue) => ReturnFast(small(a)?),
        (Binary(op), ReturnValue) => BinaryReturn(op),
        (LoadConst(c), Compare(op)) => ConstCompare(small(c)?, op),
        (LoadFast(a), Compare(op)) => FastCompare(small(a)?, op),
        (LoadFast(a), LoadMethod(n)) => LoadFastMethod(small(a)?, small(n)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::{BinOp, CmpOp};
    use Instr::*;

    #[test]
    fn fuses_the_first_of_each_pair_and_keeps_the_second() {
        let code = [
            LoadFast(0),
            LoadFast(1),
            LoadFast(2),
            Binary(BinOp::Add),
            ReturnValue,
        ];
        let quick = quicken(&code, |_| false, |_| None);
        assert_eq!(quick[0], LoadFastLoadFast(0, 1));
        // The second original stays, itself fused with what follows it.
        assert_eq!(quick[1], FastFastBinary(1, 2, BinOp::Add));
        assert_eq!(quick[2], FastBinary(2, BinOp::Add));
        assert_eq!(quick[3], BinaryReturn(BinOp::Add));
        assert_eq!(quick[4], ReturnValue);
        assert_eq!(quick[0].unfused(), LoadFast(0));
        assert_eq!(quick[3].unfused(), Binary(BinOp::Add));
    }

    #[test]
    fn fuses_a_send_to_a_local_generator_and_a_store_before_a_jump() {
        // `last = g.send(i)` at the end of a loop body.
        let code = [
            LoadFast(0),
            LoadMethod(7),
            LoadFast(1),
            CallMethod(1),
            StoreFast(2),
            Jump(0),
        ];
        let quick = quicken(&code, |n| n == 7, |_| None);
        assert_eq!(quick[0], FastSendFast(0, 1));
        // The LoadMethod is fused too: it does the send when the local is pushed.
        assert_eq!(quick[1], SendFast(7, 1));
        assert_eq!(quick[4], StoreFastJump(2, 0));
        assert_eq!(quick[5], Jump(0));
        assert_eq!(quick[0].unfused(), LoadFast(0));
        assert_eq!(quick[4].unfused(), StoreFast(2));
        // A method of another name is no send: a plain local's method.
        assert_eq!(quicken(&code, |_| false, |_| None)[0], LoadFastMethod(0, 7));
    }

    #[test]
    fn fuses_an_operation_on_locals_and_constants_into_one() {
        let code = [
            LoadFast(0),
            LoadConst(1),
            Binary(BinOp::Sub),
            LoadFast(0),
            LoadFast(1),
            Compare(CmpOp::Lt),
        ];
        let quick = quicken(&code, |_| false, |_| None);
        assert_eq!(quick[0], FastConstBinary(0, 1, BinOp::Sub));
        assert_eq!(quick[1], ConstBinary(1, BinOp::Sub));
        assert_eq!(quick[3], FastFastCompare(0, 1, CmpOp::Lt));
        assert_eq!(quick[3].unfused(), LoadFast(0));
        // Still one word per instruction.
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn puts_a_small_int_constant_into_the_instruction() {
        // `n - 1`, `i += 1`, `n < 2`, and the same with constants that are no small
        // int, or an operation that is not `+`, `-` or an ordering.
        let code = [
            LoadFast(0),
            LoadConst(1),
            Binary(BinOp::Sub),
            LoadFast(0),
            LoadConst(1),
            InplaceBinary(BinOp::Add),
            LoadFast(0),
            LoadConst(2),
            Compare(CmpOp::Lt),
            LoadFast(0),
            LoadConst(3),
            Binary(BinOp::Add),
            LoadFast(0),
            LoadConst(1),
            Binary(BinOp::Mult),
            LoadFast(0),
            LoadConst(1),
            Compare(CmpOp::Is),
            LoadFast(0),
            LoadConst(4),
            Binary(BinOp::Sub),
        ];
        let small_int = |c: u32| match c {
            1 => Some(1),
            2 => Some(2),
            4 => Some(i32::MIN),
            _ => None,
        };
        let quick = quicken(&code, |_| false, small_int);
        assert_eq!(quick[0], FastAddInt(0, -1));
        assert_eq!(quick[3], FastAddInt(0, 1));
        assert_eq!(quick[6], FastCompareInt(0, 2, CmpOp::Lt));
        assert_eq!(quick[9], FastConstBinary(0, 3, BinOp::Add));
        assert_eq!(quick[12], FastConstBinary(0, 1, BinOp::Mult));
        assert_eq!(quick[15], FastConstCompare(0, 1, CmpOp::Is));
        // `- i32::MIN` has no i32: the general superinstruction.
        assert_eq!(quick[18], FastConstBinary(0, 4, BinOp::Sub));
        // The constant and its operation after the first: with the value on the stack.
        assert_eq!(quick[1], AddInt(1, -1));
        assert_eq!(quick[4], AddInt(1, 1));
        assert_eq!(quick[13], ConstBinary(1, BinOp::Mult));
        assert_eq!(quick[1].unfused(), LoadConst(1));
        assert_eq!(quick[0].unfused(), LoadFast(0));
        assert_eq!(quick[6].unfused(), LoadFast(0));
        // `%` by a positive small int, on a local and on the value on the stack.
        let code = [
            LoadFast(0),
            LoadConst(2),
            Binary(BinOp::Mod),
            LoadConst(5),
            InplaceBinary(BinOp::Mod),
        ];
        let small_int = |c: u32| [0, 1, 7, 0, 0, -7].get(c as usize).copied();
        let quick = quicken(&code, |_| false, small_int);
        assert_eq!(quick[0], FastModInt(0, 7));
        assert_eq!(quick[1], ModInt(2, 7));
        // Not by a negative one.
        assert_eq!(quick[3], ConstBinary(5, BinOp::Mod));
        // A comparison of the value on the stack with a small int; not `is`.
        let code = [
            LoadConst(2),
            Compare(CmpOp::Lt),
            LoadConst(2),
            Compare(CmpOp::Is),
        ];
        let quick = quicken(&code, |_| false, small_int);
        assert_eq!(quick[0], CompareInt(2, 7, CmpOp::Lt));
        assert_eq!(quick[2], ConstCompare(2, CmpOp::Is));
        assert_eq!(quick[0].unfused(), LoadConst(2));
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn fuses_an_operation_stored_into_a_local() {
        // `i += 1; <loop back>`, `n = n - 2`, and neither when the store is to another
        // local, the operation is not `+` or `-`, or the constant is no small int.
        let code = [
            LoadFast(0),
            LoadConst(1),
            InplaceBinary(BinOp::Add),
            StoreFast(0),
            Jump(0),
            LoadFast(1),
            LoadConst(2),
            Binary(BinOp::Sub),
            StoreFast(1),
            LoadFast(0),
            LoadConst(1),
            Binary(BinOp::Add),
            StoreFast(1),
            LoadFast(0),
            LoadConst(1),
            Binary(BinOp::Mult),
            StoreFast(0),
            LoadFast(0),
            LoadConst(3),
            Binary(BinOp::Add),
            StoreFast(0),
        ];
        let small_int = |c: u32| match c {
            1 => Some(1),
            2 => Some(2),
            _ => None,
        };
        let quick = quicken(&code, |_| false, small_int);
        assert_eq!(quick[0], IncLocal(0, 1));
        assert_eq!(quick[5], IncLocal(1, -2));
        assert_eq!(quick[9], FastAddInt(0, 1));
        assert_eq!(quick[13], FastConstBinary(0, 1, BinOp::Mult));
        assert_eq!(quick[17], FastConstBinary(0, 3, BinOp::Add));
        // The originals after it keep their own fusions, for a jump into them and for
        // a local that is not an int.
        assert_eq!(quick[1], AddInt(1, 1));
        assert_eq!(quick[3], StoreFastJump(0, 0));
        assert_eq!(quick[0].unfused(), LoadFast(0));
        // `s += x` and `z = x * y`: an operation on two locals stored into a local.
        let code = [
            LoadFast(0),
            LoadFast(1),
            InplaceBinary(BinOp::Add),
            StoreFast(0),
            Jump(0),
            LoadFast(1),
            LoadFast(2),
            Binary(BinOp::Mult),
            StoreFast(3),
            LoadFast(1),
            LoadFast(2),
            Compare(CmpOp::Lt),
            StoreFast(3),
        ];
        let quick = quicken(&code, |_| false, small_int);
        assert_eq!(quick[0], FastFastBinaryStore(0, 1, 0, BinOp::Add));
        assert_eq!(quick[5], FastFastBinaryStore(1, 2, 3, BinOp::Mult));
        assert_eq!(quick[9], FastFastCompare(1, 2, CmpOp::Lt));
        assert_eq!(quick[1], FastBinary(1, BinOp::Add));
        assert_eq!(quick[0].unfused(), LoadFast(0));
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn fuses_attribute_chains_and_stores_from_locals() {
        let code = [
            LoadFast(0),
            LoadAttr(1),
            LoadAttr(2),
            LoadFast(3),
            LoadFast(0),
            StoreAttr(4),
        ];
        let quick = quicken(&code, |_| false, |_| None);
        assert_eq!(quick[0], LoadFastAttrAttr(0, 1, 2));
        assert_eq!(quick[1], LoadAttr(1));
        assert_eq!(quick[3], FastFastStoreAttr(3, 0, 4));
        assert_eq!(quick[4], FastStoreAttr(0, 4));
        assert_eq!(quick[3].unfused(), LoadFast(3));
        assert_eq!(std::mem::size_of::<Instr>(), 8);
    }

    #[test]
    fn fuses_returns_compares_and_method_loads() {
        let code = [
            LoadFast(0),
            LoadAttr(1),
            LoadMethod(2),
            LoadFast(3),
            Compare(CmpOp::Lt),
            LoadConst(4),
            Compare(CmpOp::Gt),
            LoadFast(5),
            LoadMethod(6),
            LoadConst(7),
            ReturnValue,
        ];
        let quick = quicken(&code, |_| false, |_| None);
        assert_eq!(quick[0], LoadFastAttrMethod(0, 1, 2));
        assert_eq!(quick[3], FastCompare(3, CmpOp::Lt));
        assert_eq!(quick[5], ConstCompare(4, CmpOp::Gt));
        assert_eq!(quick[7], LoadFastMethod(5, 6));
        assert_eq!(quick[9], ReturnConst(7));
        assert_eq!(quick[0].unfused(), LoadFast(0));
        assert_eq!(quick[9].unfused(), LoadConst(7));
        // A local's `send` is left to the send fusions (`g.send(x + 1)` here).
        let send = [LoadFast(0), LoadMethod(1), LoadFast(2), LoadConst(3)];
        let quick = quicken(&send, |n| n == 1, |_| None);
        assert_eq!(quick[0], LoadFast(0));
        assert_eq!(quick[1], LoadMethod(1));
    }

    #[test]
    fn leaves_operands_that_do_not_fit() {
        let code = [LoadFast(70_000), LoadFast(1)];
        assert_eq!(quicken(&code, |_| false, |_| None), code.to_vec());
    }
}
