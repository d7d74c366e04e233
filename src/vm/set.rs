//! The set table. Iteration order follows CPython 3.11's set implementation
//! (Objects/setobject.c) for the same hashes, so sets of ints print in the same order as
//! on CPython.
//!
//! The table is an array of slots (8 to start with), each empty, a dummy (left by a
//! removal) or active. A key is looked for from `hash & mask`, inspecting that slot and
//! up to `LINEAR_PROBES` following ones (when they fit before the end of the table), then
//! jumping by the perturbed recurrence `i = (i * 5 + 1 + perturb) & mask`, `perturb`
//! being shifted right by 5 first. `fill` counts active plus dummy slots, `used` active
//! ones; an insertion into an empty slot that brings `fill * 5` to `mask * 3` or more
//! rebuilds the table at the smallest power of two above `used * 4` (`used * 2` past
//! 50,000 items), dropping the dummies. Iteration is in slot order.
//!
//! The helpers for the set operations (`copy`, `union_into`, `intersection`,
//! `difference`, `symmetric_difference`, ...) follow CPython's loops so the results have
//! CPython's layout too. Equality goes as in the dict: identity, then native equality
//! (`hash::native_eq`), then the caller's `eq`.

use crate::vm::dict::{Dict, EqFn};
use crate::vm::error::PyResult;
use crate::vm::hash::native_eq;
use crate::vm::value::Value;

/// `PySet_MINSIZE`: the size of a new or cleared table.
const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash a dummy slot carries (no real hash is -1).
const DUMMY_HASH: i64 = -1;

/// One slot: empty is (0, Undefined), dummy is (-1, Undefined), active holds a key.
#[derive(Clone, Default)]
struct Slot {
    hash: i64,
    key: Value,
}

impl Slot {
    #[inline]
    fn is_active(&self) -> bool {
        !self.key.is_undefined()
    }
    #[inline]
    fn is_empty(&self) -> bool {
        self.key.is_undefined() && self.hash != DUMMY_HASH
    }
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking (one past the last popped slot).
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::default(); MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

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

/// Puts a key known to be absent into a table without dummies (`set_insert_clean`).
fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        if !slots[i].is_active() {
            slots[i] = Slot { hash, key };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            if let Some(j) = (i + 1..=i + LINEAR_PROBES).find(|&j| !slots[j].is_active()) {
                slots[j] = Slot { hash, key };
                return;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The slot holding the key (`set_lookkey`), or None.
    fn lookup(&self, hash: i64, key: &Value, eq: &mut EqFn) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if s.is_empty() {
                    return Ok(None);
                }
                if s.hash == hash && s.is_active() && key_matches(&s.key, key, eq)? {
                    return Ok(Some(j));
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn contains(&self, hash: i64, key: &Value, mut eq: EqFn) -> PyResult<bool> {
        Ok(self.lookup(hash, key, &mut eq)?.is_some())
    }

    /// The stored key equal to `key`, if any. (Addition.)
    pub fn get(&self, hash: i64, key: &Value, mut eq: EqFn) -> PyResult<Option<Value>> {
        Ok(self
            .lookup(hash, key, &mut eq)?
            .map(|j| self.slots[j].key.clone()))
    }

    /// `set_add_entry`: returns false when the key was already present.
    fn add_entry(&mut self, hash: i64, key: Value, eq: &mut EqFn) -> PyResult<bool> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = hash as u64 as usize & mask;
        // CPython remembers the last dummy seen on the way and reuses it.
        let mut freeslot = None;
        let empty = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if s.is_active() {
                    if s.hash == hash && key_matches(&s.key, &key, eq)? {
                        return Ok(false);
                    }
                } else if s.hash == DUMMY_HASH {
                    freeslot = Some(j);
                } else {
                    break 'probe j;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        self.used += 1;
        if let Some(j) = freeslot {
            self.slots[j] = Slot { hash, key };
            return Ok(true);
        }
        self.slots[empty] = Slot { hash, key };
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            self.resize(self.grow_target());
        }
        Ok(true)
    }

    fn grow_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_table_resize`: rebuilds at the smallest power of two (at least 8) above
    /// `minused`, re-inserting the active keys in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MIN_SIZE && self.slots.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.fill = self.used;
        for s in old {
            if s.is_active() {
                insert_clean(&mut self.slots, s.hash, s.key);
            }
        }
    }

    /// Adds the key; returns false when it was already present.
    pub fn add(&mut self, hash: i64, key: Value, mut eq: EqFn) -> PyResult<bool> {
        self.add_entry(hash, key, &mut eq)
    }

    /// `set_discard_entry`: leaves a dummy where the key was.
    fn discard_entry(&mut self, hash: i64, key: &Value, eq: &mut EqFn) -> PyResult<bool> {
        match self.lookup(hash, key, eq)? {
            Some(j) => {
                self.slots[j] = Slot {
                    hash: DUMMY_HASH,
                    key: Value::Undefined,
                };
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes the key; returns false when it was absent.
    pub fn remove(&mut self, hash: i64, key: &Value, mut eq: EqFn) -> PyResult<bool> {
        self.discard_entry(hash, key, &mut eq)
    }

    /// Keys in iteration order, with their hashes.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.slots
            .iter()
            .filter(|s| s.is_active())
            .map(|s| (s.hash, &s.key))
    }

    /// The first active slot at or after `index`: (the slot after it, hash, key). Lets an
    /// iterator walk the table by position (`set_next`); a resize renumbers slots, and
    /// it always goes with a change of `len`. (Addition.)
    pub fn entry_from(&self, index: usize) -> Option<(usize, i64, Value)> {
        let rest = self.slots.get(index..)?;
        for (off, s) in rest.iter().enumerate() {
            if s.is_active() {
                return Some((index + off + 1, s.hash, s.key.clone()));
            }
        }
        None
    }

    /// Removes and returns an arbitrary element (CPython's `set.pop` order): the first
    /// active slot from the finger on, wrapping around.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while !self.slots[j].is_active() {
            j = if j == mask { 0 } else { j + 1 };
        }
        let s = std::mem::replace(
            &mut self.slots[j],
            Slot {
                hash: DUMMY_HASH,
                key: Value::Undefined,
            },
        );
        self.used -= 1;
        self.finger = j + 1;
        Some(s.key)
    }

    /// Empties the table back to 8 slots (`set_clear_internal`; the finger stays).
    pub fn clear(&mut self) {
        self.slots = vec![Slot::default(); MIN_SIZE];
        self.fill = 0;
        self.used = 0;
    }

    /// `set_merge`: adds every key of `other` (`self |= other`, `self.update(other)` and
    /// the second step of `a | b`). Presizes once; an empty table of the same size as a
    /// dummy-free `other` becomes a slot-for-slot copy; an empty table otherwise gets the
    /// keys inserted in `other`'s slot order. The caller must skip the call when both
    /// are the same set object (CPython does nothing then).
    pub fn union_into(&mut self, other: &SetTable, mut eq: EqFn) -> PyResult<()> {
        if std::ptr::eq(self, other) || other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.clone_from(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for s in &other.slots {
                if s.is_active() {
                    insert_clean(&mut self.slots, s.hash, s.key.clone());
                }
            }
            return Ok(());
        }
        for s in &other.slots {
            if s.is_active() {
                self.add_entry(s.hash, s.key.clone(), &mut eq)?;
            }
        }
        Ok(())
    }

    /// `set(d)` / `s.update(d)` for a dict `d`: presizes as CPython does, then adds the
    /// keys in dict order with their stored hashes. (Addition.)
    pub fn update_from_dict(&mut self, dict: &Dict, mut eq: EqFn) -> PyResult<()> {
        let n = dict.len();
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
        for (h, k, _) in dict.iter_hashed() {
            self.add_entry(h, k.clone(), &mut eq)?;
        }
        Ok(())
    }

    /// `s.copy()`, `set(s)`, `frozenset(s)`: a new table merged from this one (so a copy
    /// may be laid out differently from its source, as in CPython).
    pub fn copy(&self) -> SetTable {
        let mut t = SetTable::new();
        // Merging into an empty table never compares keys.
        let _ = t.union_into(self, &mut |_, _| Ok(false));
        t
    }

    /// `a | b` and `a.union(b)`: a copy of `a` merged with `b` (just the copy when they
    /// are the same table).
    pub fn union(a: &SetTable, b: &SetTable, eq: EqFn) -> PyResult<SetTable> {
        let mut t = a.copy();
        if !std::ptr::eq(a, b) {
            t.union_into(b, eq)?;
        }
        Ok(t)
    }

    /// `a & b` and `a.intersection(b)` (`set_intersection`): walks the smaller set (`b`
    /// when the sizes are equal), keeping the keys found in the other, in walk order.
    /// The same table on both sides gives a copy.
    pub fn intersection(a: &SetTable, b: &SetTable, mut eq: EqFn) -> PyResult<SetTable> {
        if std::ptr::eq(a, b) {
            return Ok(a.copy());
        }
        let (big, small) = if b.used > a.used { (b, a) } else { (a, b) };
        let mut result = SetTable::new();
        for s in &small.slots {
            if s.is_active() && big.lookup(s.hash, &s.key, &mut eq)?.is_some() {
                result.add_entry(s.hash, s.key.clone(), &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `a.intersection(iterable)` for a non-set iterable, given as (hash, key) pairs in
    /// iteration order: a new set of the items found in `self`, added in that order.
    /// (Addition.)
    pub fn intersection_items(&self, items: &[(i64, Value)], mut eq: EqFn) -> PyResult<SetTable> {
        let mut result = SetTable::new();
        for (h, k) in items {
            if self.lookup(*h, k, &mut eq)?.is_some() {
                result.add_entry(*h, k.clone(), &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `a &= b` (`set_intersection_update`): the intersection replaces the table.
    pub fn intersection_update(&mut self, other: &SetTable, eq: EqFn) -> PyResult<()> {
        let t = SetTable::intersection(self, other, eq)?;
        let finger = self.finger;
        *self = t;
        self.finger = finger;
        Ok(())
    }

    /// `a - b` and `a.difference(b)` for sets (`set_difference`; use it for a dict `b`
    /// too, with its keys in any order). When `a` is more than four times `b`'s size:
    /// a copy of `a` with `b`'s keys discarded; otherwise a new set of `a`'s keys absent
    /// from `b`, added in `a`'s slot order.
    pub fn difference(a: &SetTable, b: &SetTable, mut eq: EqFn) -> PyResult<SetTable> {
        if (a.used >> 2) > b.used {
            let mut t = a.copy();
            t.difference_update(b, eq)?;
            return Ok(t);
        }
        let mut result = SetTable::new();
        for s in &a.slots {
            if s.is_active() && b.lookup(s.hash, &s.key, &mut eq)?.is_none() {
                result.add_entry(s.hash, s.key.clone(), &mut eq)?;
            }
        }
        Ok(result)
    }

    /// `a -= b` and `a.difference_update(b)` for a set `b`
    /// (`set_difference_update_internal`): discards `b`'s keys, then rebuilds when more
    /// than a quarter of the slots are dummies. For `a -= a` the caller calls `clear`.
    pub fn difference_update(&mut self, other: &SetTable, mut eq: EqFn) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        if (other.used >> 3) > self.used {
            // CPython intersects first when `other` is much larger; the keys discarded
            // (and so the final layout) are the same.
            let mut common = Vec::new();
            for s in &self.slots {
                if s.is_active() && other.lookup(s.hash, &s.key, &mut eq)?.is_some() {
                    common.push((s.hash, s.key.clone()));
                }
            }
            for (h, k) in common {
                self.discard_entry(h, &k, &mut eq)?;
            }
        } else {
            for s in &other.slots {
                if s.is_active() {
                    self.discard_entry(s.hash, &s.key, &mut eq)?;
                }
            }
        }
        self.finish_difference_update();
        Ok(())
    }

    /// `a -= iterable` for a non-set iterable, as (hash, key) pairs; `a - iterable` is
    /// `copy` followed by this. (Addition.)
    pub fn difference_update_items(
        &mut self,
        items: &[(i64, Value)],
        mut eq: EqFn,
    ) -> PyResult<()> {
        for (h, k) in items {
            self.discard_entry(*h, k, &mut eq)?;
        }
        self.finish_difference_update();
        Ok(())
    }

    /// The rebuild that ends a difference update when over a quarter of the slots are
    /// dummies.
    fn finish_difference_update(&mut self) {
        if self.fill - self.used > self.mask() / 4 {
            self.resize(self.grow_target());
        }
    }

    /// `a ^ b` and `a.symmetric_difference(b)` (`set_symmetric_difference`): a copy of
    /// `b` updated with `a`. For a non-set `b`, build the set from it with `add` in
    /// iteration order and call `symmetric_difference_update(a)` on that instead.
    pub fn symmetric_difference(a: &SetTable, b: &SetTable, eq: EqFn) -> PyResult<SetTable> {
        let mut t = b.copy();
        t.symmetric_difference_update(a, eq)?;
        Ok(t)
    }

    /// `a ^= b` (`set_symmetric_difference_update`): walks `other` in slot order,
    /// discarding keys present and adding keys absent. For `a ^= a` the caller calls
    /// `clear`; for a non-set iterable, it builds a set from it first (CPython does).
    pub fn symmetric_difference_update(&mut self, other: &SetTable, mut eq: EqFn) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            self.clear();
            return Ok(());
        }
        for s in &other.slots {
            if s.is_active() && !self.discard_entry(s.hash, &s.key, &mut eq)? {
                self.add_entry(s.hash, s.key.clone(), &mut eq)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
