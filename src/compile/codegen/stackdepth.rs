//! The operand stack bound of a code object: a worklist walk over the instructions
//! with each instruction's stack effect on the fall-through and jump edges.

use super::jump_target;
use crate::compile::code::Instr;

/// Stack effect of an instruction: (when falling through, when jumping).
fn effect(i: &Instr) -> (i32, Option<i32>) {
    use Instr::*;
    let n = |x: u32| x as i32;
    match *i {
        Nop | RotTwo | RotThree | RotFour | PopBlock | PopExcept => (0, None),
        Pop => (-1, None),
        // Superinstructions never occur in `instrs`; their effect is their pair's.
        LoadFastLoadFast(..) | LoadFastLoadConst(..) => (2, None),
        LoadFastAttr(..) | LoadFastAttrAttr(..) | YieldFast(..) => (1, None),
        FastStoreAttr(..) => (-1, None),
        FastFastStoreAttr(..) | SendFast(..) | SendConst(..) => (0, None),
        FastSendFast(..) | FastSendConst(..) => (1, None),
        StoreFastLoadFast(..) | ConstBinary(..) | FastBinary(..) => (0, None),
        ConstCompare(..) | FastCompare(..) | ReturnConst(..) | ReturnFast(..) => (0, None),
        LoadFastMethod(..) | LoadFastAttrMethod(..) => (2, None),
        StoreFastJump(..) | BinaryReturn(..) => (-1, None),
        FastConstBinary(..) | FastFastBinary(..) | FastConstCompare(..) | FastFastCompare(..) => {
            (1, None)
        }
        FastAddInt(..) | FastCompareInt(..) | FastModInt(..) => (1, None),
        AddInt(..) | ModInt(..) | CompareInt(..) => (0, None),
        IncLocal(..) | FastFastBinaryStore(..) => (0, None),
        Dup => (1, None),
        SetupAnnotations => (0, None),
        DupTwo => (2, None),
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_)
        | LoadGlobal(_) | LoadName(_) | LoadLocals | LoadAssertionError => (1, None),
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => (-1, None),
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => (0, None),
        LoadAttr(_) => (0, None),
        StoreAttr(_) => (-2, None),
        DeleteAttr(_) => (-1, None),
        LoadMethod(_) => (1, None),
        CallMethod(k) => (-n(k) - 1, None),
        BinarySubscr => (-1, None),
        StoreSubscr => (-3, None),
        DeleteSubscr => (-2, None),
        BuildSlice(k) => (1 - n(k), None),
        Binary(_) | InplaceBinary(_) | Compare(_) => (-1, None),
        Unary(_) => (0, None),
        Jump(_) => (0, Some(0)),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) => (-1, Some(-1)),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => (-1, Some(0)),
        GetIter | GetYieldFromIter | GetAwaitable | GetAiter | ListToTuple | YieldValue => {
            (0, None)
        }
        ForIter(_) => (1, Some(-1)),
        BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => (1 - n(k), None),
        BuildMap(k) => (1 - 2 * n(k), None),
        ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => {
            (-1, None)
        }
        MapAdd(_) => (-2, None),
        UnpackSequence(k) => (n(k) - 1, None),
        UnpackEx(k) => (n(k & 0xff) + n(k >> 8), None),
        CallFunction(k) => (-n(k), None),
        CallFunctionKw(k) => (-n(k) - 1, None),
        CallFunctionEx(k) => (-1 - n(k & 1), None),
        MakeFunction(f) => (
            -((f & 1) as i32 + ((f >> 1) & 1) as i32 + ((f >> 3) & 1) as i32),
            None,
        ),
        ReturnValue => (-1, None),
        BuildClass(k) => (-n(k) - 1, None),
        BuildClassKw(k) => (-n(k) - 2, None),
        ImportName(_) | ImportFrom(_) => (1, None),
        SetupFinally(_) => (0, Some(1)),
        Reraise | Raise(_) => (0, None),
        JumpIfNotExcMatch(_) => (-1, Some(-1)),
        SetupWith(_) => (1, Some(1)),
        WithExceptStart => (1, None),
        FormatValue(f) => (-(((f >> 2) & 1) as i32), None),
        YieldFrom => (-1, None),
        GetAnext | BeforeAsyncWith => (1, None),
        EndAsyncFor => (-2, None),
        SetupAsyncWith(_) => (0, Some(0)),
    }
}

fn falls_through(i: &Instr) -> bool {
    !matches!(
        i,
        Instr::Jump(_) | Instr::ReturnValue | Instr::Reraise | Instr::Raise(_)
    )
}

/// The maximum operand stack depth over all paths (a safe upper bound).
pub(super) fn stack_depth(instrs: &[Instr]) -> u32 {
    let mut depth: Vec<i32> = vec![-1; instrs.len() + 1];
    let mut work = vec![(0usize, 0i32)];
    let mut max = 0i32;
    while let Some((pc, d)) = work.pop() {
        if pc >= instrs.len() || depth[pc] >= d || d > 1_000_000 {
            continue;
        }
        depth[pc] = d;
        let i = &instrs[pc];
        let (fall, jump) = effect(i);
        // Instructions that push before popping (e.g. SetupWith) peak at d + push.
        max = max.max(d + fall.max(0)).max(d + jump.unwrap_or(0).max(0));
        if let (Some(j), Some(t)) = (jump, jump_target(i)) {
            work.push((t as usize, (d + j).max(0)));
        }
        if falls_through(i) {
            work.push((pc + 1, (d + fall).max(0)));
        }
    }
    (max + 2) as u32
}

/// A block of the VM's block stack, as the verifier models it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    /// SetupFinally / SetupWith / SetupAsyncWith: (handler target, depth it cuts to).
    Handler(u32, i32),
    ExceptHandler,
}

/// Checks the stack and block discipline of compiled code along every path: the operand
/// depth and the block stack agree wherever paths meet, never underflow, PopBlock pops
/// a handler block, PopExcept / Reraise / EndAsyncFor leave an except handler, and
/// ReturnValue runs with exactly one value and no active block. Returns a description
/// of the first violation.
pub(crate) fn verify(instrs: &[Instr]) -> Result<(), String> {
    use Instr::*;
    let mut state: Vec<Option<(i32, Vec<Block>)>> = vec![None; instrs.len()];
    let mut work: Vec<(usize, i32, Vec<Block>)> = vec![(0, 0, Vec::new())];
    while let Some((pc, d, blocks)) = work.pop() {
        let Some(i) = instrs.get(pc) else {
            return Err(format!("falls off the end at {}", pc));
        };
        if let Some((sd, sb)) = &state[pc] {
            if *sd != d || *sb != blocks {
                return Err(format!(
                    "inconsistent state at {}: depth {} {:?} vs {} {:?}",
                    pc, sd, sb, d, blocks
                ));
            }
            continue;
        }
        state[pc] = Some((d, blocks.clone()));
        let (fall, jump) = effect(i);
        let mut next_blocks = blocks.clone();
        match *i {
            SetupFinally(t) => {
                next_blocks.push(Block::Handler(t, d));
                let mut hb = blocks.clone();
                hb.push(Block::ExceptHandler);
                work.push((t as usize, d + 1, hb));
            }
            SetupWith(t) | SetupAsyncWith(t) => {
                // The handler depth includes `exit` (one below the top after setup).
                let exit_depth = if matches!(i, SetupWith(_)) { d } else { d - 1 };
                next_blocks.push(Block::Handler(t, exit_depth));
                let mut hb = blocks.clone();
                hb.push(Block::ExceptHandler);
                work.push((t as usize, exit_depth + 1, hb));
            }
            PopBlock => match next_blocks.pop() {
                Some(Block::Handler(..)) => {}
                other => return Err(format!("PopBlock at {} pops {:?}", pc, other)),
            },
            PopExcept | EndAsyncFor => match next_blocks.pop() {
                Some(Block::ExceptHandler) => {}
                other => return Err(format!("{:?} at {} pops {:?}", i, pc, other)),
            },
            Reraise if blocks.last() != Some(&Block::ExceptHandler) => {
                return Err(format!("Reraise at {} outside a handler", pc));
            }
            ReturnValue if d != 1 || !blocks.is_empty() => {
                return Err(format!(
                    "ReturnValue at {} with depth {} and blocks {:?}",
                    pc, d, blocks
                ));
            }
            _ => {}
        }
        if let (Some(j), Some(t), false) = (
            jump,
            jump_target(i),
            matches!(i, SetupFinally(_) | SetupWith(_) | SetupAsyncWith(_)),
        ) {
            if d + j < 0 {
                return Err(format!("stack underflow at {}", pc));
            }
            work.push((t as usize, d + j, blocks.clone()));
        }
        if falls_through(i) {
            if d + fall < 0 {
                return Err(format!("stack underflow at {}", pc));
            }
            work.push((pc + 1, d + fall, next_blocks));
        }
    }
    Ok(())
}
