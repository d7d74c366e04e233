//! The numbers behind Baton's `random` module, identical to CPython 3.11's for the same
//! int seed: the MT19937 Mersenne Twister, CPython's seeding from an int
//! (`init_by_array` over the absolute value's 32-bit words), `random()`,
//! `getrandbits()`, `_randbelow()`, and the algorithms of `randrange`, `randint`,
//! `choice`, `shuffle`, `sample` and `uniform`. Sequences are handled by index: the VM
//! picks/permutes its own elements with the indexes returned here.

use crate::vm::error::{ExcType, PyErr, PyResult};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ValueError, msg)
}

/// CPython's `random.Random` state: MT19937.
#[derive(Clone)]
pub struct MersenneTwister {
    mt: [u32; N],
    index: usize,
}

impl std::fmt::Debug for MersenneTwister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "MersenneTwister {{ index: {} }}", self.index)
    }
}

impl MersenneTwister {
    /// `random.Random(seed)` / `random.seed(seed)` for an int seed.
    pub fn new(seed: &BigInt) -> MersenneTwister {
        let mut m = MersenneTwister {
            mt: [0; N],
            index: N,
        };
        m.seed(seed);
        m
    }

    /// A generator seeded from the clock and process id (`random.seed(None)`; CPython
    /// uses OS entropy, so these numbers are not reproducible anyway).
    pub fn from_entropy() -> MersenneTwister {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let mixed = nanos ^ ((std::process::id() as u128) << 64);
        let addr = &mixed as *const u128 as usize as u128;
        MersenneTwister::new(&BigInt::from(mixed ^ (addr << 80)))
    }

    /// `random.seed(n)` for an int: `init_by_array` with |n|'s 32-bit words,
    /// least significant first (`[0]` for zero).
    pub fn seed(&mut self, seed: &BigInt) {
        let mut key = seed.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// The reference `init_by_array`.
    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.mt;
        let mut i = 1usize;
        let mut j = 0usize;
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] =
                (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    /// The next 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            let mt = &mut self.mt;
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)` for k <= 64.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.next_u32() as u64;
                let hi = (self.next_u32() >> (64 - k.min(64))) as u64;
                lo | (hi << 32)
            }
        }
    }

    /// `random.getrandbits(k)`: "number of bits must be non-negative".
    pub fn getrandbits(&mut self, k: i64) -> PyResult<BigInt> {
        if k < 0 {
            return Err(value_error("number of bits must be non-negative"));
        }
        if k <= 64 {
            return Ok(BigInt::from(self.getrandbits_u64(k as u32)));
        }
        let mut words = Vec::with_capacity(((k - 1) / 32 + 1) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left -= 32;
        }
        Ok(BigInt::from_biguint(Sign::Plus, BigUint::new(words)))
    }

    /// `_randbelow(n)` for 0 < n (returns 0 for n == 0): rejection sampling with
    /// `getrandbits(n.bit_length())`.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for any positive int (0 for n <= 0).
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if !n.is_positive() {
            return BigInt::from(0);
        }
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits() as i64;
        loop {
            let r = self.getrandbits(k).unwrap_or_default();
            if r < *n {
                return r;
            }
        }
    }

    /// `random.randrange(start, stop, step)` (`stop == None` means `randrange(start)`),
    /// with CPython's "empty range for randrange()" / "zero step for randrange()".
    pub fn randrange(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> PyResult<BigInt> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(PyErr::type_error("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(value_error("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(value_error(format!(
                "empty range for randrange() ({}, {}, {})",
                start, stop, width
            )));
        }
        let n = if step.is_positive() {
            num_integer::Integer::div_floor(&(&width + step - 1), step)
        } else if step.is_negative() {
            num_integer::Integer::div_floor(&(&width + step + 1), step)
        } else {
            return Err(value_error("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(value_error("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `random.randrange` on i64 arguments.
    pub fn randrange_i64(&mut self, start: i64, stop: Option<i64>, step: i64) -> PyResult<i64> {
        let r = self.randrange(
            &BigInt::from(start),
            stop.map(BigInt::from).as_ref(),
            &BigInt::from(step),
        )?;
        Ok(r.to_i64().unwrap_or_default())
    }

    /// `random.randint(a, b)` = `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> PyResult<BigInt> {
        self.randrange(a, Some(&(b + 1)), &BigInt::one())
    }

    /// `random.choice(seq)`: the index to pick from a sequence of `len` items.
    /// "Cannot choose from an empty sequence" (IndexError).
    pub fn choice_index(&mut self, len: usize) -> PyResult<usize> {
        if len == 0 {
            return Err(PyErr::index_error("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `random.shuffle(x)` in place (any element type), CPython's order of draws.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `random.sample(population, k)` as indexes into a population of `n` items:
    /// CPython 3.11's pool method for small populations, selected-set otherwise.
    /// "Sample larger than population or is negative".
    pub fn sample_indices(&mut self, n: usize, k: i64) -> PyResult<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return Err(value_error("Sample larger than population or is negative"));
        }
        let k = k as usize;
        let mut setsize: f64 = 21.0;
        if k > 5 {
            setsize += 4f64.powf((((k * 3) as f64).ln() / 4f64.ln()).ceil());
        }
        let mut result = Vec::with_capacity(k);
        if n as f64 <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.uniform(a, b)` = `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }
}

/// The error for seeds Baton does not support (str, bytes, float...).
pub fn unsupported_seed(type_name: &str) -> PyErr {
    PyErr::type_error(format!(
        "Baton's random.seed() supports only int and None, not '{}'",
        type_name
    ))
}

#[cfg(test)]
#[path = "random_tests.rs"]
mod tests;
