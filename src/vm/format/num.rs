//! Number parsing and conversion with CPython 3.11 semantics and messages: `int(str,
//! base)`, `float(str)`, `str(int)` with the 4300-digit limit, float→int, `round()`,
//! and the float and big-int arithmetic whose Python rules differ from Rust's
//! (floor division, modulo with the divisor's sign, `**`, correctly rounded `int / int`).

use crate::vm::error::{ExcType, PyErr, PyResult};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// An int result that may or may not fit in an i64.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntOrBig {
    Int(i64),
    Big(BigInt),
}

impl IntOrBig {
    /// Normalises: `Int` whenever the value fits.
    pub fn from_big(b: BigInt) -> IntOrBig {
        match b.to_i64() {
            Some(i) => IntOrBig::Int(i),
            None => IntOrBig::Big(b),
        }
    }
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntOrBig::Int(i) => BigInt::from(*i),
            IntOrBig::Big(b) => b.clone(),
        }
    }
}

/// An arithmetic result that is an int or a float (`2 ** -1 == 0.5`).
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrFloat {
    Int(BigInt),
    Float(f64),
}

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ValueError, msg)
}

fn overflow(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::OverflowError, msg)
}

fn zero_div(msg: &str) -> PyErr {
    PyErr::new(ExcType::ZeroDivisionError, msg)
}

// ---------------------------------------------------------------------------------
// int <-> str

/// `str(n)` with the digit limit (`max_digits == 0` means unlimited): "Exceeds the
/// limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits()
/// to increase the limit".
pub fn int_to_str_checked(n: &BigInt, max_digits: usize) -> PyResult<String> {
    let too_big = || {
        value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion; use \
             sys.set_int_max_str_digits() to increase the limit",
            max_digits
        ))
    };
    if max_digits > 0 && n.bits() as f64 > max_digits as f64 * std::f64::consts::LOG2_10 + 64.0 {
        return Err(too_big());
    }
    let s = n.to_str_radix(10);
    let digits = s.len() - usize::from(n.sign() == Sign::Minus);
    if max_digits > 0 && digits > max_digits {
        return Err(too_big());
    }
    Ok(s)
}

/// Python's whitespace for `int()`/`float()`/`str.strip()`.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode decimal digits
/// become ASCII digits, Unicode whitespace a space, other non-ASCII characters `?`.
fn to_ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_py_space(c) {
                ' '
            } else {
                match crate::vm::strmethods::decimal_value(c) {
                    Some(d) => char::from(b'0' + d as u8),
                    None => '?',
                }
            }
        })
        .collect::<String>()
        .into()
}

/// `int(s, base)` with the default 4300-digit limit.
pub fn str_to_int(s: &str, base: u32) -> PyResult<IntOrBig> {
    str_to_int_limited(s, base, INT_MAX_STR_DIGITS)
}

/// `int(s, base)`: strips whitespace, optional sign, base prefix (`0x`/`0o`/`0b`) when
/// base is 0 or matches, single underscores between digits (and after a prefix).
/// "invalid literal for int() with base 10: 'abc'", "int() base must be >= 2 and <= 36,
/// or 0", and the digit-limit message for non-power-of-two bases.
pub fn str_to_int_limited(s: &str, base: u32, max_digits: usize) -> PyResult<IntOrBig> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            super::str_repr(s)
        ))
    };
    let ascii = to_ascii_digits(s);
    let t = ascii.trim_matches(is_py_space);
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 0,
    };
    let mut b = base;
    let mut body = t;
    let mut after_prefix = false;
    if prefix_base != 0 && (base == 0 || base == prefix_base) {
        b = prefix_base;
        body = &t[2..];
        after_prefix = true;
    } else if base == 0 {
        b = 10;
        // A nonzero decimal literal may not start with 0 ("010" is an error).
        if t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
            return Err(invalid());
        }
    }
    // Validate digits and underscores.
    let mut digits = String::with_capacity(body.len());
    let mut prev_underscore = false;
    for (i, c) in body.chars().enumerate() {
        if c == '_' {
            if prev_underscore || (i == 0 && !after_prefix) {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        match c.to_digit(b) {
            Some(_) if c.is_ascii() => digits.push(c),
            _ => return Err(invalid()),
        }
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(invalid());
    }
    if max_digits > 0 && !b.is_power_of_two() && digits.len() > max_digits {
        return Err(value_error(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} \
             digits; use sys.set_int_max_str_digits() to increase the limit",
            max_digits,
            digits.len()
        )));
    }
    let mag = BigInt::parse_bytes(digits.as_bytes(), b).ok_or_else(invalid)?;
    Ok(IntOrBig::from_big(if negative { -mag } else { mag }))
}

/// `float(s)`: whitespace, sign, digits with single underscores between digits,
/// optional fraction and exponent, `inf`/`infinity`/`nan` in any case.
/// "could not convert string to float: 'abc'".
pub fn str_to_float(s: &str) -> PyResult<f64> {
    let invalid = || {
        value_error(format!(
            "could not convert string to float: {}",
            super::str_repr(s)
        ))
    };
    let ascii = to_ascii_digits(s);
    let t = ascii.trim_matches(is_py_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        // digits: a run of digits with single underscores between digits.
        let b = body.as_bytes();
        let mut i = 0;
        let mut clean = String::with_capacity(b.len());
        let run = |i: &mut usize, clean: &mut String| -> usize {
            let start = *i;
            while *i < b.len() {
                if b[*i].is_ascii_digit() {
                    clean.push(b[*i] as char);
                } else if b[*i] == b'_'
                    && *i > start
                    && b[*i - 1].is_ascii_digit()
                    && b.get(*i + 1).is_some_and(|c| c.is_ascii_digit())
                {
                } else {
                    break;
                }
                *i += 1;
            }
            *i - start
        };
        let int_len = run(&mut i, &mut clean);
        let mut frac_len = 0;
        if i < b.len() && b[i] == b'.' {
            clean.push('.');
            i += 1;
            frac_len = run(&mut i, &mut clean);
        }
        if int_len + frac_len == 0 {
            return Err(invalid());
        }
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            clean.push('e');
            i += 1;
            if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
                clean.push(b[i] as char);
                i += 1;
            }
            if run(&mut i, &mut clean) == 0 {
                return Err(invalid());
            }
        }
        if i != b.len() {
            return Err(invalid());
        }
        clean.parse::<f64>().map_err(|_| invalid())?
    };
    Ok(if neg { -v } else { v })
}

// ---------------------------------------------------------------------------------
// float -> int, round()

/// Splits a finite nonzero f64 into (mantissa, exponent) with |x| = m * 2**e.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    }
}

/// `int(x)` for a float (truncation): "cannot convert float infinity to integer"
/// (OverflowError), "cannot convert float NaN to integer" (ValueError).
pub fn f64_to_bigint(x: f64) -> PyResult<BigInt> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let (m, e) = decompose(t);
    let mag = BigInt::from(m) << (e.max(0) as usize);
    Ok(if t < 0.0 { -mag } else { mag })
}

/// `int(x)` for a float, as i64 when it fits.
pub fn f64_to_int(x: f64) -> PyResult<IntOrBig> {
    Ok(IntOrBig::from_big(f64_to_bigint(x)?))
}

/// `round(x)` (no ndigits) for a float: round half to even, to an int.
pub fn round_f64_to_int(x: f64) -> PyResult<BigInt> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    f64_to_bigint(r)
}

/// Python's `round(x, ndigits)` for a float: correctly rounded (half to even on the
/// exact binary value). "rounded value too large to represent" on overflow.
pub fn round_f64(x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let r = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
            .parse::<f64>()
            .unwrap_or(x)
    } else {
        // Exact: x = m * 2**e; round m * 2**e / 10**k half-even, times 10**k.
        let k = (-ndigits) as u32;
        let (m, e) = decompose(x);
        let pow10 = BigInt::from(10u32).pow(k);
        let (num, den) = if e >= 0 {
            (BigInt::from(m) << e as usize, pow10.clone())
        } else {
            (BigInt::from(m), pow10.clone() << (-e) as usize)
        };
        let q = div_round_half_even(&num, &den);
        let mag = bigint_to_f64(&(q * pow10))
            .map_err(|_| overflow("rounded value too large to represent"))?;
        if x < 0.0 {
            -mag
        } else {
            mag
        }
    };
    if r.is_infinite() {
        return Err(overflow("rounded value too large to represent"));
    }
    // Keep the sign of zero results (round(-0.4) is -0.0).
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

/// num / den (both non-negative, den > 0) rounded half to even.
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_rem(den);
    let twice: BigInt = r << 1usize;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(n, ndigits)` for an int: unchanged when ndigits >= 0, else rounded to a
/// multiple of 10**-ndigits, half to even (`round(125, -1) == 120`).
pub fn round_bigint(n: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 {
        return n.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k exceeds |n| whenever k is beyond its digit count: the result is 0.
    if k as f64 > n.bits() as f64 * std::f64::consts::LOG10_2 + 2.0 {
        return BigInt::zero();
    }
    let pow10 = BigInt::from(10u32).pow(k as u32);
    let mag = div_round_half_even(&n.abs(), &pow10) * &pow10;
    if n.is_negative() {
        -mag
    } else {
        mag
    }
}

// ---------------------------------------------------------------------------------
// float arithmetic

/// `a / b` for floats: "float division by zero".
pub fn float_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `a % b` for floats: the result has the sign of `b` ("float modulo").
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

fn divmod_core(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats ("float floor division by zero").
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(zero_div("float floor division by zero"));
    }
    Ok(divmod_core(a, b).0)
}

/// `divmod(a, b)` for floats ("float divmod()").
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(zero_div("float divmod()"));
    }
    Ok(divmod_core(a, b))
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x % 2.0 != 0.0 && x.fract() == 0.0
}

/// `a ** b` for floats, with CPython's special cases: "0.0 cannot be raised to a
/// negative power" (ZeroDivisionError), overflow "(34, 'Numerical result out of
/// range')" (OverflowError). A negative base with a fractional exponent (a complex
/// result in CPython) is a ValueError in Baton.
pub fn float_pow(iv: f64, iw: f64) -> PyResult<f64> {
    if iw == 0.0 {
        return Ok(1.0);
    }
    if iv.is_nan() {
        return Ok(iv);
    }
    if iw.is_nan() {
        return Ok(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let a = iv.abs();
        return Ok(if a == 1.0 {
            1.0
        } else if (iw > 0.0) == (a > 1.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        });
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        return Ok(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Err(value_error(
                "negative number cannot be raised to a fractional power \
                 (complex numbers are not supported in Baton)",
            ));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(overflow("(34, 'Numerical result out of range')"));
    }
    Ok(if negate { -r } else { r })
}

// ---------------------------------------------------------------------------------
// big-int arithmetic

/// `a // b` with Python's floor rule (`-7 // 2 == -4`).
pub fn bigint_floordiv(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_floor(b))
}

/// `a % b` with the sign of `b` (`-7 % 2 == 1`).
pub fn bigint_mod(a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
    if b.is_zero() {
        return Err(zero_div("integer modulo by zero"));
    }
    Ok(a.mod_floor(b))
}

/// `divmod(a, b)` for ints.
pub fn bigint_divmod(a: &BigInt, b: &BigInt) -> PyResult<(BigInt, BigInt)> {
    if b.is_zero() {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok(a.div_mod_floor(b))
}

/// `a ** b` for ints: an int for b >= 0, else the float `float(a) ** float(b)`
/// ("0.0 cannot be raised to a negative power" for 0 ** -n). Results that would need
/// more than ~2**32 bits give MemoryError.
pub fn bigint_pow(a: &BigInt, b: &BigInt) -> PyResult<IntOrFloat> {
    if b.is_negative() {
        let fa = bigint_to_f64(a)?;
        let fb = bigint_to_f64(b)?;
        return float_pow(fa, fb).map(IntOrFloat::Float);
    }
    if a.is_zero() || a.is_one() || b.is_zero() {
        return Ok(IntOrFloat::Int(if b.is_zero() || a.is_one() {
            BigInt::one()
        } else {
            BigInt::zero()
        }));
    }
    if a.magnitude().is_one() {
        // a == -1
        return Ok(IntOrFloat::Int(if b.is_odd() {
            a.clone()
        } else {
            BigInt::one()
        }));
    }
    let e = match b.to_u32() {
        Some(e) if (a.bits() as u128) * (e as u128) <= 1u128 << 32 => e,
        _ => return Err(PyErr::new(ExcType::MemoryError, "")),
    };
    Ok(IntOrFloat::Int(num_traits::pow::Pow::pow(a, e)))
}

/// Exact `|num| / |den|` (den != 0) as an f64 with the given sign, correctly rounded
/// (half to even, subnormals included); `None` on overflow.
fn ratio_to_f64(num: &BigInt, den: &BigInt, negative: bool) -> Option<f64> {
    let a = num.abs();
    let b = den.abs();
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // q = floor(a / b * 2**-e) has 60 or 61 bits.
    let e = a.bits() as i64 - b.bits() as i64 - 60;
    let (q, r) = if e < 0 {
        (&a << (-e) as usize).div_rem(&b)
    } else {
        a.div_rem(&(&b << e as usize))
    };
    let sticky = !r.is_zero();
    let top = e + q.bits() as i64 - 1; // exponent of the leading bit
    if top > 1023 {
        return None;
    }
    let lsb = (top - 52).max(-1074);
    let drop = (lsb - e) as u64; // >= 8
    let mant = if drop > q.bits() + 1 {
        BigInt::zero()
    } else {
        let kept: BigInt = &q >> drop as usize;
        let rem: BigInt = &q - (&kept << drop as usize);
        let half: BigInt = BigInt::one() << (drop - 1) as usize;
        if rem > half || (rem == half && (sticky || kept.is_odd())) {
            kept + 1
        } else {
            kept
        }
    };
    let m = mant.to_u64().unwrap_or(0) as f64; // <= 2**53, exact
                                               // m * 2**lsb: exact because the result is representable.
    let mut v = m;
    let mut k = lsb;
    while k > 0 {
        let s = k.min(1000);
        v *= 2f64.powi(s as i32);
        k -= s;
    }
    if k < 0 {
        if k < -1000 {
            v *= 2f64.powi(-1000);
            k += 1000;
        }
        v *= 2f64.powi(k as i32);
    }
    if v.is_infinite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// `float(n)`: correctly rounded; "int too large to convert to float".
pub fn bigint_to_f64(n: &BigInt) -> PyResult<f64> {
    if let Some(i) = n.to_i64() {
        if i.unsigned_abs() <= 1u64 << 53 {
            return Ok(i as f64);
        }
    }
    ratio_to_f64(n, &BigInt::one(), n.is_negative())
        .ok_or_else(|| overflow("int too large to convert to float"))
}

/// `a / b` for ints, correctly rounded even for huge values: "division by zero",
/// "integer division result too large for a float".
pub fn int_true_div(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(zero_div("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= 1u64 << 53 && y.unsigned_abs() <= 1u64 << 53 {
            return Ok(x as f64 / y as f64);
        }
    }
    ratio_to_f64(a, b, a.is_negative() != b.is_negative())
        .ok_or_else(|| overflow("integer division result too large for a float"))
}
