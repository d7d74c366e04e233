//! The fast path's int and float arithmetic and comparisons (`fast.rs`): what stays
//! exact in i64 or plain in f64; None hands the operation to the general path.

use crate::syntax::ast::{BinOp, CmpOp};
use crate::vm::value::Value;

/// The position `i` names in a sequence of `len` items (negative from the end), when
/// it is in range.
#[inline(always)]
pub(super) fn index_in(len: usize, i: i64) -> Option<usize> {
    let at = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&at).then_some(at as usize)
}

/// Both operands, when both are ints.
#[inline(always)]
pub(super) fn int_operands(x: &Value, y: &Value) -> Option<(i64, i64)> {
    match (x, y) {
        (Value::Int(l), Value::Int(r)) => Some((*l, *r)),
        _ => None,
    }
}

/// An ordering comparison of two ints (None: not two ints, or an identity or
/// membership test, which the general path does).
#[inline(always)]
pub(super) fn int_compare(op: CmpOp, x: &Value, y: &Value) -> Option<bool> {
    let (l, r) = int_operands(x, y)?;
    match op {
        CmpOp::Is | CmpOp::IsNot | CmpOp::In | CmpOp::NotIn => None,
        _ => Some(crate::vm::ops::cmp_ord(op, l.cmp(&r))),
    }
}

/// An identity test of any two values, or an equality test of two strings (None for
/// anything else, which may call `__eq__` and stays on the general path).
#[inline(always)]
pub(super) fn identity_compare(op: CmpOp, x: &Value, y: &Value) -> Option<bool> {
    match (op, x, y) {
        (CmpOp::Is, _, _) => Some(x.is(y)),
        (CmpOp::IsNot, _, _) => Some(!x.is(y)),
        (CmpOp::Eq, Value::Str(a), Value::Str(b)) => Some(a.as_str() == b.as_str()),
        (CmpOp::NotEq, Value::Str(a), Value::Str(b)) => Some(a.as_str() != b.as_str()),
        _ => None,
    }
}

/// Float arithmetic: `+ - *`, and `/` by a nonzero divisor, on two floats or a float
/// and an int (converted as CPython converts it, to the nearest float). None for
/// anything else (`//`, `%`, `**`, a zero divisor), which the general path does.
#[inline(always)]
pub(super) fn float_fast(op: BinOp, x: &Value, y: &Value) -> Option<f64> {
    let (l, r) = match (x, y) {
        (Value::Float(l), Value::Float(r)) => (*l, *r),
        (Value::Float(l), Value::Int(r)) => (*l, *r as f64),
        (Value::Int(l), Value::Float(r)) => (*l as f64, *r),
        _ => return None,
    };
    match op {
        BinOp::Add => Some(l + r),
        BinOp::Sub => Some(l - r),
        BinOp::Mult => Some(l * r),
        BinOp::Div if r != 0.0 => Some(l / r),
        _ => None,
    }
}

/// An ordering comparison of two floats (a NaN is unordered: only `!=` holds).
/// Mixed int and float comparisons are exact in CPython and stay on the general path.
#[inline(always)]
pub(super) fn float_compare(op: CmpOp, x: &Value, y: &Value) -> Option<bool> {
    let (Value::Float(l), Value::Float(r)) = (x, y) else {
        return None;
    };
    match op {
        CmpOp::Lt => Some(l < r),
        CmpOp::LtE => Some(l <= r),
        CmpOp::Gt => Some(l > r),
        CmpOp::GtE => Some(l >= r),
        CmpOp::Eq => Some(l == r),
        CmpOp::NotEq => Some(l != r),
        _ => None,
    }
}

/// `x % k` for a positive `k`, as Python defines it (the result takes the sign of
/// `k`: it is in `0..k`).
#[inline(always)]
pub(super) fn int_mod_positive(x: i64, k: i64) -> i64 {
    debug_assert!(k > 0);
    if (x | k) as u64 <= u32::MAX as u64 {
        // A 32-bit division is several times cheaper than a 64-bit one on many x86
        // cores, and the common `% 1000000007` fits.
        ((x as u32) % (k as u32)) as i64
    } else {
        x.rem_euclid(k)
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
        BinOp::Mod if y > 0 => Some(int_mod_positive(x, y)),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(if (x | y) as u64 <= u32::MAX as u64 {
            ((x as u32) / (y as u32)) as i64
        } else {
            x / y
        }),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        _ => None,
    }
}
