//! Pure helpers behind Baton's `math` module, with CPython 3.11's results and error
//! messages ("math domain error" ValueError, "math range error" OverflowError, ...).
//! Float functions take and return f64; integer functions use `BigInt`. The VM
//! converts arguments (ints to float with `bigint_to_f64`, except where a `_bigint`
//! variant exists, e.g. `log_bigint` for ints too large for a float).

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::format::{f64_to_bigint, int_true_div};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub const PI: f64 = std::f64::consts::PI;
pub const E: f64 = std::f64::consts::E;
pub const TAU: f64 = std::f64::consts::TAU;
pub const INF: f64 = f64::INFINITY;
pub const NAN: f64 = f64::NAN;

fn domain() -> PyErr {
    PyErr::new(ExcType::ValueError, "math domain error")
}

fn range() -> PyErr {
    PyErr::new(ExcType::OverflowError, "math range error")
}

/// CPython's `math_1`: a NaN result from a non-NaN argument is a domain error; an
/// infinite result from a finite argument is a range error when the function can
/// overflow, else a domain error.
fn math_1(x: f64, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(r)
}

/// `math.sqrt(x)`.
pub fn sqrt(x: f64) -> PyResult<f64> {
    math_1(x, f64::sqrt, false)
}
/// `math.exp(x)`.
pub fn exp(x: f64) -> PyResult<f64> {
    math_1(x, f64::exp, true)
}
/// `math.exp2(x)`.
pub fn exp2(x: f64) -> PyResult<f64> {
    math_1(x, f64::exp2, true)
}
/// `math.expm1(x)`.
pub fn expm1(x: f64) -> PyResult<f64> {
    math_1(x, f64::exp_m1, true)
}
/// `math.sin(x)`.
pub fn sin(x: f64) -> PyResult<f64> {
    math_1(x, f64::sin, false)
}
/// `math.cos(x)`.
pub fn cos(x: f64) -> PyResult<f64> {
    math_1(x, f64::cos, false)
}
/// `math.tan(x)`.
pub fn tan(x: f64) -> PyResult<f64> {
    math_1(x, f64::tan, false)
}
/// `math.asin(x)`.
pub fn asin(x: f64) -> PyResult<f64> {
    math_1(x, f64::asin, false)
}
/// `math.acos(x)`.
pub fn acos(x: f64) -> PyResult<f64> {
    math_1(x, f64::acos, false)
}
/// `math.atan(x)`.
pub fn atan(x: f64) -> PyResult<f64> {
    math_1(x, f64::atan, false)
}
/// `math.sinh(x)`.
pub fn sinh(x: f64) -> PyResult<f64> {
    math_1(x, f64::sinh, true)
}
/// `math.cosh(x)`.
pub fn cosh(x: f64) -> PyResult<f64> {
    math_1(x, f64::cosh, true)
}
/// `math.tanh(x)`.
pub fn tanh(x: f64) -> PyResult<f64> {
    math_1(x, f64::tanh, false)
}
// Rust's std computes the inverse hyperbolics itself (overflowing for huge inputs);
// CPython uses the C library's, as these do.
mod libm {
    extern "C" {
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
    }
}

fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure C math function on a plain f64.
    unsafe { libm::asinh(x) }
}
fn c_acosh(x: f64) -> f64 {
    // SAFETY: as above.
    unsafe { libm::acosh(x) }
}
fn c_atanh(x: f64) -> f64 {
    // SAFETY: as above.
    unsafe { libm::atanh(x) }
}

/// `math.asinh(x)`.
pub fn asinh(x: f64) -> PyResult<f64> {
    math_1(x, c_asinh, false)
}
/// `math.acosh(x)`.
pub fn acosh(x: f64) -> PyResult<f64> {
    math_1(x, c_acosh, false)
}
/// `math.atanh(x)`.
pub fn atanh(x: f64) -> PyResult<f64> {
    math_1(x, c_atanh, false)
}
/// `math.cbrt(x)` (correctly rounded here; glibc's, which CPython uses, can be one
/// ulp away, e.g. for 2.0).
pub fn cbrt(x: f64) -> PyResult<f64> {
    math_1(x, f64::cbrt, false)
}

/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

/// `math.fabs(x)`.
pub fn fabs(x: f64) -> f64 {
    x.abs()
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.isfinite(x)`.
pub fn isfinite(x: f64) -> bool {
    x.is_finite()
}
/// `math.isinf(x)`.
pub fn isinf(x: f64) -> bool {
    x.is_infinite()
}
/// `math.isnan(x)`.
pub fn isnan(x: f64) -> bool {
    x.is_nan()
}

/// `math.isclose(a, b, rel_tol=1e-09, abs_tol=0.0)`: "tolerances must be non-negative".
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> PyResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

/// `math.floor(x)` for a float: "cannot convert float infinity to integer" etc.
pub fn floor(x: f64) -> PyResult<BigInt> {
    f64_to_bigint(x.floor())
}
/// `math.ceil(x)` for a float.
pub fn ceil(x: f64) -> PyResult<BigInt> {
    f64_to_bigint(x.ceil())
}
/// `math.trunc(x)` for a float.
pub fn trunc(x: f64) -> PyResult<BigInt> {
    f64_to_bigint(x)
}

/// `math.modf(x)`: (fractional part, integer part), both with x's sign.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    (x.fract().copysign(x), x.trunc())
}

/// `math.frexp(x)`: (m, e) with x == m * 2**e and 0.5 <= |m| < 1 ((x, 0) for zero,
/// inf and nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let e = frexp_exp(x.abs());
    (ldexp_exact(x, -e), e)
}

/// `math.ldexp(x, i)`: x * 2**i, "math range error" on overflow.
pub fn ldexp(x: f64, i: i64) -> PyResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let i = i.clamp(-5000, 5000) as i32;
    let r = ldexp_exact(x, i);
    if r.is_infinite() {
        return Err(range());
    }
    Ok(r)
}

/// x * 2**i with a single final rounding (into the subnormal range if needed).
fn ldexp_exact(x: f64, i: i32) -> f64 {
    let e = frexp_exp(x.abs());
    let target = e + i; // exponent of the result in frexp terms
    if target > 1024 {
        return INF.copysign(x);
    }
    if target >= -1021 {
        // Normal result: scale in steps that stay exact.
        let mut r = x;
        let mut k = i;
        while k > 0 {
            let s = k.min(1000);
            r *= pow2(s);
            k -= s;
        }
        while k < 0 {
            let s = (-k).min(1000);
            r *= pow2(-s);
            k += s;
        }
        return r;
    }
    // Subnormal or zero result: bring x to [0.5, 1) exactly, then one rounding
    // multiplication (2**(target) is a power of two, so only the final step rounds).
    let m = ldexp_exact(x, -e); // exact, normal
    if target < -1074 - 1 {
        return 0.0f64.copysign(x);
    }
    // m * 2**target = (m * 2**(target + 1074)) * 2**-1074: the first product is
    // exact and below 2**53, rounding happens in the conversion to a multiple of
    // 2**-1074, done by the final multiplication.
    let scaled = m * pow2(target + 1074 - 1) * 2.0; // exact: at most 2**(53)
    scaled * pow2(-1074)
}

/// `math.fmod(x, y)` (C fmod; the result has x's sign).
pub fn fmod(x: f64, y: f64) -> PyResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(r)
}

/// `math.pow(x, y)`: unlike `**`, 0.0 ** negative and (-x) ** fraction are
/// "math domain error", overflow is "math range error".
pub fn pow(x: f64, y: f64) -> PyResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            INF
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain() } else { range() });
    }
    Ok(r)
}

fn log_core(x: f64, f: fn(f64) -> f64) -> PyResult<f64> {
    if x.is_nan() || x == INF {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

/// An int too large for a float as (m, e) with n = m * 2**e, 0.5 <= m <= 1.
fn frexp_bigint(n: &BigInt) -> (f64, i64) {
    let e = n.bits() as i64;
    let m = int_true_div(n, &(BigInt::one() << e as usize)).unwrap_or(1.0);
    (m, e)
}

/// CPython's `loghelper` for ints: exact for ints beyond the float range.
fn log_int(n: &BigInt, f: fn(f64) -> f64) -> PyResult<f64> {
    if !n.is_positive() {
        return Err(domain());
    }
    match crate::vm::format::bigint_to_f64(n) {
        Ok(x) => log_core(x, f),
        Err(_) => {
            let (m, e) = frexp_bigint(n);
            Ok(f(m) + f(2.0) * e as f64)
        }
    }
}

fn divide_logs(num: f64, den: f64) -> PyResult<f64> {
    if den == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(num / den)
}

/// `math.log(x)` / `math.log(x, base)` for floats.
pub fn log(x: f64, base: Option<f64>) -> PyResult<f64> {
    let num = log_core(x, f64::ln)?;
    match base {
        None => Ok(num),
        Some(b) => divide_logs(num, log_core(b, f64::ln)?),
    }
}

/// `math.log(n)` / `math.log(n, base)` for an int argument (any size).
pub fn log_bigint(n: &BigInt, base: Option<f64>) -> PyResult<f64> {
    let num = log_int(n, f64::ln)?;
    match base {
        None => Ok(num),
        Some(b) => divide_logs(num, log_core(b, f64::ln)?),
    }
}

/// `math.log2(x)`.
pub fn log2(x: f64) -> PyResult<f64> {
    log_core(x, f64::log2)
}
/// `math.log2(n)` for an int.
pub fn log2_bigint(n: &BigInt) -> PyResult<f64> {
    log_int(n, f64::log2)
}
/// `math.log10(x)`.
pub fn log10(x: f64) -> PyResult<f64> {
    log_core(x, f64::log10)
}
/// `math.log10(n)` for an int.
pub fn log10_bigint(n: &BigInt) -> PyResult<f64> {
    log_int(n, f64::log10)
}
/// `math.log1p(x)`.
pub fn log1p(x: f64) -> PyResult<f64> {
    if x <= -1.0 {
        return Err(domain());
    }
    math_1(x, f64::ln_1p, false)
}

/// `math.hypot(*coords)`: CPython 3.11's `vector_norm` (scaled, with compensated
/// summation and a correction step); inf beats nan.
pub fn hypot(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in coords {
        let a = x.abs();
        found_nan |= a.is_nan();
        if a > max {
            max = a;
        }
    }
    let mut v: Vec<f64> = coords.iter().map(|x| x.abs()).collect();
    vector_norm(&mut v, max, found_nan)
}

/// `math.dist(p, q)` for two equal-length points.
pub fn dist(p: &[f64], q: &[f64]) -> PyResult<f64> {
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let d: Vec<f64> = p.iter().zip(q).map(|(a, b)| a - b).collect();
    Ok(hypot(&d))
}

fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_exp(max);
    if max_e < -1023 {
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = pow2(-max_e);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    for &x0 in vec.iter() {
        let x = x0 * scale;
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        let s = csum + hi;
        frac2 += (csum - s) + hi;
        csum = s;
        frac1 += lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let phi = -h * h;
    let plo = (-h).mul_add(h, -phi);
    let s = csum + phi;
    frac2 += (csum - s) + phi;
    csum = s;
    frac1 += plo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The exponent `e` of `frexp(x)` (x = m * 2**e, 0.5 <= m < 1) for finite x > 0.
fn frexp_exp(x: f64) -> i32 {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // subnormal
        let m = bits & ((1u64 << 52) - 1);
        -1022 - (m.leading_zeros() as i32 - 12)
    } else {
        exp - 1022
    }
}

/// 2**e for -1074 <= e <= 1023.
fn pow2(e: i32) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(((e + 1023 + 64) as u64) << 52) * f64::from_bits((1023 - 64) << 52)
    }
}

/// `math.fsum(values)`: exactly rounded sum (Shewchuk / CPython's msum), with
/// "intermediate overflow in fsum" (OverflowError) and "-inf + inf in fsum".
pub fn fsum(values: &[f64]) -> PyResult<f64> {
    let mut p: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = p.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// ---------------------------------------------------------------------------------
// Integer functions

/// `math.gcd(*ints)` (0 for no arguments; always non-negative).
pub fn gcd(values: &[BigInt]) -> BigInt {
    values.iter().fold(BigInt::zero(), |acc, v| acc.gcd(v))
}

/// `math.lcm(*ints)` (1 for no arguments; 0 if any is 0).
pub fn lcm(values: &[BigInt]) -> BigInt {
    let mut acc = BigInt::one();
    for v in values {
        if v.is_zero() {
            return BigInt::zero();
        }
        acc = acc.lcm(v);
    }
    acc.abs()
}

fn product(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by binary splitting.
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut acc = BigInt::one();
        for k in lo..=hi {
            acc *= k;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

/// `math.factorial(n)`: "factorial() not defined for negative values".
pub fn factorial(n: i64) -> PyResult<BigInt> {
    if n < 0 {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    Ok(product(2, n as u64))
}

/// `math.isqrt(n)`: "isqrt() argument must be nonnegative".
pub fn isqrt(n: &BigInt) -> PyResult<BigInt> {
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

fn check_nk(n: &BigInt, k: &BigInt) -> PyResult<()> {
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok(())
}

/// `math.perm(n, k)` (k = None means n): n! / (n-k)!.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> PyResult<BigInt> {
    let k = k.cloned().unwrap_or_else(|| n.clone());
    check_nk(n, &k)?;
    if k > *n {
        return Ok(BigInt::zero());
    }
    let kk = k
        .to_u64()
        .ok_or_else(|| PyErr::overflow_error(format!("k must not exceed {}", i64::MAX)))?;
    let mut acc = BigInt::one();
    let mut f = n.clone();
    for _ in 0..kk {
        acc *= &f;
        f -= 1;
    }
    Ok(acc)
}

/// `math.comb(n, k)`: n! / (k! (n-k)!), 0 when k > n.
pub fn comb(n: &BigInt, k: &BigInt) -> PyResult<BigInt> {
    check_nk(n, k)?;
    if k > n {
        return Ok(BigInt::zero());
    }
    let k = std::cmp::min(k.clone(), n - k);
    let kk = k.to_u64().ok_or_else(|| {
        PyErr::overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX))
    })?;
    let mut acc = BigInt::one();
    for i in 0..kk {
        acc = acc * (n - i) / (i + 1);
    }
    Ok(acc)
}

#[cfg(test)]
#[path = "math_tests.rs"]
mod tests;

// ---------------------------------------------------------------------------------
// The `math` module object: natives adapting the functions above to Baton values.

use crate::vm::value::{KwArgs, Module, NativeFn, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// A real-number argument (int, float, bool, or an object with `__float__`).
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => vm.to_float(v),
        other => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            vm.type_name(other)
        ))),
    }
}

/// An integer argument as a BigInt.
fn integer(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        other => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

fn arity(name: &str, args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyErr::type_error(if n == 1 {
        format!(
            "math.{}() takes exactly one argument ({} given)",
            name,
            args.len()
        )
    } else {
        format!("{} expected {} arguments, got {}", name, n, args.len())
    }))
}

macro_rules! unary_float {
    ($($native:ident => $f:path),* $(,)?) => {
        $(
            fn $native(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
                arity(stringify!($native), args, 1)?;
                let x = real(vm, &args[0])?;
                Ok(Value::Float($f(x)?))
            }
        )*
    };
}

unary_float!(
    m_sqrt => sqrt, m_exp => exp, m_exp2 => exp2, m_expm1 => expm1, m_sin => sin,
    m_cos => cos, m_tan => tan, m_asin => asin, m_acos => acos, m_atan => atan,
    m_sinh => sinh, m_cosh => cosh, m_tanh => tanh, m_asinh => asinh, m_acosh => acosh,
    m_atanh => atanh, m_cbrt => cbrt, m_log1p => log1p,
);

fn float_to_int_fn(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    dunder: &str,
    f: fn(f64) -> PyResult<BigInt>,
) -> PyResult<Value> {
    arity(name, args, 1)?;
    match &args[0] {
        Value::Int(_) | Value::BigInt(_) => Ok(args[0].clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Instance(_) => match vm.call_special(&args[0], dunder, Vec::new())? {
            Some(v) => Ok(v),
            None => {
                let x = real(vm, &args[0])?;
                Ok(Value::bigint(f(x)?))
            }
        },
        other => {
            let x = real(vm, other)?;
            Ok(Value::bigint(f(x)?))
        }
    }
}

fn m_floor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    float_to_int_fn(vm, args, "floor", "__floor__", floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    float_to_int_fn(vm, args, "ceil", "__ceil__", ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    float_to_int_fn(vm, args, "trunc", "__trunc__", trunc)
}

fn log_like(
    vm: &mut Vm,
    v: &Value,
    f: fn(f64) -> PyResult<f64>,
    big: fn(&BigInt) -> PyResult<f64>,
) -> PyResult<f64> {
    match v {
        Value::BigInt(b) => big(b),
        other => {
            let x = real(vm, other)?;
            f(x)
        }
    }
}

fn m_log(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "log expected 1 or 2 arguments, got {}",
            args.len()
        )));
    }
    let base = match args.get(1) {
        Some(b) => Some(real(vm, b)?),
        None => None,
    };
    Ok(Value::Float(match &args[0] {
        Value::BigInt(b) => log_bigint(b, base)?,
        other => {
            let x = real(vm, other)?;
            log(x, base)?
        }
    }))
}

fn m_log2(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("log2", args, 1)?;
    Ok(Value::Float(log_like(vm, &args[0], log2, log2_bigint)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("log10", args, 1)?;
    Ok(Value::Float(log_like(vm, &args[0], log10, log10_bigint)?))
}

fn binary_reals(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    arity(name, args, 2)?;
    Ok((real(vm, &args[0])?, real(vm, &args[1])?))
}

fn m_atan2(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (y, x) = binary_reals(vm, args, "atan2")?;
    Ok(Value::Float(atan2(y, x)))
}

fn m_copysign(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (x, y) = binary_reals(vm, args, "copysign")?;
    Ok(Value::Float(copysign(x, y)))
}

fn m_fmod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (x, y) = binary_reals(vm, args, "fmod")?;
    Ok(Value::Float(fmod(x, y)?))
}

fn m_pow(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (x, y) = binary_reals(vm, args, "pow")?;
    Ok(Value::Float(pow(x, y)?))
}

fn m_fabs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("fabs", args, 1)?;
    Ok(Value::Float(fabs(real(vm, &args[0])?)))
}

fn m_degrees(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("degrees", args, 1)?;
    Ok(Value::Float(degrees(real(vm, &args[0])?)))
}

fn m_radians(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("radians", args, 1)?;
    Ok(Value::Float(radians(real(vm, &args[0])?)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("isfinite", args, 1)?;
    Ok(Value::Bool(isfinite(real(vm, &args[0])?)))
}

fn m_isinf(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("isinf", args, 1)?;
    Ok(Value::Bool(isinf(real(vm, &args[0])?)))
}

fn m_isnan(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("isnan", args, 1)?;
    Ok(Value::Bool(isnan(real(vm, &args[0])?)))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::only_kwargs("isclose", kw, &["rel_tol", "abs_tol"])?;
    let (a, b) = binary_reals(vm, args, "isclose")?;
    let rel = match crate::vm::methods::kwarg(kw, "rel_tol") {
        Some(v) => real(vm, v)?,
        None => 1e-9,
    };
    let abs = match crate::vm::methods::kwarg(kw, "abs_tol") {
        Some(v) => real(vm, v)?,
        None => 0.0,
    };
    Ok(Value::Bool(isclose(a, b, rel, abs)?))
}

fn m_modf(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("modf", args, 1)?;
    let (f, i) = modf(real(vm, &args[0])?);
    Ok(Value::tuple(vec![Value::Float(f), Value::Float(i)]))
}

fn m_frexp(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("frexp", args, 1)?;
    let (m, e) = frexp(real(vm, &args[0])?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("ldexp", args, 2)?;
    let x = real(vm, &args[0])?;
    let i = crate::vm::methods::int_arg(vm, &args[1])?;
    Ok(Value::Float(ldexp(x, i)?))
}

fn reals_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.collect(v)?;
    items.iter().map(|x| real(vm, x)).collect()
}

fn m_hypot(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let coords: Vec<f64> = args.iter().map(|x| real(vm, x)).collect::<PyResult<_>>()?;
    Ok(Value::Float(hypot(&coords)))
}

fn m_dist(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("dist", args, 2)?;
    let p = reals_of(vm, &args[0])?;
    let q = reals_of(vm, &args[1])?;
    Ok(Value::Float(dist(&p, &q)?))
}

fn m_fsum(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("fsum", args, 1)?;
    let xs = reals_of(vm, &args[0])?;
    Ok(Value::Float(fsum(&xs)?))
}

fn m_gcd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let xs: Vec<BigInt> = args
        .iter()
        .map(|x| integer(vm, x))
        .collect::<PyResult<_>>()?;
    Ok(Value::bigint(gcd(&xs)))
}

fn m_lcm(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let xs: Vec<BigInt> = args
        .iter()
        .map(|x| integer(vm, x))
        .collect::<PyResult<_>>()?;
    Ok(Value::bigint(lcm(&xs)))
}

fn m_factorial(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("factorial", args, 1)?;
    if let Value::Float(_) = args[0] {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = crate::vm::methods::int_arg(vm, &args[0])?;
    Ok(Value::bigint(factorial(n)?))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("isqrt", args, 1)?;
    Ok(Value::bigint(isqrt(&integer(vm, &args[0])?)?))
}

fn m_perm(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "perm expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let n = integer(vm, &args[0])?;
    let k = match args.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(integer(vm, v)?),
    };
    Ok(Value::bigint(perm(&n, k.as_ref())?))
}

fn m_comb(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity("comb", args, 2)?;
    let n = integer(vm, &args[0])?;
    let k = integer(vm, &args[1])?;
    Ok(Value::bigint(comb(&n, &k)?))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::only_kwargs("prod", kw, &["start"])?;
    arity("prod", args, 1)?;
    let mut acc = crate::vm::methods::kwarg(kw, "start")
        .cloned()
        .unwrap_or(Value::Int(1));
    for x in vm.collect(&args[0])? {
        acc = vm.binary_op(crate::syntax::ast::BinOp::Mult, &acc, &x)?;
    }
    Ok(acc)
}

/// Builds the `math` module.
pub fn module(_vm: &mut Vm) -> Rc<Module> {
    let m = Rc::new(Module::new("math", "<math>"));
    for (name, v) in [
        ("pi", PI),
        ("e", E),
        ("tau", TAU),
        ("inf", INF),
        ("nan", NAN),
    ] {
        m.set(name, Value::Float(v));
    }
    let functions: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("log1p", m_log1p),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("atan2", m_atan2),
        ("copysign", m_copysign),
        ("fmod", m_fmod),
        ("pow", m_pow),
        ("fabs", m_fabs),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("modf", m_modf),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("fsum", m_fsum),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("factorial", m_factorial),
        ("isqrt", m_isqrt),
        ("perm", m_perm),
        ("comb", m_comb),
        ("prod", m_prod),
    ];
    crate::modules::add_functions(&m, "math", functions);
    m
}
