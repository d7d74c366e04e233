//! Hashing as CPython does it for numbers and tuples (so set order matches), and a
//! fixed-key hash for strings (CPython randomises those, so no program can depend on it).

use crate::vm::value::Value;

/// The string hash: deterministic across runs, never 0 (0 marks "not computed").
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

/// The hash of an int that fits in i64, as CPython's `hash()` gives it.
pub fn hash_i64(i: i64) -> i64 {
    const M: i128 = (1i128 << 61) - 1;
    let r = (i as i128).rem_euclid(M);
    let h = if i < 0 { -(((-(i as i128)) % M) as i64) } else { r as i64 };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// The hash of values that need no user code: None for unhashable values and for
/// instances (whose hash the VM computes).
pub fn hash_native(v: &Value) -> Option<i64> {
    match v {
        Value::None => Some(0x1010),
        Value::Bool(b) => Some(*b as i64),
        Value::Int(i) => Some(hash_i64(*i)),
        Value::Str(s) => Some(s.hash() as i64),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => Some(hash_i64(*f as i64)),
        Value::Float(f) => Some(f.to_bits() as i64 & 0x7fff_ffff_ffff_ffff),
        _ => None,
    }
}
