//! Arithmetic, bitwise and comparison operators with Python's semantics: the numeric
//! tower (bool ⊂ int ⊂ float, i64 promoting to big integers), sequence concatenation and
//! repetition, set algebra, and the dunder protocol with reflected operands and
//! `NotImplemented`.

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{DictViewKind, Value};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;

/// The result of an ordering for a comparison operator.
pub fn cmp_ord(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        _ => false,
    }
}

/// A number as the arithmetic sees it.
enum Num {
    I(i64),
    B(BigInt),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::I(*i)),
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::BigInt(b) => Some(Num::B((**b).clone())),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn to_big(n: &Num) -> BigInt {
    match n {
        Num::I(i) => BigInt::from(*i),
        Num::B(b) => b.clone(),
        Num::F(_) => BigInt::zero(),
    }
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => Ok(*i as f64),
        Num::B(b) => crate::vm::format::bigint_to_f64(b),
        Num::F(f) => Ok(*f),
    }
}

/// Equality that needs no user code; None when user code might be involved.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Int(x), Int(y)) => x == y,
        (Str(x), Str(y)) => Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Float(x), Float(y)) => x == y,
        (Int(_) | Bool(_) | BigInt(_) | Float(_), Int(_) | Bool(_) | BigInt(_) | Float(_)) => {
            num_cmp(&as_num(a)?, &as_num(b)?) == Some(Ordering::Equal)
        }
        (List(_) | Tuple(_) | Dict(_) | Set(_) | Instance(_), _) => return Option::None,
        (_, Instance(_)) => return Option::None,
        (BoundMethod(x), BoundMethod(y)) => x.self_.is(&y.self_) && x.func.is(&y.func),
        (Range(x), Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => a.is(b),
    })
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::F(x), other) | (other, Num::F(x)) => {
            let flip = matches!(a, Num::F(_));
            let o = float_int_cmp(*x, &to_big(other))?;
            Some(if flip { o } else { o.reverse() })
        }
        _ => Some(to_big(a).cmp(&to_big(b))),
    }
}

/// Exact comparison of a float with an int (no rounding of the int).
fn float_int_cmp(x: f64, i: &BigInt) -> Option<Ordering> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    let fl = x.floor();
    let fb = BigInt::from(fl as i128);
    let fb = if fl.abs() < 1e38 {
        fb
    } else {
        crate::vm::format::f64_to_bigint(fl).unwrap_or(fb)
    };
    match fb.cmp(i) {
        Ordering::Equal => {
            if x > fl {
                Some(Ordering::Greater)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mult => "*",
        BinOp::MatMult => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mult => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMult => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

fn int_op(op: BinOp, a: &Num, b: &Num) -> PyResult<Value> {
    if let (Num::I(x), Num::I(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mult => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer division or modulo by zero"));
                }
                if x == i64::MIN && y == -1 {
                    None
                } else {
                    Some(Integer::div_floor(&x, &y))
                }
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer modulo by zero"));
                }
                if y == -1 {
                    Some(0)
                } else {
                    Some(Integer::mod_floor(&x, &y))
                }
            }
            BinOp::BitAnd => Some(x & y),
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            BinOp::LShift => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                if y < 63 && (x.unsigned_abs() >> (63 - y)) == 0 {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::Pow => {
                if y < 0 {
                    return float_op(op, x as f64, y as f64);
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else {
                    None
                }
            }
            BinOp::Div => {
                if y == 0 {
                    return Err(PyErr::zero_division("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
                None
            }
            BinOp::MatMult => None,
        };
        if let Some(r) = r {
            return Ok(Value::Int(r));
        }
    }
    let (x, y) = (to_big(a), to_big(b));
    Ok(match op {
        BinOp::Add => Value::bigint(x + y),
        BinOp::Sub => Value::bigint(x - y),
        BinOp::Mult => Value::bigint(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            Value::bigint(x.div_floor(&y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Value::bigint(x.mod_floor(&y))
        }
        BinOp::BitAnd => Value::bigint(x & y),
        BinOp::BitOr => Value::bigint(x | y),
        BinOp::BitXor => Value::bigint(x ^ y),
        BinOp::LShift => {
            let n = y.to_u64().ok_or_else(|| {
                if y.is_negative() {
                    PyErr::value_error("negative shift count")
                } else {
                    PyErr::overflow_error("too many digits in integer")
                }
            })?;
            if n > 1 << 32 {
                return Err(PyErr::overflow_error("too many digits in integer"));
            }
            Value::bigint(x << n)
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            let n = y.to_u64().unwrap_or(u64::MAX).min(1 << 40);
            // Arithmetic shift (floor), as Python does for negatives.
            let d = BigInt::from(1) << n.min(1 << 32);
            Value::bigint(x.div_floor(&d))
        }
        BinOp::Pow => {
            if y.is_negative() {
                return float_op(op, to_f64(a)?, to_f64(b)?);
            }
            let e = y
                .to_u32()
                .ok_or_else(|| PyErr::overflow_error("exponent too large"))?;
            if x.bits() * e as u64 > 64_000_000 {
                return Err(PyErr::new(crate::vm::error::ExcType::MemoryError, ""));
            }
            Value::bigint(num_traits::pow(x, e as usize))
        }
        BinOp::Div => {
            if y.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            Value::Float(crate::vm::format::int_true_div(&x, &y)?)
        }
        BinOp::MatMult => return Err(PyErr::type_error("unsupported operand type(s) for @")),
    })
}

fn float_op(op: BinOp, x: f64, y: f64) -> PyResult<Value> {
    use crate::vm::format as f;
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            x / y
        }
        BinOp::FloorDiv => f::float_floordiv(x, y)?,
        BinOp::Mod => f::float_mod(x, y)?,
        BinOp::Pow => f::float_pow(x, y)?,
        _ => return Err(PyErr::type_error("bad float operation")),
    }))
}

impl Vm {
    /// `a op b`
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.binary_op_as(op, a, b, false)
    }

    /// `binary_op`, for `a op b` or (`inplace`) the fallback of `a op= b`, whose
    /// TypeError names the augmented operator (`for -=:`), as CPython's does.
    fn binary_op_as(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        if let Some(v) = self.native_binary(op, a, b)? {
            return Ok(v);
        }
        if let (BinOp::Mod, Value::Str(fmt)) = (op, a) {
            return crate::vm::percent::format(self, fmt.as_str(), b);
        }
        let (name, rname, _) = dunder(op);
        if matches!(a, Value::Instance(_)) {
            if let Some(r) = self.call_special(a, name, vec![b.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if matches!(b, Value::Instance(_)) && !Rc::ptr_eq(&self.type_of(a), &self.type_of(b)) {
            if let Some(r) = self.call_special(b, rname, vec![a.clone()])? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if op == BinOp::BitOr {
            if let Some(union) = self.type_union(a, b)? {
                return Ok(union);
            }
        }
        Err(self.unsupported(op, a, b, inplace))
    }

    fn unsupported(&self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyErr {
        if op == BinOp::Add {
            match a {
                Value::Str(_) => {
                    return PyErr::type_error(format!(
                        "can only concatenate str (not \"{}\") to str",
                        self.type_name(b)
                    ))
                }
                Value::List(_) | Value::Tuple(_) => {
                    return PyErr::type_error(format!(
                        "can only concatenate {} (not \"{}\") to {}",
                        self.type_name(a),
                        self.type_name(b),
                        self.type_name(a)
                    ))
                }
                _ => {}
            }
        }
        // A sequence on either side is repeated by the other operand, which is not an
        // int here (as CPython tries the left operand's repeat first).
        let is_sequence = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
        if op == BinOp::Mult && (is_sequence(a) || is_sequence(b)) {
            let count = if is_sequence(a) { b } else { a };
            return PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(count)
            ));
        }
        let symbol = match (inplace, op) {
            (false, _) => op_symbol(op).to_string(),
            // (Not `** or pow()=`.)
            (true, BinOp::Pow) => "**=".to_string(),
            (true, _) => format!("{}=", op_symbol(op)),
        };
        PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            symbol,
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// `a op= b`: `__iop__` first, then the plain operator. Lists extend in place.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b).map_err(|_| {
                    PyErr::type_error(format!("'{}' object is not iterable", self.type_name(b)))
                })?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::BitOr, Value::Set(_))
            | (BinOp::BitAnd, Value::Set(_))
            | (BinOp::Sub, Value::Set(_))
            | (BinOp::BitXor, Value::Set(_)) => {
                if let (Value::Set(target), Value::Set(other)) = (a, b) {
                    if !target.frozen
                        && crate::vm::methods::sets::update_set_in_place(self, op, target, other)?
                    {
                        return Ok(a.clone());
                    }
                }
                let r = self.binary_op(op, a, b)?;
                if let (Value::Set(target), Value::Set(src)) = (a, &r) {
                    if !target.frozen {
                        *target.table.borrow_mut() = src.table.borrow().clone();
                        return Ok(a.clone());
                    }
                }
                return Ok(r);
            }
            (BinOp::BitOr, Value::Dict(d)) if matches!(b, Value::Dict(_)) => {
                self.dict_update_from(a, b, false)?;
                let _ = d;
                return Ok(a.clone());
            }
            (_, Value::Instance(_)) => {
                let (_, _, iname) = dunder(op);
                if let Some(r) = self.call_special(a, iname, vec![b.clone()])? {
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        self.binary_op_as(op, a, b, true)
    }

    fn native_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            let is_bool_op = matches!(a, Value::Bool(_)) && matches!(b, Value::Bool(_));
            if is_bool_op && matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
                let (p, q) = (
                    matches!(a, Value::Bool(true)),
                    matches!(b, Value::Bool(true)),
                );
                return Ok(Some(Value::Bool(match op {
                    BinOp::BitAnd => p & q,
                    BinOp::BitOr => p | q,
                    _ => p ^ q,
                })));
            }
            if matches!(x, Num::F(_)) || matches!(y, Num::F(_)) {
                if matches!(
                    op,
                    BinOp::LShift
                        | BinOp::RShift
                        | BinOp::BitAnd
                        | BinOp::BitOr
                        | BinOp::BitXor
                        | BinOp::MatMult
                ) {
                    return Ok(None);
                }
                return float_op(op, to_f64(&x)?, to_f64(&y)?).map(Some);
            }
            if op == BinOp::MatMult {
                return Ok(None);
            }
            return int_op(op, &x, &y).map(Some);
        }
        Ok(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::from_string(s))
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Some(Value::list(v))
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (
                BinOp::Mult,
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            ) => Some(self.repeat(a, b)?),
            (
                BinOp::Mult,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Str(_) | Value::List(_) | Value::Tuple(_),
            ) => Some(self.repeat(b, a)?),
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(x),
                Value::Set(y),
            ) => Some(self.set_algebra(op, x, y)?),
            (BinOp::BitOr, Value::Dict(x), Value::Dict(_)) => {
                let d = Value::dict(x.borrow().clone());
                self.dict_update_from(&d, b, false)?;
                Some(d)
            }
            // The set operators of keys and items views, on either side of a set or
            // another view (any iterable on the view's right).
            (BinOp::Sub | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor, Value::DictView(v), _)
                if set_like_view(v) =>
            {
                let sa = self.collect(a)?;
                let sa = self.new_set(sa, false)?;
                let sb = self.collect(b)?;
                let sb = self.new_set(sb, false)?;
                return self.native_binary(op, &sa, &sb);
            }
            (
                BinOp::Sub | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor,
                Value::Set(_),
                Value::DictView(v),
            ) if set_like_view(v) => {
                let sb = self.collect(b)?;
                let sb = self.new_set(sb, false)?;
                return self.native_binary(op, a, &sb);
            }
            _ => None,
        })
    }

    fn repeat(&mut self, seq: &Value, n: &Value) -> PyResult<Value> {
        let n = match n {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            _ => {
                return Err(PyErr::overflow_error(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        };
        let n = n.max(0) as usize;
        let total = match seq {
            Value::Str(s) => s.as_str().len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            _ => 0,
        }
        .saturating_mul(n);
        if total > 1 << 34 {
            return Err(PyErr::new(crate::vm::error::ExcType::MemoryError, ""));
        }
        Ok(match seq {
            Value::Str(s) => Value::from_string(s.as_str().repeat(n)),
            Value::List(l) => {
                let items = l.borrow();
                let mut v = Vec::with_capacity(items.len() * n);
                for _ in 0..n {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            Value::Tuple(t) => {
                let mut v = Vec::with_capacity(t.len() * n);
                for _ in 0..n {
                    v.extend(t.iter().cloned());
                }
                Value::tuple(v)
            }
            other => other.clone(),
        })
    }

    /// `-a`, `+a`, `~a` (`not` is handled by the run loop).
    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        let r = match (op, a) {
            (UnaryOp::USub, Value::Int(i)) => Some(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::bigint(-BigInt::from(*i)),
            }),
            (UnaryOp::USub, Value::Bool(b)) => Some(Value::Int(-(*b as i64))),
            (UnaryOp::USub, Value::BigInt(b)) => Some(Value::bigint(-(**b).clone())),
            (UnaryOp::USub, Value::Float(f)) => Some(Value::Float(-f)),
            (UnaryOp::UAdd, Value::Int(_) | Value::BigInt(_) | Value::Float(_)) => Some(a.clone()),
            (UnaryOp::UAdd, Value::Bool(b)) => Some(Value::Int(*b as i64)),
            (UnaryOp::Invert, Value::Int(i)) => Some(Value::Int(!i)),
            (UnaryOp::Invert, Value::Bool(b)) => Some(Value::Int(!(*b as i64))),
            (UnaryOp::Invert, Value::BigInt(b)) => Some(Value::bigint(-(**b).clone() - 1)),
            (UnaryOp::Not, _) => Some(Value::Bool(!self.truthy(a)?)),
            _ => None,
        };
        if let Some(r) = r {
            return Ok(r);
        }
        let (name, sym) = match op {
            UnaryOp::USub => ("__neg__", "-"),
            UnaryOp::UAdd => ("__pos__", "+"),
            UnaryOp::Invert => ("__invert__", "~"),
            UnaryOp::Not => ("__bool__", "not"),
        };
        if let Some(r) = self.call_special(a, name, Vec::new())? {
            return Ok(r);
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            self.type_name(a)
        )))
    }

    /// `a < b` as a bool, for sorting: ints, floats, strs and tuples of them directly,
    /// anything else through `compare` (and `__lt__`).
    pub fn less_than(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
            (Value::Tuple(x), Value::Tuple(y)) => self.sequence_order(CmpOp::Lt, x, y),
            _ => {
                let r = self.compare(CmpOp::Lt, a, b)?;
                self.truthy(&r)
            }
        }
    }

    /// `a cmp b` (all ten comparison operators).
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Value::Bool(!a.is(b))),
            CmpOp::In => return Ok(Value::Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::Bool(!self.contains(b, a)?)),
            _ => {}
        }
        if let Some(o) = self.native_order(op, a, b)? {
            return Ok(Value::Bool(o));
        }
        let (name, rname) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!("handled above"),
        };
        // A subclass's reflected method goes first (as CPython does).
        let b_first = matches!(b, Value::Instance(_)) && {
            let (ta, tb) = (self.type_of(a), self.type_of(b));
            !Rc::ptr_eq(&ta, &tb) && tb.is_subclass(&ta)
        };
        let order: [(&Value, &str, &Value); 2] = if b_first {
            [(b, rname, a), (a, name, b)]
        } else {
            [(a, name, b), (b, rname, a)]
        };
        for (x, m, y) in order {
            if matches!(x, Value::Instance(_)) {
                let f = self.type_of(x).lookup(&crate::vm::value::PyStr::new(m));
                if let Some(f) = f {
                    if !matches!(f, Value::Native(_)) {
                        let r = self.call(&f, vec![x.clone(), y.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            return Ok(r);
                        }
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                // __ne__ defaults to the inverse of __eq__.
                if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
                    let r = self.compare(CmpOp::Eq, a, b)?;
                    return Ok(Value::Bool(!self.truthy(&r)?));
                }
                Ok(Value::Bool(!a.is(b)))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                match op {
                    CmpOp::Lt => "<",
                    CmpOp::LtE => "<=",
                    CmpOp::Gt => ">",
                    _ => ">=",
                },
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `x < y` (or another ordering) for two sequences: the first items that differ
    /// decide, else the lengths. Ints and strs are told apart directly; anything else
    /// goes through `==` and then the comparison, as CPython does.
    fn sequence_order(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            match (p, q) {
                (Value::Int(i), Value::Int(j)) if i == j => continue,
                (Value::Int(i), Value::Int(j)) => return Ok(cmp_ord(op, i.cmp(j))),
                (Value::Str(s), Value::Str(t)) if s.as_str() == t.as_str() => continue,
                (Value::Str(s), Value::Str(t)) => {
                    return Ok(cmp_ord(op, s.as_str().cmp(t.as_str())))
                }
                _ => {}
            }
            if p.is(q) || self.eq(p, q)? {
                continue;
            }
            let r = self.compare(op, p, q)?;
            return self.truthy(&r);
        }
        Ok(cmp_ord(op, x.len().cmp(&y.len())))
    }

    /// Comparisons between built-in values; None when the dunder protocol must decide.
    fn native_order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return Ok(Some(match num_cmp(&x, &y) {
                Some(o) => cmp_ord(op, o),
                None => op == CmpOp::NotEq,
            }));
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => Ok(Some(cmp_ord(op, x.as_str().cmp(y.as_str())))),
            (Value::List(_), Value::List(_)) | (Value::Tuple(_), Value::Tuple(_)) => {
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                    let e = self.eq(a, b)?;
                    return Ok(Some(if op == CmpOp::Eq { e } else { !e }));
                }
                match (a, b) {
                    // A tuple cannot change while its items are compared: no copy.
                    (Value::Tuple(x), Value::Tuple(y)) => self.sequence_order(op, x, y).map(Some),
                    // A list can (an item's `__eq__` may mutate it): compare copies.
                    (Value::List(x), Value::List(y)) => {
                        let (x, y) = (x.borrow().clone(), y.borrow().clone());
                        self.sequence_order(op, &x, &y).map(Some)
                    }
                    _ => unreachable!("matched above"),
                }
            }
            (Value::Dict(_), Value::Dict(_)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                let e = self.eq(a, b)?;
                Ok(Some(if op == CmpOp::Eq { e } else { !e }))
            }
            (Value::Set(x), Value::Set(y)) => {
                let e = self.eq(a, b)?;
                let sub = |vm: &mut Vm,
                           p: &Rc<crate::vm::value::PySet>,
                           q: &Rc<crate::vm::value::PySet>|
                 -> PyResult<bool> {
                    let items: Vec<Value> =
                        p.table.borrow().iter().map(|(_, k)| k.clone()).collect();
                    for k in items {
                        if !vm.set_contains(q, &k)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                Ok(Some(match op {
                    CmpOp::Eq => e,
                    CmpOp::NotEq => !e,
                    CmpOp::LtE => sub(self, x, y)?,
                    CmpOp::Lt => !e && sub(self, x, y)?,
                    CmpOp::GtE => sub(self, y, x)?,
                    CmpOp::Gt => !e && sub(self, y, x)?,
                    _ => false,
                }))
            }
            // Keys and items views compare as the sets they are like.
            (Value::DictView(_), _) | (_, Value::DictView(_)) => {
                if let (Value::DictView(x), Value::DictView(y), CmpOp::Eq | CmpOp::NotEq) =
                    (a, b, op)
                {
                    if x.kind == DictViewKind::Items && y.kind == DictViewKind::Items {
                        // (Values need not be hashable: compare as the dicts.)
                        let e =
                            self.eq(&Value::Dict(x.dict.clone()), &Value::Dict(y.dict.clone()))?;
                        return Ok(Some(if op == CmpOp::Eq { e } else { !e }));
                    }
                }
                match (self.as_set_like(a)?, self.as_set_like(b)?) {
                    (Some(x), Some(y)) => self.native_order(op, &x, &y),
                    _ if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                        let e = a.is(b);
                        Ok(Some(if op == CmpOp::Eq { e } else { !e }))
                    }
                    _ => Ok(None),
                }
            }
            _ => {
                if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
                    if let Some(e) = native_eq(a, b) {
                        return Ok(Some(if op == CmpOp::Eq { e } else { !e }));
                    }
                }
                Ok(None)
            }
        }
    }

    /// A set, or a keys or items view as the set of its elements; None for anything
    /// else.
    fn as_set_like(&mut self, v: &Value) -> PyResult<Option<Value>> {
        match v {
            Value::Set(_) => Ok(Some(v.clone())),
            Value::DictView(d) if set_like_view(d) => {
                let items = self.collect(v)?;
                self.new_set(items, true).map(Some)
            }
            _ => Ok(None),
        }
    }
}

/// Is this a keys or items view (the set-like ones; a values view is not)?
fn set_like_view(v: &crate::vm::value::DictView) -> bool {
    v.kind != DictViewKind::Values
}
