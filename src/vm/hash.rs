//! Hashing as CPython does it for numbers and tuples (so set order matches), a fixed-key
//! hash for strings (CPython randomises those, so no program can depend on it), and the
//! native equality the tables use for keys whose comparison needs no user code.
//!
//! Numeric hashes follow CPython's rule that numbers which compare equal hash equal:
//! every int, float and bool hashes to its value reduced modulo the Mersenne prime
//! 2**61 - 1, keeping the sign, with -1 replaced by -2 (-1 is CPython's error marker).

use crate::vm::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

/// Bits in the numeric hash modulus.
const HASH_BITS: u32 = 61;
/// The numeric hash modulus, 2**61 - 1.
const MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `hash(float('inf'))`.
pub const HASH_INF: i64 = 314_159;
/// What `hash(None)` gives here (CPython uses None's address, which varies by run).
pub const HASH_NONE: i64 = 0x1010 >> 4;

/// The string hash: deterministic across runs, never 0 (0 marks "not computed"), and
/// never negative (so never -1 either).
pub fn hash_str(s: &str) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = ahash::RandomState::with_seeds(1, 2, 3, 4).build_hasher();
    h.write(s.as_bytes());
    let v = h.finish() & 0x7fff_ffff_ffff_ffff;
    if v == 0 {
        1
    } else {
        v
    }
}

/// Applies the sign and the "-1 is reserved" rule to a reduced magnitude.
fn signed(magnitude: u64, negative: bool) -> i64 {
    let h = if negative {
        -(magnitude as i64)
    } else {
        magnitude as i64
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of an int that fits in i64, as CPython's `hash()` gives it.
pub fn hash_i64(i: i64) -> i64 {
    signed(i.unsigned_abs() % MODULUS, i < 0)
}

/// The hash of an int of any size, as CPython's `hash()` gives it.
pub fn hash_bigint(b: &BigInt) -> i64 {
    // Horner over the 64-bit digits, most significant first: r < 2**61, so
    // r * 2**64 + d fits in a u128.
    let mut r: u128 = 0;
    for d in b.magnitude().iter_u64_digits().rev() {
        r = ((r << 64) | d as u128) % MODULUS as u128;
    }
    signed(r as u64, b.sign() == Sign::Minus)
}

/// Multiplies `x` (< 2**61) by 2**e modulo 2**61 - 1, for any exponent `e`.
fn mul_pow2(x: u64, e: i32) -> u64 {
    // 2**61 == 1 (mod M), so the exponent only matters modulo 61, and the
    // multiplication is a rotation within 61 bits.
    let e = e.rem_euclid(HASH_BITS as i32) as u32;
    if e == 0 {
        return x;
    }
    ((x << e) & MODULUS) | (x >> (HASH_BITS - e))
}

/// CPython's float hash (`_Py_HashDouble`): an integral float hashes like the equal int,
/// any finite float like the rational it denotes, infinities to +-314159. NaN hashes by
/// identity on CPython 3.10+; here every NaN hashes to 0 (identity is the VM's concern).
pub fn hash_f64(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // f == mant * 2**exp exactly.
    let (mant, exp) = if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp_bits - 1075)
    };
    if mant == 0 {
        return 0;
    }
    // mant < 2**53 < M, so it is already reduced.
    signed(mul_pow2(mant, exp), negative)
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// CPython's tuple hash (the xxHash-based one of 3.8+, 64-bit) from the element hashes.
pub fn hash_tuple(items: &[i64]) -> i64 {
    let mut t = TupleHasher::new();
    for &h in items {
        t.add(h);
    }
    t.finish()
}

/// The tuple hash computed element by element (no buffer): `add` each element's hash
/// in order, then `finish`. (Addition.)
#[derive(Clone, Copy, Debug)]
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl Default for TupleHasher {
    fn default() -> TupleHasher {
        TupleHasher::new()
    }
}

impl TupleHasher {
    pub fn new() -> TupleHasher {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }
    pub fn add(&mut self, h: i64) {
        let acc = self.acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        self.acc = acc.rotate_left(31).wrapping_mul(XXPRIME_1);
        self.len += 1;
    }
    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

/// CPython's frozenset hash from the element hashes (order-independent) and the count.
pub fn hash_frozenset(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    // CPython xors over every slot and then cancels the empty and dummy ones; the
    // result is the xor over the live entries.
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64).wrapping_add(1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// The hash of values that need no user code: None for unhashable values and for
/// instances (whose hash the VM computes), and for tuples holding any such element.
pub fn hash_native(v: &Value) -> Option<i64> {
    match v {
        Value::None => Some(HASH_NONE),
        Value::Bool(b) => Some(*b as i64),
        Value::Int(i) => Some(hash_i64(*i)),
        Value::BigInt(b) => Some(hash_bigint(b)),
        Value::Float(f) => Some(hash_f64(*f)),
        Value::Str(s) => Some(s.hash() as i64),
        Value::Tuple(t) => {
            let mut th = TupleHasher::new();
            for x in t.iter() {
                th.add(hash_native(x)?);
            }
            Some(th.finish())
        }
        _ => None,
    }
}

/// Exact int/float comparison (no rounding of large ints).
fn int_eq_float(i: i64, f: f64) -> bool {
    // [-2**63, 2**63) is exactly representable at both ends.
    let two63 = (1u64 << 63) as f64;
    f.fract() == 0.0 && (-two63..two63).contains(&f) && f as i64 == i
}

fn bigint_eq_float(b: &BigInt, f: f64) -> bool {
    f.is_finite() && f.fract() == 0.0 && BigInt::from_f64(f).is_some_and(|x| &x == b)
}

/// A numeric view of a native number, for cross-type comparison.
enum Num<'a> {
    I(i64),
    B(&'a BigInt),
    F(f64),
}

fn as_num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Int(i) => Some(Num::I(*i)),
        Value::BigInt(b) => Some(Num::B(b)),
        Value::Float(f) => Some(Num::F(*f)),
        _ => None,
    }
}

fn num_eq(a: Num, b: Num) -> bool {
    match (a, b) {
        (Num::I(x), Num::I(y)) => x == y,
        (Num::F(x), Num::F(y)) => x == y,
        (Num::B(x), Num::B(y)) => x == y,
        (Num::I(x), Num::F(y)) | (Num::F(y), Num::I(x)) => int_eq_float(x, y),
        (Num::B(x), Num::F(y)) | (Num::F(y), Num::B(x)) => bigint_eq_float(x, y),
        // A BigInt never fits in i64 (normalised), but be exact anyway.
        (Num::I(x), Num::B(y)) | (Num::B(y), Num::I(x)) => y.to_i64() == Some(x),
    }
}

/// `a == b` for keys whose comparison needs no user code: None, bools, ints, floats,
/// strs and tuples of those. `None` (the Rust one) when user code may be involved: the
/// caller then asks the VM. Identity is checked first for tuple elements, as CPython's
/// `PyObject_RichCompareBool` does (so a NaN element equals itself).
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            Some(std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str())
        }
        (Value::None, Value::None) => Some(true),
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if p.is(q) {
                    continue;
                }
                if !native_eq(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        _ => {
            if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
                return Some(num_eq(x, y));
            }
            if is_native_kind(a) && is_native_kind(b) {
                // Different native kinds (str vs int, None vs tuple, ...).
                Some(false)
            } else {
                None
            }
        }
    }
}

fn is_native_kind(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Tuple(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().unwrap()
    }

    #[test]
    fn ints_match_cpython() {
        // python3 -c 'print(hash(2**61), hash(2**61-1), hash(-1), hash(-2**61), ...)'
        assert_eq!(hash_bigint(&big("2305843009213693952")), 1);
        assert_eq!(hash_i64((1 << 61) - 1), 0);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(-(1 << 61)), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 100u32)), 549755813888);
        assert_eq!(hash_bigint(&-(BigInt::from(1) << 100u32)), -549755813888);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 63)), 4);
        assert_eq!(hash_i64(i64::MIN), -4);
        assert_eq!(hash_bigint(&((BigInt::from(1) << 64) + 5)), 13);
        assert_eq!(hash_i64(0), 0);
        assert_eq!(hash_i64(12345), 12345);
        for i in [-5i64, -1, 0, 7, i64::MAX, i64::MIN, 1 << 62] {
            assert_eq!(hash_bigint(&BigInt::from(i)), hash_i64(i));
        }
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-1.5), -1152921504606846977);
        assert_eq!(hash_f64(0.1), 230584300921369408);
        assert_eq!(hash_f64(1e300), 1224995262755759164);
        assert_eq!(hash_f64(5e-324), 16777216);
        assert_eq!(hash_f64(-0.0), 0);
        assert_eq!(hash_f64(2f64.powi(62)), 2);
        assert_eq!(hash_f64(1e-10), 2124533198426632172);
        assert_eq!(hash_f64(123456.789), 1819310134279660096);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
        assert_eq!(hash_f64(f64::NEG_INFINITY), -314159);
        assert_eq!(hash_f64(-1.0), -2);
        for i in [-1000i64, -1, 0, 1, 3, 1 << 40, -(1 << 52)] {
            assert_eq!(hash_f64(i as f64), hash_i64(i));
        }
    }

    #[test]
    fn tuples_match_cpython() {
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1]), -6644214454873602895);
        let inner = hash_tuple(&[2, 3]);
        assert_eq!(hash_tuple(&[1, inner]), 7267574591690527098);
        // (-1, False)
        assert_eq!(hash_tuple(&[-2, 0]), 2575514064802888272);
        let t = Value::tuple(vec![
            Value::Int(1),
            Value::tuple(vec![Value::Int(2), Value::Float(3.0)]),
        ]);
        assert_eq!(hash_native(&t), Some(7267574591690527098));
        let bad = Value::tuple(vec![Value::Int(1), Value::list(vec![])]);
        assert_eq!(hash_native(&bad), None);
    }

    #[test]
    fn frozensets_match_cpython() {
        assert_eq!(hash_frozenset(std::iter::empty(), 0), 133146708735736);
        assert_eq!(
            hash_frozenset([1, 2, 3].into_iter(), 3),
            -272375401224217160
        );
        let h = hash_bigint(&big("100000000000000000000"));
        assert_eq!(hash_frozenset([-2, h].into_iter(), 2), -7238096991276158344);
    }

    #[test]
    fn native_equality() {
        let one = [Value::Int(1), Value::Float(1.0), Value::Bool(true)];
        for a in &one {
            for b in &one {
                assert_eq!(native_eq(a, b), Some(true));
                assert_eq!(hash_native(a), hash_native(b));
            }
        }
        assert_eq!(native_eq(&Value::Int(1), &Value::str("1")), Some(false));
        assert_eq!(native_eq(&Value::None, &Value::Int(0)), Some(false));
        assert_eq!(native_eq(&Value::str("ab"), &Value::str("ab")), Some(true));
        let b = Value::bigint(BigInt::from(1) << 70);
        assert_eq!(native_eq(&b, &Value::Float(2f64.powi(70))), Some(true));
        assert_eq!(hash_native(&b), hash_native(&Value::Float(2f64.powi(70))));
        assert_eq!(
            native_eq(&Value::Int(i64::MAX), &Value::Float(i64::MAX as f64)),
            Some(false)
        );
        assert_eq!(
            native_eq(&Value::Float(f64::NAN), &Value::Float(f64::NAN)),
            Some(false)
        );
        assert_eq!(native_eq(&Value::Int(1), &Value::list(vec![])), None);
        let t1 = Value::tuple(vec![Value::Int(1), Value::Float(2.0)]);
        let t2 = Value::tuple(vec![Value::Bool(true), Value::Int(2)]);
        assert_eq!(native_eq(&t1, &t2), Some(true));
        let t3 = Value::tuple(vec![Value::Int(1), Value::list(vec![])]);
        assert_eq!(native_eq(&t1, &t3), None);
        let t4 = Value::tuple(vec![Value::Int(0), Value::list(vec![])]);
        assert_eq!(native_eq(&t1, &t4), Some(false));
    }
}
