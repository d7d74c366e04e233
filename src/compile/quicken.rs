//! Superinstructions: the run loop's copy of a code object's instructions, with common
//! pairs fused into one instruction (`LoadFast; LoadFast`, `LoadFast; LoadAttr`,
//! `LoadConst; Binary`, ...), so the loop dispatches once instead of twice.
//!
//! A fused instruction replaces only the first of its pair; the second stays in place.
//! Jumps into the middle of a pair therefore still land on an original instruction,
//! the line table and jump targets need no change, and the fast path can hand a fused
//! instruction it cannot finish to the general path as its first original
//! (`Instr::unfused`) with the instruction pointer on the second.

use crate::compile::code::Instr;

/// `instrs` with superinstructions written over the first instruction of each pair.
pub fn quicken(instrs: &[Instr]) -> Vec<Instr> {
    let mut quick = instrs.to_vec();
    for (i, pair) in instrs.windows(2).enumerate() {
        if let Some(fused) = fuse(pair[0], pair[1]) {
            quick[i] = fused;
        }
    }
    quick
}

/// The superinstruction for `first; second`, when there is one and its operands fit.
fn fuse(first: Instr, second: Instr) -> Option<Instr> {
    use Instr::*;
    let small = |x: u32| u16::try_from(x).ok();
    Some(match (first, second) {
        (LoadFast(a), LoadFast(b)) => LoadFastLoadFast(small(a)?, small(b)?),
        (LoadFast(a), LoadConst(c)) => LoadFastLoadConst(small(a)?, small(c)?),
        (LoadFast(a), LoadAttr(n)) => LoadFastAttr(small(a)?, small(n)?),
        (LoadFast(a), Binary(op) | InplaceBinary(op)) => FastBinary(small(a)?, op),
        (LoadConst(c), Binary(op) | InplaceBinary(op)) => ConstBinary(small(c)?, op),
        (StoreFast(a), LoadFast(b)) => StoreFastLoadFast(small(a)?, small(b)?),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::BinOp;
    use Instr::*;

    #[test]
    fn fuses_the_first_of_each_pair_and_keeps_the_second() {
        let code = [LoadFast(0), LoadFast(1), Binary(BinOp::Add), ReturnValue];
        let quick = quicken(&code);
        assert_eq!(quick[0], LoadFastLoadFast(0, 1));
        // The second original stays, itself fused with what follows it.
        assert_eq!(quick[1], FastBinary(1, BinOp::Add));
        assert_eq!(quick[2], Binary(BinOp::Add));
        assert_eq!(quick[3], ReturnValue);
        assert_eq!(quick[0].unfused(), LoadFast(0));
    }

    #[test]
    fn leaves_operands_that_do_not_fit() {
        let code = [LoadFast(70_000), LoadFast(1)];
        assert_eq!(quicken(&code), code.to_vec());
    }
}
