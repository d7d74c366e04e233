//! The set table. Iteration order follows CPython's set implementation for the same
//! hashes, so sets of ints print in the same order as on CPython.
//! (Development stand-in: insertion order. To be replaced by CPython's probing table.)

use crate::vm::dict::EqFn;
use crate::vm::error::PyResult;
use crate::vm::value::Value;

#[derive(Clone, Default)]
pub struct SetTable {
    entries: Vec<(i64, Value)>,
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn contains(&self, hash: i64, key: &Value, eq: EqFn) -> PyResult<bool> {
        for (h, k) in &self.entries {
            if *h == hash && (k.is(key) || eq(k, key)?) {
                return Ok(true);
            }
        }
        Ok(false)
    }
    /// Adds the key; returns false when it was already present.
    pub fn add(&mut self, hash: i64, key: Value, eq: EqFn) -> PyResult<bool> {
        if self.contains(hash, &key, eq)? {
            return Ok(false);
        }
        self.entries.push((hash, key));
        Ok(true)
    }
    /// Removes the key; returns false when it was absent.
    pub fn remove(&mut self, hash: i64, key: &Value, eq: EqFn) -> PyResult<bool> {
        for i in 0..self.entries.len() {
            let (h, k) = &self.entries[i];
            if *h == hash && (k.is(key) || eq(k, key)?) {
                self.entries.remove(i);
                return Ok(true);
            }
        }
        Ok(false)
    }
    /// Keys in iteration order, with their hashes.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.entries.iter().map(|(h, k)| (*h, k))
    }
    /// Removes and returns an arbitrary element (CPython's `set.pop` order).
    pub fn pop(&mut self) -> Option<Value> {
        if self.entries.is_empty() {
            None
        } else {
            Some(self.entries.remove(0).1)
        }
    }
    pub fn clear(&mut self) {
        self.entries.clear();
    }
}
