//! The numbers behind Baton's `random` module, identical to CPython 3.11's for the same
//! int seed: the MT19937 Mersenne Twister, CPython's seeding from an int
//! (`init_by_array` over the absolute value's 32-bit words), `random()`,
//! `getrandbits()`, `_randbelow()`, and the algorithms of `randrange`, `randint`,
//! `choice`, `shuffle`, `sample` and `uniform`; str/bytes seeds go through SHA-512 as
//! in CPython. Sequences are handled by index: the VM picks/permutes its own elements
//! with the indexes returned here.

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
    /// The second normal deviate of `gauss`'s last pair, given out next (CPython's
    /// `gauss_next`; seeding drops it).
    gauss_next: Option<f64>,
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
            gauss_next: None,
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

    /// `random.seed(s)` for a str (CPython's version-2 seeding: the int whose
    /// big-endian bytes are `s.encode() + sha512(s.encode()).digest()`).
    pub fn seed_str(&mut self, s: &str) {
        self.seed_bytes(s.as_bytes());
    }

    /// `random.seed(b)` for bytes.
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut all = b.to_vec();
        all.extend_from_slice(&sha512(b));
        self.seed(&BigInt::from_bytes_be(Sign::Plus, &all));
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
        self.gauss_next = None;
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

    /// `random.gauss(mu, sigma)`: the Box-Muller transform, which makes two normal
    /// deviates from two uniform ones; the second is kept for the next call.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let angle = self.random() * std::f64::consts::TAU;
                let radius = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(angle.sin() * radius);
                angle.cos() * radius
            }
        };
        mu + z * sigma
    }

    /// `random.normalvariate(mu, sigma)`: Kinderman and Monahan's ratio-of-uniforms
    /// method (pairs are drawn until one is accepted).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.expovariate(lambd)`: an exponential deviate with rate `lambd`.
    pub fn expovariate(&mut self, lambd: f64) -> f64 {
        -(1.0 - self.random()).ln() / lambd
    }

    /// One of `random.choices`' picks: an index below `n`, drawn uniformly, or, given
    /// the cumulative weights (one per index, their total last), with those weights.
    pub fn choice_index_weighted(&mut self, n: usize, cum_weights: Option<&[f64]>) -> usize {
        match cum_weights {
            None => (self.random() * n as f64).floor() as usize,
            Some(cum) => {
                let total = cum.last().copied().unwrap_or(0.0);
                // The first index whose cumulative weight exceeds the draw
                // (`bisect_right` over all but the last).
                let x = self.random() * total;
                cum[..n.saturating_sub(1)].partition_point(|&c| c <= x)
            }
        }
    }
}

/// The error for seeds Baton does not support (float, tuple...).
pub fn unsupported_seed(type_name: &str) -> PyErr {
    PyErr::type_error(format!(
        "Baton's random.seed() supports only None, int, str and bytes, not '{}'",
        type_name
    ))
}

const SHA512_K: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

/// SHA-512 of `data` (FIPS 180-4), used only for seeding from str/bytes.
fn sha512(data: &[u8]) -> [u8; 64] {
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179,
    ];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (i, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[i] = u64::from_be_bytes(b);
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(SHA512_K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
#[path = "random_tests.rs"]
mod tests;

// ---------------------------------------------------------------------------------
// The `random` module object: natives over the VM's one generator.

use crate::vm::value::{KwArgs, Module, NativeFn, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The VM's generator, seeded from entropy on first use.
fn rng(vm: &mut Vm) -> &mut MersenneTwister {
    vm.random
        .get_or_insert_with(|| Box::new(MersenneTwister::from_entropy()))
}

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

fn r_seed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        None | Some(Value::None) => vm.random = Some(Box::new(MersenneTwister::from_entropy())),
        Some(Value::Str(s)) => rng(vm).seed_str(s.as_str()),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            let n = integer(vm, v)?;
            rng(vm).seed(&n);
        }
        Some(other) => return Err(unsupported_seed(&vm.type_name(other))),
    }
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(rng(vm).random()))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let k = crate::vm::methods::int_arg(vm, args.first().unwrap_or(&Value::Int(0)))?;
    Ok(Value::bigint(rng(vm).getrandbits(k)?))
}

fn r_randint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [a, b] = args else {
        return Err(PyErr::type_error(format!(
            "Random.randint() takes 3 positional arguments but {} were given",
            args.len() + 1
        )));
    };
    let (a, b) = (integer(vm, a)?, integer(vm, b)?);
    Ok(Value::bigint(rng(vm).randint(&a, &b)?))
}

fn r_randrange(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(
            "randrange() takes from 1 to 3 positional arguments",
        ));
    }
    let start = integer(vm, &args[0])?;
    let stop = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(integer(vm, v)?),
    };
    let step = match args.get(2) {
        Some(v) => integer(vm, v)?,
        None => BigInt::one(),
    };
    Ok(Value::bigint(rng(vm).randrange(
        &start,
        stop.as_ref(),
        &step,
    )?))
}

fn r_uniform(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [a, b] = args else {
        return Err(PyErr::type_error("uniform() takes exactly 2 arguments"));
    };
    let (a, b) = (vm.to_float(a)?, vm.to_float(b)?);
    Ok(Value::Float(rng(vm).uniform(a, b)))
}

fn r_choice(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(seq) = args.first() else {
        return Err(PyErr::type_error(
            "choice() missing 1 required positional argument: 'seq'",
        ));
    };
    let n = vm.len(seq)?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = rng(vm).choice_index(n)?;
    vm.get_item(seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args.first() {
        Some(Value::List(l)) => {
            let mut items = std::mem::take(&mut *l.borrow_mut());
            rng(vm).shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        Some(other) => Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            vm.type_name(other)
        ))),
        None => Err(PyErr::type_error(
            "shuffle() missing 1 required positional argument: 'x'",
        )),
    }
}

fn r_sample(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let k = args
        .get(1)
        .or_else(|| crate::vm::methods::kwarg(kw, "k"))
        .cloned();
    let (Some(pop), Some(k)) = (args.first(), k) else {
        return Err(PyErr::type_error("sample() missing required arguments"));
    };
    if matches!(pop, Value::Set(_) | Value::Dict(_)) {
        return Err(PyErr::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let items = vm.collect(pop)?;
    let k = crate::vm::methods::int_arg(vm, &k)?;
    let idx = rng(vm).sample_indices(items.len(), k)?;
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`: `k` picks with
/// replacement, uniform or weighted.
fn r_choices(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::only_kwargs(
        "choices",
        kw,
        &["population", "weights", "cum_weights", "k"],
    )?;
    let arg = |i: usize, name: &str| {
        args.get(i)
            .or_else(|| crate::vm::methods::kwarg(kw, name))
            .filter(|v| !v.is_none())
            .cloned()
    };
    let Some(population) = arg(0, "population") else {
        return Err(PyErr::type_error(
            "Random.choices() missing 1 required positional argument: 'population'",
        ));
    };
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "Random.choices() takes from 2 to 3 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    let weights = arg(1, "weights");
    let cum_weights = crate::vm::methods::kwarg(kw, "cum_weights")
        .filter(|v| !v.is_none())
        .cloned();
    let k = match crate::vm::methods::kwarg(kw, "k") {
        Some(k) => crate::vm::methods::int_arg(vm, k)?.max(0) as usize,
        None => 1,
    };
    let n = vm.len(&population)?;
    let cum: Option<Vec<f64>> = match (weights, cum_weights) {
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
        (Some(Value::Int(k)), None) => {
            return Err(PyErr::type_error(format!(
                "The number of choices must be a keyword argument: k={k}"
            )))
        }
        (Some(w), None) => {
            let mut total = 0.0;
            let mut cum = Vec::new();
            for w in vm.collect(&w)? {
                total += vm.to_float(&w)?;
                cum.push(total);
            }
            Some(cum)
        }
        (None, Some(c)) => Some(
            vm.collect(&c)?
                .iter()
                .map(|c| vm.to_float(c))
                .collect::<PyResult<_>>()?,
        ),
        (None, None) => None,
    };
    if let Some(cum) = &cum {
        if cum.len() != n {
            return Err(value_error(
                "The number of weights does not match the population",
            ));
        }
        let total = cum.last().copied().unwrap_or(0.0);
        if total <= 0.0 {
            return Err(value_error("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(value_error("Total of weights must be finite"));
        }
    }
    // One draw per pick, each item fetched before the next draw (an empty population
    // fails after the first, as in CPython).
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let i = rng(vm).choice_index_weighted(n, cum.as_deref());
        out.push(vm.get_item(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

/// The `mu` and `sigma` (or `lambd`) of a distribution, as given (None for a
/// parameter without a default: it is required). They are used as CPython uses
/// them, in Baton arithmetic, so a wrong type fails as it does there.
fn distribution_args(
    args: &[Value],
    kw: KwArgs,
    name: &str,
    params: &[(&str, Option<f64>)],
) -> PyResult<Vec<Value>> {
    let names: Vec<&str> = params.iter().map(|(n, _)| *n).collect();
    crate::vm::methods::only_kwargs(name, kw, &names)?;
    if args.len() > params.len() {
        let required = params.iter().filter(|(_, d)| d.is_none()).count();
        let takes = if required == params.len() {
            format!("{}", params.len() + 1)
        } else {
            format!("from {} to {}", required + 1, params.len() + 1)
        };
        return Err(PyErr::type_error(format!(
            "Random.{name}() takes {takes} positional arguments but {} were given",
            args.len() + 1
        )));
    }
    params
        .iter()
        .enumerate()
        .map(|(i, (p, default))| {
            match (
                args.get(i).or_else(|| crate::vm::methods::kwarg(kw, p)),
                default,
            ) {
                (Some(v), _) => Ok(v.clone()),
                (None, Some(d)) => Ok(Value::Float(*d)),
                (None, None) => Err(PyErr::type_error(format!(
                    "Random.{name}() missing 1 required positional argument: '{p}'"
                ))),
            }
        })
        .collect()
}

/// `mu + z * sigma` for a standard normal deviate `z`.
fn scaled(vm: &mut Vm, z: f64, p: &[Value]) -> PyResult<Value> {
    use crate::syntax::ast::BinOp;
    let spread = vm.binary_op(BinOp::Mult, &Value::Float(z), &p[1])?;
    vm.binary_op(BinOp::Add, &p[0], &spread)
}

fn r_gauss(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = distribution_args(
        args,
        kw,
        "gauss",
        &[("mu", Some(0.0)), ("sigma", Some(1.0))],
    )?;
    let z = rng(vm).gauss(0.0, 1.0);
    scaled(vm, z, &p)
}

fn r_normalvariate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let params = &[("mu", Some(0.0)), ("sigma", Some(1.0))];
    let p = distribution_args(args, kw, "normalvariate", params)?;
    let z = rng(vm).normalvariate(0.0, 1.0);
    scaled(vm, z, &p)
}

fn r_expovariate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = distribution_args(args, kw, "expovariate", &[("lambd", None)])?;
    let e = rng(vm).expovariate(1.0);
    vm.binary_op(crate::syntax::ast::BinOp::Div, &Value::Float(e), &p[0])
}

/// Builds the `random` module.
pub fn module(_vm: &mut Vm) -> Rc<Module> {
    let m = Rc::new(Module::new("random", "<random>"));
    let functions: &[(&'static str, NativeFn)] = &[
        ("seed", r_seed),
        ("random", r_random),
        ("getrandbits", r_getrandbits),
        ("randint", r_randint),
        ("randrange", r_randrange),
        ("uniform", r_uniform),
        ("choice", r_choice),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("choices", r_choices),
        ("gauss", r_gauss),
        ("normalvariate", r_normalvariate),
        ("expovariate", r_expovariate),
    ];
    crate::modules::add_functions(&m, "random", functions);
    m
}
