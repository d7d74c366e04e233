//! Methods of int and float.

use super::check_args;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, Value};
use crate::vm::Vm;
use num_bigint::BigInt;

pub fn install(vm: &mut Vm) {
    add_methods(
        &vm.types.int,
        "int",
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
        ],
    );
    add_methods(
        &vm.types.float,
        "float",
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex),
            ("conjugate", float_conjugate),
        ],
    );
    crate::vm::types::add_wrapped_method(
        &vm.types.float,
        "float",
        "fromhex",
        float_fromhex,
        crate::vm::types::Binding::Class,
    );
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("bit_length", args, kw, 0, 0)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.bits() as i64,
        _ => return Err(PyErr::type_error("descriptor 'bit_length' requires an int")),
    }))
}

/// The number of one bits in the absolute value.
fn int_bit_count(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("bit_count", args, kw, 0, 0)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => i.unsigned_abs().count_ones() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.magnitude().count_ones() as i64,
        _ => return Err(PyErr::type_error("descriptor 'bit_count' requires an int")),
    }))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("as_integer_ratio", args, kw, 0, 0)?;
    Ok(Value::tuple(vec![vm.to_int(&args[0])?, Value::Int(1)]))
}

/// The exact fraction a float stands for, in lowest terms (its denominator a power of
/// two).
fn float_as_integer_ratio(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("as_integer_ratio", args, kw, 0, 0)?;
    let Value::Float(f) = args[0] else {
        return Err(PyErr::type_error(
            "descriptor 'as_integer_ratio' requires a float",
        ));
    };
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::new(
            crate::vm::error::ExcType::OverflowError,
            "cannot convert Infinity to integer ratio",
        ));
    }
    let (mantissa, exponent) = float_parts(f);
    let (mut numerator, denominator) = if mantissa == 0 {
        (BigInt::from(0), BigInt::from(1))
    } else {
        // mantissa * 2^exponent, the mantissa odd.
        let shift = mantissa.trailing_zeros();
        let (m, e) = (mantissa >> shift, exponent + shift as i64);
        if e >= 0 {
            (BigInt::from(m) << e as usize, BigInt::from(1))
        } else {
            (BigInt::from(m), BigInt::from(1) << (-e) as usize)
        }
    };
    if f.is_sign_negative() {
        numerator = -numerator;
    }
    Ok(Value::tuple(vec![
        Value::bigint(numerator),
        Value::bigint(denominator),
    ]))
}

/// A finite float's magnitude as `mantissa * 2^exponent` (the mantissa with its
/// implicit leading bit, for a normal number).
fn float_parts(f: f64) -> (u64, i64) {
    let bits = f.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if exp_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), exp_bits - 1075)
    }
}

/// `float.hex()`: `[-]0x1.<13 hex digits>p<exponent>` (`0x0.` for zero and
/// subnormals), `inf` or `nan`.
fn float_hex(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("hex", args, kw, 0, 0)?;
    let Value::Float(f) = args[0] else {
        return Err(PyErr::type_error("descriptor 'hex' requires a float"));
    };
    let text = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f < 0.0 { "-inf" } else { "inf" }.to_string()
    } else {
        let sign = if f.is_sign_negative() { "-" } else { "" };
        let bits = f.to_bits();
        let exp_bits = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1 << 52) - 1);
        if f == 0.0 {
            format!("{sign}0x0.0p+0")
        } else if exp_bits == 0 {
            format!("{sign}0x0.{fraction:013x}p-1022")
        } else {
            format!("{sign}0x1.{fraction:013x}p{:+}", exp_bits - 1023)
        }
    };
    Ok(Value::from_string(text))
}

fn float_conjugate(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("conjugate", args, kw, 0, 0)?;
    match args[0] {
        Value::Float(f) => Ok(Value::Float(f)),
        _ => Err(PyErr::type_error("descriptor 'conjugate' requires a float")),
    }
}

/// `float.fromhex(s)`: the inverse of `float.hex`, correctly rounded (to nearest,
/// ties to even), as CPython's: `[sign] [0x] digits [. digits] [p [sign] exponent]`,
/// or `inf`, `infinity`, `nan`, with surrounding whitespace allowed.
fn float_fromhex(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("fromhex", args, kw, 1, 1)?;
    let Value::Str(text) = &args[1] else {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    };
    parse_hex_float(text.as_str()).map(Value::Float)
}

pub(crate) fn parse_hex_float(text: &str) -> PyResult<f64> {
    let invalid = || PyErr::value_error("invalid hexadecimal floating-point string");
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let sign = |x: f64| if negative { -x } else { x };
    match s.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => return Ok(sign(f64::INFINITY)),
        "nan" => return Ok(sign(f64::NAN)),
        _ => {}
    }
    let s = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))
        .unwrap_or(s);
    let (digits, exponent) = match s.find(['p', 'P']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, f),
        None => (digits, ""),
    };
    let all_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if whole.len() + fraction.len() == 0 || !all_hex(whole) || !all_hex(fraction) {
        return Err(invalid());
    }
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let body = e.strip_prefix(['+', '-']).unwrap_or(e);
            if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Beyond this the value is 0 or too large whatever the digits are.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') {
                i64::MIN / 4
            } else {
                i64::MAX / 4
            })
        }
    };
    let mantissa = num_bigint::BigUint::parse_bytes(format!("{whole}{fraction}").as_bytes(), 16)
        .ok_or_else(invalid)?;
    if mantissa.bits() == 0 {
        return Ok(sign(0.0));
    }
    // The value is mantissa * 2**e, with mantissa's top bit at 2**(top - 1).
    let e = exponent.saturating_sub(4 * fraction.len() as i64);
    let bits = mantissa.bits() as i64;
    let top = bits.saturating_add(e);
    let too_large = || {
        PyErr::new(
            ExcType::OverflowError,
            "hexadecimal value too large to represent as a float",
        )
    };
    if top > 1024 {
        return Err(too_large());
    }
    if top < -1074 {
        // Below half the smallest subnormal: rounds to zero.
        return Ok(sign(0.0));
    }
    // Keep 53 bits, or fewer where the result is subnormal (its last bit 2**-1074).
    let keep = (top + 1074).min(53);
    let shift = bits - keep;
    let kept = if shift <= 0 {
        mantissa.clone() << (-shift) as usize
    } else {
        let q = &mantissa >> shift as usize;
        let rest = &mantissa - (&q << shift as usize);
        let half = num_bigint::BigUint::from(1u8) << (shift - 1) as usize;
        let odd = q.bit(0);
        if rest > half || (rest == half && odd) {
            q + 1u8
        } else {
            q
        }
    };
    let q: u64 = kept.try_into().map_err(|_| invalid())?;
    let scale = e + shift.max(0) - (-shift).max(0);
    let x = crate::modules::math::ldexp(q as f64, scale).map_err(|_| too_large())?;
    Ok(sign(x))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("conjugate", args, kw, 0, 0)?;
    vm.to_int(&args[0])
}

fn float_is_integer(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("is_integer", args, kw, 0, 0)?;
    match &args[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(PyErr::type_error(
            "descriptor 'is_integer' requires a float",
        )),
    }
}
