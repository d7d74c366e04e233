//! The instructions the fast loop (`fast.rs`) hands to the general path as they are:
//! every instruction without an arm of its own there, named one by one.
//!
//! `run_fast`'s `match` has no `_` arm: with every instruction named, its jump table
//! covers the whole `Instr` range and a dispatch needs no range check (one compare and
//! branch fewer per bytecode; docs/architecture.md, "Dispatch"). A new instruction must
//! therefore be placed: given an arm in `run_fast`, or listed here.

/// A pattern matching every instruction `run_fast` leaves to `execute`.
macro_rules! handed_over {
    () => {
        Instr::DupTwo
            | Instr::RotThree
            | Instr::RotFour
            | Instr::DeleteFast(..)
            | Instr::DeleteDeref(..)
            | Instr::LoadClosure(..)
            | Instr::LoadClassDeref(..)
            | Instr::DeleteGlobal(..)
            | Instr::LoadName(..)
            | Instr::StoreName(..)
            | Instr::DeleteName(..)
            | Instr::LoadLocals
            | Instr::SetupAnnotations
            | Instr::DeleteAttr(..)
            | Instr::DeleteSubscr
            | Instr::BuildSlice(..)
            | Instr::Unary(..)
            | Instr::JumpIfFalseOrPop(..)
            | Instr::JumpIfTrueOrPop(..)
            | Instr::GetIter
            | Instr::BuildTuple(..)
            | Instr::BuildList(..)
            | Instr::BuildSet(..)
            | Instr::BuildMap(..)
            | Instr::ListAppend(..)
            | Instr::SetAdd(..)
            | Instr::MapAdd(..)
            | Instr::ListExtend(..)
            | Instr::SetUpdate(..)
            | Instr::DictUpdate(..)
            | Instr::DictMerge(..)
            | Instr::ListToTuple
            | Instr::UnpackSequence(..)
            | Instr::UnpackEx(..)
            | Instr::CallFunctionKw(..)
            | Instr::CallFunctionEx(..)
            | Instr::MakeFunction(..)
            | Instr::BuildClass(..)
            | Instr::BuildClassKw(..)
            | Instr::ImportName(..)
            | Instr::ImportFrom(..)
            | Instr::SetupFinally(..)
            | Instr::PopBlock
            | Instr::PopExcept
            | Instr::Reraise
            | Instr::Raise(..)
            | Instr::JumpIfNotExcMatch(..)
            | Instr::LoadAssertionError
            | Instr::SetupWith(..)
            | Instr::WithExceptStart
            | Instr::FormatValue(..)
            | Instr::BuildString(..)
            | Instr::GetYieldFromIter
            | Instr::GetAiter
            | Instr::GetAnext
            | Instr::EndAsyncFor
            | Instr::BeforeAsyncWith
            | Instr::SetupAsyncWith(..)
    };
}

pub(super) use handed_over;
