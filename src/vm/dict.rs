//! The dict table: insertion-ordered, keyed by any hashable value.
//!
//! The caller computes the hash (which may run a user `__hash__`) and supplies the
//! equality test (which may run a user `__eq__`), so the table itself never needs the VM.
//! Keys that are the same object match without calling `eq`, and keys whose comparison
//! needs no user code (str, int, float, bool, None, tuples of those) are compared natively
//! (`hash::native_eq`); `eq` only runs for the rest.
//!
//! Layout, as CPython's compact dict: `entries` holds the items in insertion order, with
//! `None` tombstones where items were removed; `indices` is an open-addressing table
//! (CPython's probe sequence) of positions into `entries`. Small tables (at most
//! `SMALL` entry slots) have no index at all and are scanned linearly, comparing the
//! stored hashes first. Tombstones are only squeezed out when an insertion of a new key
//! finds `entries` full (its index, or its allocation), so a slot index (a position in
//! `entries`) stays valid until the table grows; see `entry_from`.

use crate::vm::error::PyResult;
use crate::vm::hash::native_eq;
use crate::vm::value::{PyStr, Value};
use std::rc::Rc;

/// Equality callback used on hash matches: `eq(stored_key, probe_key)`.
pub type EqFn<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

/// Tables with at most this many entry slots have no index.
const SMALL: usize = 8;
/// Index marker: slot never used.
const EMPTY: u32 = u32::MAX;
/// Index marker: slot whose entry was removed.
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

/// 48 bytes (every instance embeds one): the index is a boxed slice and the counts are
/// u32 (an entry is 40 bytes, so 2^32 of them could not be allocated anyway).
#[derive(Clone, Default)]
pub struct Dict {
    /// Items in insertion order; `None` marks a removed one.
    entries: Vec<Option<Entry>>,
    /// Empty for small tables; otherwise a power-of-two table of positions in `entries`.
    indices: Box<[u32]>,
    /// Index slots not EMPTY (live or DUMMY): bounded by `usable` so probes terminate.
    fill: u32,
    len: u32,
}

/// Whether the stored key matches the probe: identity, then native equality, then `eq`.
#[inline]
fn key_matches(stored: &Value, probe: &Value, eq: &mut EqFn) -> PyResult<bool> {
    if stored.is(probe) {
        return Ok(true);
    }
    match native_eq(stored, probe) {
        Some(b) => Ok(b),
        None => eq(stored, probe),
    }
}

#[inline]
fn str_matches(stored: &Value, stored_hash: i64, key: &PyStr, hash: i64) -> bool {
    match stored {
        Value::Str(s) => std::ptr::eq(&**s, key) || (stored_hash == hash && s.s == key.s),
        _ => false,
    }
}

/// The smallest index size (a power of two, at least 16) whose usable part exceeds `n`.
fn index_size_for(n: usize) -> usize {
    (n.saturating_mul(3) / 2 + 1)
        .next_power_of_two()
        .max(2 * SMALL)
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    /// An empty dict with room for `n` items before it needs to grow (the hint is
    /// capped, so a huge one from a program cannot abort the allocation). (Addition.)
    pub fn with_capacity(n: usize) -> Dict {
        let n = n.min(1 << 20);
        let mut d = Dict {
            entries: Vec::with_capacity(n),
            indices: Box::default(),
            fill: 0,
            len: 0,
        };
        if n > SMALL {
            d.indices = vec![EMPTY; index_size_for(n)].into_boxed_slice();
        }
        d
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many new entry slots fit before the next compaction or growth.
    fn usable(&self) -> usize {
        if self.indices.is_empty() {
            SMALL
        } else {
            self.indices.len() / 3 * 2
        }
    }

    /// The first index slot of the probe sequence and its perturbation state.
    #[inline]
    fn probe_start(&self, hash: i64) -> (usize, u64, usize) {
        let mask = self.indices.len() - 1;
        (hash as u64 as usize & mask, hash as u64, mask)
    }

    #[inline]
    fn probe_next(i: usize, perturb: &mut u64, mask: usize) -> usize {
        *perturb >>= PERTURB_SHIFT;
        (i.wrapping_mul(5)
            .wrapping_add(*perturb as usize)
            .wrapping_add(1))
            & mask
    }

    /// Finds the key: (index slot or `usize::MAX` for small tables, entry position).
    fn find(&self, hash: i64, key: &Value, eq: &mut EqFn) -> PyResult<Option<(usize, usize)>> {
        if self.indices.is_empty() {
            for (pos, e) in self.entries.iter().enumerate() {
                if let Some(e) = e {
                    if e.hash == hash && key_matches(&e.key, key, eq)? {
                        return Ok(Some((usize::MAX, pos)));
                    }
                }
            }
            return Ok(None);
        }
        let (mut i, mut perturb, mask) = self.probe_start(hash);
        loop {
            match self.indices[i] {
                EMPTY => return Ok(None),
                DUMMY => {}
                ix => {
                    let pos = ix as usize;
                    if let Some(Some(e)) = self.entries.get(pos) {
                        if e.hash == hash && key_matches(&e.key, key, eq)? {
                            return Ok(Some((i, pos)));
                        }
                    }
                }
            }
            i = Self::probe_next(i, &mut perturb, mask);
        }
    }

    /// `find` for a str key: pointer equality, then hash, then content. No user code.
    fn find_str(&self, key: &PyStr) -> Option<(usize, usize)> {
        let hash = key.hash() as i64;
        if self.indices.is_empty() {
            for (pos, e) in self.entries.iter().enumerate() {
                if let Some(e) = e {
                    if str_matches(&e.key, e.hash, key, hash) {
                        return Some((usize::MAX, pos));
                    }
                }
            }
            return None;
        }
        let (mut i, mut perturb, mask) = self.probe_start(hash);
        loop {
            match self.indices[i] {
                EMPTY => return None,
                DUMMY => {}
                ix => {
                    let pos = ix as usize;
                    if let Some(Some(e)) = self.entries.get(pos) {
                        if str_matches(&e.key, e.hash, key, hash) {
                            return Some((i, pos));
                        }
                    }
                }
            }
            i = Self::probe_next(i, &mut perturb, mask);
        }
    }

    /// Puts entry position `pos` into the index (the key is known to be absent).
    fn index_insert(&mut self, hash: i64, pos: usize) {
        let (mut i, mut perturb, mask) = self.probe_start(hash);
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            i = Self::probe_next(i, &mut perturb, mask);
        }
        if self.indices[i] == EMPTY {
            self.fill += 1;
        }
        self.indices[i] = pos as u32;
    }

    /// Squeezes out tombstones and rebuilds the index for the live size plus `extra`.
    fn rebuild(&mut self, extra: usize) {
        if (self.len as usize) < self.entries.len() {
            self.entries.retain(Option::is_some);
        }
        let want = self.len as usize + extra;
        self.fill = 0;
        if want <= SMALL {
            self.indices = Box::default();
            return;
        }
        let size = index_size_for(want.max((self.len as usize).saturating_mul(2)));
        self.indices = vec![EMPTY; size].into_boxed_slice();
        for pos in 0..self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                let h = e.hash;
                self.index_insert(h, pos);
            }
        }
    }

    /// Appends a key known to be absent.
    fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        // Out of index room, or out of entry room with at least an eighth of the slots
        // tombstones: squeeze those out first (so an exactly sized table takes a new key
        // in place of a removed one without growing; the eighth keeps it amortised).
        let slots = self.entries.len();
        let squeeze = slots == self.entries.capacity() && (slots - self.len as usize) * 8 >= slots;
        if slots.max(self.fill as usize) >= self.usable()
            || (squeeze && (self.len as usize) < slots)
        {
            self.rebuild(1);
        }
        let pos = self.entries.len();
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        if !self.indices.is_empty() {
            self.index_insert(hash, pos);
        }
    }

    /// Makes room for `additional` new keys without intermediate growth. (Addition.)
    pub fn reserve(&mut self, additional: usize) {
        let additional = additional.min(1 << 20);
        let need = self
            .entries
            .len()
            .max(self.fill as usize)
            .saturating_add(additional);
        if need > self.usable() {
            self.rebuild(additional);
        }
        self.entries.reserve(additional);
    }

    /// Removes the entry at `pos`, found at index slot `slot`.
    fn take_at(&mut self, slot: usize, pos: usize) -> Option<Entry> {
        if slot != usize::MAX {
            self.indices[slot] = DUMMY;
        }
        let e = self.entries.get_mut(pos)?.take();
        if e.is_some() {
            self.len -= 1;
        }
        // Trailing tombstones can go at once: no later slot positions change.
        while matches!(self.entries.last(), Some(None)) {
            self.entries.pop();
        }
        if self.len == 0 {
            self.entries.clear();
            self.indices = Box::default();
            self.fill = 0;
        }
        e
    }

    pub fn get(&self, hash: i64, key: &Value, mut eq: EqFn) -> PyResult<Option<Value>> {
        Ok(self
            .find(hash, key, &mut eq)?
            .and_then(|(_, pos)| self.entries[pos].as_ref().map(|e| e.value.clone())))
    }

    /// Whether the key is present. (Addition.)
    pub fn contains_key(&self, hash: i64, key: &Value, mut eq: EqFn) -> PyResult<bool> {
        Ok(self.find(hash, key, &mut eq)?.is_some())
    }

    /// The stored key and its value. (Addition.)
    pub fn get_item(
        &self,
        hash: i64,
        key: &Value,
        mut eq: EqFn,
    ) -> PyResult<Option<(Value, Value)>> {
        Ok(self.find(hash, key, &mut eq)?.and_then(|(_, pos)| {
            self.entries[pos]
                .as_ref()
                .map(|e| (e.key.clone(), e.value.clone()))
        }))
    }

    /// Inserts or replaces; returns the old value. An existing key keeps its position
    /// (and its original key object).
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        mut eq: EqFn,
    ) -> PyResult<Option<Value>> {
        if let Some((_, pos)) = self.find(hash, &key, &mut eq)? {
            if let Some(e) = self.entries[pos].as_mut() {
                return Ok(Some(std::mem::replace(&mut e.value, value)));
            }
        }
        self.push_new(hash, key, value);
        Ok(None)
    }

    pub fn remove(
        &mut self,
        hash: i64,
        key: &Value,
        mut eq: EqFn,
    ) -> PyResult<Option<(Value, Value)>> {
        Ok(match self.find(hash, key, &mut eq)? {
            Some((slot, pos)) => self.take_at(slot, pos).map(|e| (e.key, e.value)),
            None => None,
        })
    }

    /// Look-up by string key: no user code can run. Only str keys match.
    pub fn get_str(&self, key: &PyStr) -> Option<Value> {
        self.get_str_ref(key).cloned()
    }

    /// The value stored under a str key, borrowed.
    pub fn get_str_ref(&self, key: &PyStr) -> Option<&Value> {
        let (_, pos) = self.find_str(key)?;
        self.entries[pos].as_ref().map(|e| &e.value)
    }

    /// `get_str` with a remembered position: `hint` is where this key was found last
    /// time (an inline cache of the run loop), checked by key identity first and
    /// updated after a full look-up.
    #[inline(always)]
    pub fn get_str_hinted(&self, key: &PyStr, hint: &std::cell::Cell<u32>) -> Option<Value> {
        if let Some(Some(e)) = self.entries.get(hint.get() as usize) {
            if let Value::Str(k) = &e.key {
                if std::ptr::eq(&**k, key) {
                    return Some(e.value.fast_clone());
                }
            }
        }
        self.get_str_and_hint(key, hint)
    }

    /// The slow half of `get_str_hinted`: a full look-up that updates the hint.
    #[inline(never)]
    fn get_str_and_hint(&self, key: &PyStr, hint: &std::cell::Cell<u32>) -> Option<Value> {
        let (_, pos) = self.find_str(key)?;
        hint.set(pos as u32);
        self.entries[pos].as_ref().map(|e| e.value.fast_clone())
    }

    /// `set_str` with a remembered position (see `get_str_hinted`).
    #[inline]
    pub fn set_str_hinted(&mut self, key: &Rc<PyStr>, value: Value, hint: &std::cell::Cell<u32>) {
        if let Some(Some(e)) = self.entries.get_mut(hint.get() as usize) {
            if let Value::Str(k) = &e.key {
                if Rc::ptr_eq(k, key) {
                    e.value = value;
                    return;
                }
            }
        }
        if let Some((_, pos)) = self.find_str(key) {
            if let Some(e) = self.entries[pos].as_mut() {
                e.value = value;
                hint.set(pos as u32);
                return;
            }
        }
        self.push_new(key.hash() as i64, Value::Str(key.clone()), value);
        // A new key is the last entry.
        hint.set((self.entries.len() - 1) as u32);
    }

    /// Replaces the value of a str key already present; gives the value back when the
    /// key is absent. No user code can run. (Addition.)
    pub fn update_str(&mut self, key: &PyStr, value: Value) -> Result<(), Value> {
        if let Some((_, pos)) = self.find_str(key) {
            if let Some(e) = self.entries[pos].as_mut() {
                e.value = value;
                return Ok(());
            }
        }
        Err(value)
    }

    /// Sets a str key: no user code can run (only str keys are compared).
    pub fn set_str(&mut self, key: Rc<PyStr>, value: Value) {
        if let Some((_, pos)) = self.find_str(&key) {
            if let Some(e) = self.entries[pos].as_mut() {
                e.value = value;
                return;
            }
        }
        let h = key.hash() as i64;
        self.push_new(h, Value::Str(key), value);
    }

    pub fn remove_str(&mut self, key: &PyStr) -> Option<Value> {
        let (slot, pos) = self.find_str(key)?;
        self.take_at(slot, pos).map(|e| e.value)
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }

    /// Entries in insertion order with their stored hashes. (Addition.)
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value, &Value)> {
        self.entries
            .iter()
            .flatten()
            .map(|e| (e.hash, &e.key, &e.value))
    }

    /// The first live entry at or after slot `index`, and the slot after it: lets an
    /// iterator walk the table by position while the caller re-borrows between steps.
    ///
    /// A slot index is a position in the entry array. Removals leave tombstones and
    /// never move entries, and replacing a value keeps its slot, so positions are stable
    /// under both; only inserting a *new* key may compact the array (when it is full),
    /// which renumbers the slots. That insertion changes `len`, which is how iterators
    /// notice it (a remove followed by an insert also compacts only on insert, so an
    /// iterator that compares lengths alone can miss that case, as CPython's
    /// "keys changed" check is also best-effort).
    pub fn entry_from(&self, index: usize) -> Option<(usize, Value, Value)> {
        let rest = self.entries.get(index..)?;
        for (off, e) in rest.iter().enumerate() {
            if let Some(e) = e {
                return Some((index + off + 1, e.key.clone(), e.value.clone()));
            }
        }
        None
    }

    /// The live entry at slot `index`, if any. (Addition.)
    pub fn get_index(&self, index: usize) -> Option<(&Value, &Value)> {
        match self.entries.get(index) {
            Some(Some(e)) => Some((&e.key, &e.value)),
            _ => None,
        }
    }

    /// One past the last slot index in use (a bound for `entry_from`). (Addition.)
    pub fn slot_count(&self) -> usize {
        self.entries.len()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    pub fn clear(&mut self) {
        self.entries = Vec::new();
        self.indices = Box::default();
        self.fill = 0;
        self.len = 0;
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let pos = self.entries.iter().rposition(Option::is_some)?;
        let hash = self.entries[pos].as_ref()?.hash;
        let slot = if self.indices.is_empty() {
            usize::MAX
        } else {
            let (mut i, mut perturb, mask) = self.probe_start(hash);
            while self.indices[i] != pos as u32 {
                if self.indices[i] == EMPTY {
                    // Unreachable for a consistent table; degrade to a rebuild.
                    self.rebuild(0);
                    return self.pop_last();
                }
                i = Self::probe_next(i, &mut perturb, mask);
            }
            i
        };
        self.take_at(slot, pos).map(|e| (e.key, e.value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::hash::hash_native;

    fn no_eq(_: &Value, _: &Value) -> PyResult<bool> {
        panic!("eq called for native keys")
    }

    fn h(v: &Value) -> i64 {
        hash_native(v).unwrap()
    }

    fn ins(d: &mut Dict, k: Value, v: i64) -> Option<Value> {
        d.insert(h(&k), k, Value::Int(v), &mut no_eq).unwrap()
    }

    fn get(d: &Dict, k: &Value) -> Option<i64> {
        match d.get(h(k), k, &mut no_eq).unwrap() {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    fn del(d: &mut Dict, k: &Value) -> bool {
        d.remove(h(k), k, &mut no_eq).unwrap().is_some()
    }

    fn as_i(v: &Value) -> i64 {
        match v {
            Value::Int(i) => *i,
            _ => panic!("not an int"),
        }
    }

    #[test]
    fn basics_and_cross_type_keys() {
        let mut d = Dict::new();
        assert!(ins(&mut d, Value::Int(1), 10).is_none());
        assert!(ins(&mut d, Value::Float(1.0), 11).is_some());
        assert_eq!(d.len(), 1);
        assert_eq!(get(&d, &Value::Bool(true)), Some(11));
        // The original key object is kept.
        assert!(matches!(d.keys()[0], Value::Int(1)));
        ins(&mut d, Value::str("a"), 2);
        ins(&mut d, Value::None, 3);
        ins(
            &mut d,
            Value::tuple(vec![Value::Int(1), Value::str("x")]),
            4,
        );
        assert_eq!(
            get(&d, &Value::tuple(vec![Value::Float(1.0), Value::str("x")])),
            Some(4)
        );
        assert_eq!(get(&d, &Value::None), Some(3));
        assert_eq!(d.get_str(&PyStr::new("a")).map(|v| as_i(&v)), Some(2));
        assert!(d.get_str(&PyStr::new("b")).is_none());
        assert!(del(&mut d, &Value::Int(1)));
        assert!(!del(&mut d, &Value::Int(1)));
        assert_eq!(d.len(), 3);
    }

    #[test]
    fn eq_callback_only_for_non_native_keys() {
        let mut d = Dict::new();
        let inst = Value::list(vec![]); // stands in for an instance with __eq__
        let calls = std::cell::Cell::new(0);
        let mut eq = |_: &Value, _: &Value| -> PyResult<bool> {
            calls.set(calls.get() + 1);
            Ok(true)
        };
        d.insert(5, Value::Int(5), Value::Int(1), &mut eq).unwrap();
        // Same hash, non-native probe: eq decides.
        assert!(d.get(5, &inst, &mut eq).unwrap().is_some());
        assert_eq!(calls.get(), 1);
        // Identity needs no call.
        d.insert(7, inst.clone(), Value::Int(2), &mut eq).unwrap();
        assert!(d.get(7, &inst, &mut eq).unwrap().is_some());
        assert_eq!(calls.get(), 1);
    }

    #[test]
    fn str_fast_paths() {
        let mut d = Dict::new();
        let names: Vec<Rc<PyStr>> = (0..40)
            .map(|i| Rc::new(PyStr::new(format!("n{i}"))))
            .collect();
        for (i, n) in names.iter().enumerate() {
            d.set_str(n.clone(), Value::Int(i as i64));
        }
        for (i, n) in names.iter().enumerate() {
            assert_eq!(d.get_str(n).map(|v| as_i(&v)), Some(i as i64));
            // A different object with the same content.
            assert_eq!(
                d.get_str(&PyStr::new(n.as_str())).map(|v| as_i(&v)),
                Some(i as i64)
            );
            // The general path finds it too.
            let k = Value::str(n.as_str());
            assert_eq!(get(&d, &k), Some(i as i64));
        }
        d.set_str(names[3].clone(), Value::Int(-3));
        assert_eq!(d.len(), 40);
        assert_eq!(as_i(&d.remove_str(&names[3]).unwrap()), -3);
        assert!(d.remove_str(&names[3]).is_none());
        assert_eq!(d.len(), 39);
    }

    #[test]
    fn order_pop_and_entry_from() {
        let mut d = Dict::new();
        for i in 0..20 {
            ins(&mut d, Value::Int(i * 7), i);
        }
        for i in (0..20).step_by(3) {
            assert!(del(&mut d, &Value::Int(i * 7)));
        }
        let order: Vec<i64> = d.values().iter().map(as_i).collect();
        let want: Vec<i64> = (0..20).filter(|i| i % 3 != 0).collect();
        assert_eq!(order, want);
        // entry_from walks the same order.
        let mut walked = Vec::new();
        let mut pos = 0;
        while let Some((next, _, v)) = d.entry_from(pos) {
            walked.push(as_i(&v));
            pos = next;
        }
        assert_eq!(walked, want);
        assert!(d.entry_from(usize::MAX).is_none());
        // popitem is LIFO.
        let (k, v) = d.pop_last().unwrap();
        assert_eq!((as_i(&k), as_i(&v)), (19 * 7, 19));
        ins(&mut d, Value::Int(1000), 99);
        assert_eq!(as_i(&d.pop_last().unwrap().1), 99);
        assert_eq!(as_i(&d.pop_last().unwrap().1), 17);
        while d.pop_last().is_some() {}
        assert!(d.is_empty());
        assert!(d.pop_last().is_none());
    }

    /// A deterministic xorshift generator for the model tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn random_ops_match_model() {
        for seed in 1..40u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut d = Dict::new();
            let mut model: Vec<(i64, i64)> = Vec::new();
            let range = [10u64, 50, 300, 5000][seed as usize % 4];
            for step in 0..3000 {
                let k = rng.below(range) as i64 - (range as i64 / 4);
                let key = match k % 3 {
                    0 => Value::Float(k as f64),
                    _ => Value::Int(k),
                };
                match rng.below(10) {
                    0..=4 => {
                        ins(&mut d, key, step);
                        match model.iter_mut().find(|(mk, _)| *mk == k) {
                            Some(e) => e.1 = step,
                            None => model.push((k, step)),
                        }
                    }
                    5..=7 => {
                        let removed = del(&mut d, &key);
                        let at = model.iter().position(|(mk, _)| *mk == k);
                        assert_eq!(removed, at.is_some());
                        if let Some(at) = at {
                            model.remove(at);
                        }
                    }
                    8 => {
                        assert_eq!(
                            get(&d, &key),
                            model.iter().find(|(mk, _)| *mk == k).map(|e| e.1)
                        );
                    }
                    _ => {
                        if rng.below(20) == 0 {
                            let p = d.pop_last().map(|(_, v)| as_i(&v));
                            assert_eq!(p, model.pop().map(|e| e.1));
                        }
                    }
                }
                assert_eq!(d.len(), model.len());
            }
            let got: Vec<(i64, i64)> = d
                .iter()
                .map(|(k, v)| {
                    let k = match k {
                        Value::Float(f) => *f as i64,
                        k => as_i(k),
                    };
                    (k, as_i(v))
                })
                .collect();
            assert_eq!(got, model);
        }
    }

    #[test]
    fn churn_keeps_probes_terminating() {
        // Insert/pop_last and insert/remove cycles at a steady size leave dummies in the
        // index without growing the entry array: they must still trigger a rebuild.
        let mut d = Dict::new();
        for i in 0..20 {
            ins(&mut d, Value::Int(i), i);
        }
        for i in 20..5000 {
            ins(&mut d, Value::Int(i), i);
            assert!(d.pop_last().is_some());
            ins(&mut d, Value::Int(i + 100_000), i);
            assert!(del(&mut d, &Value::Int(i + 100_000)));
            assert_eq!(get(&d, &Value::Int(i)), None);
            assert_eq!(get(&d, &Value::Int(7)), Some(7));
        }
        assert_eq!(d.len(), 20);
        // Shrinking back to a small table and growing again.
        for i in 0..18 {
            assert!(del(&mut d, &Value::Int(i)));
        }
        for i in 0..30 {
            ins(&mut d, Value::Int(i + 50), i);
        }
        assert_eq!(d.len(), 32);
        assert_eq!(get(&d, &Value::Int(19)), Some(19));
    }

    #[test]
    #[ignore]
    fn bench() {
        use std::time::Instant;
        let t = Instant::now();
        let mut d = Dict::new();
        for i in 0..1_000_000 {
            ins(&mut d, Value::Int(i), i);
        }
        eprintln!("1M int insert: {:?}", t.elapsed());
        let t = Instant::now();
        let mut sum = 0;
        for i in 0..1_000_000 {
            sum += get(&d, &Value::Int(i)).unwrap_or(0);
        }
        eprintln!("1M int get: {:?} ({sum})", t.elapsed());
        let t = Instant::now();
        let mut d = Dict::new();
        for i in 0..1_000_000u64 {
            let k = Value::Int((i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20) as i64);
            ins(&mut d, k, 1);
        }
        eprintln!("1M scattered int insert: {:?}", t.elapsed());
        let names: Vec<Rc<PyStr>> = (0..6)
            .map(|i| Rc::new(PyStr::new(format!("attr{i}"))))
            .collect();
        let mut d = Dict::new();
        for n in &names {
            d.set_str(n.clone(), Value::Int(1));
        }
        let miss = Rc::new(PyStr::new("method"));
        let t = Instant::now();
        let mut hits = 0;
        for i in 0..10_000_000 {
            if d.get_str(&names[i % 6]).is_some() {
                hits += 1;
            }
            if d.get_str(&miss).is_some() {
                hits += 1;
            }
        }
        eprintln!("20M small get_str: {:?} ({hits})", t.elapsed());
    }

    #[test]
    fn compact_layout() {
        // Every instance embeds a Dict: keep it (and so `Instance`) small.
        assert_eq!(std::mem::size_of::<Dict>(), 48);
        assert_eq!(std::mem::size_of::<Option<Entry>>(), 40);
    }

    #[test]
    fn full_allocation_reuses_removed_slots() {
        // An exactly sized table takes a new key in place of a removed one.
        let names: Vec<Rc<PyStr>> = (0..5)
            .map(|i| Rc::new(PyStr::new(format!("k{i}"))))
            .collect();
        let mut d = Dict::with_capacity(4);
        for n in &names[..4] {
            d.set_str(n.clone(), Value::Int(1));
        }
        assert!(d.remove_str(&names[1]).is_some());
        d.set_str(names[4].clone(), Value::Int(2));
        assert_eq!(d.entries.capacity(), 4);
        let keys: Vec<String> = d
            .keys()
            .iter()
            .map(|k| match k {
                Value::Str(s) => s.as_str().to_string(),
                _ => String::new(),
            })
            .collect();
        assert_eq!(keys, ["k0", "k2", "k3", "k4"]);
    }

    #[test]
    fn capacity_helpers() {
        let mut d = Dict::with_capacity(100);
        for i in 0..100 {
            ins(&mut d, Value::Int(i), i);
        }
        d.reserve(1000);
        for i in 0..100 {
            assert_eq!(get(&d, &Value::Int(i)), Some(i));
        }
        assert_eq!(d.get_index(5).map(|(k, _)| as_i(k)), Some(5));
        assert_eq!(d.slot_count(), 100);
        d.clear();
        assert!(d.is_empty() && d.iter().next().is_none());
    }
}
