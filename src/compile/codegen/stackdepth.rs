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
        Dup => (1, None),
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
