//! The dict table: insertion-ordered, keyed by any hashable value.
//!
//! The caller computes the hash (which may run a user `__hash__`) and supplies the
//! equality test (which may run a user `__eq__`), so the table itself never needs the VM.
//! Keys that are the same object match without calling `eq`.
//! (Development stand-in: linear scan. To be replaced by an indexed table.)

use crate::vm::error::PyResult;
use crate::vm::value::{PyStr, Value};
use std::rc::Rc;

/// Equality callback used on hash matches: `eq(stored_key, probe_key)`.
pub type EqFn<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(i64, Value, Value)>>,
    len: usize,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    fn find(&self, hash: i64, key: &Value, eq: EqFn) -> PyResult<Option<usize>> {
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((h, k, _)) = e {
                if *h == hash && (k.is(key) || eq(k, key)?) {
                    return Ok(Some(i));
                }
            }
        }
        Ok(None)
    }
    pub fn get(&self, hash: i64, key: &Value, eq: EqFn) -> PyResult<Option<Value>> {
        Ok(self
            .find(hash, key, eq)?
            .and_then(|i| self.entries[i].as_ref().map(|e| e.2.clone())))
    }
    /// Inserts or replaces; returns the old value. An existing key keeps its position
    /// (and its original key object).
    pub fn insert(&mut self, hash: i64, key: Value, value: Value, eq: EqFn) -> PyResult<Option<Value>> {
        if let Some(i) = self.find(hash, &key, eq)? {
            if let Some(e) = self.entries[i].as_mut() {
                return Ok(Some(std::mem::replace(&mut e.2, value)));
            }
        }
        self.entries.push(Some((hash, key, value)));
        self.len += 1;
        Ok(None)
    }
    pub fn remove(&mut self, hash: i64, key: &Value, eq: EqFn) -> PyResult<Option<(Value, Value)>> {
        if let Some(i) = self.find(hash, key, eq)? {
            self.len -= 1;
            return Ok(self.entries[i].take().map(|(_, k, v)| (k, v)));
        }
        Ok(None)
    }
    /// Look-up by string key: no user code can run.
    pub fn get_str(&self, key: &PyStr) -> Option<Value> {
        for (_, k, v) in self.entries.iter().flatten() {
            if let Value::Str(s) = k {
                if s.as_str() == key.as_str() {
                    return Some(v.clone());
                }
            }
        }
        None
    }
    pub fn set_str(&mut self, key: Rc<PyStr>, value: Value) {
        let h = key.hash() as i64;
        let _ = self.insert(h, Value::Str(key), value, &mut |a, b| Ok(str_eq(a, b)));
    }
    pub fn remove_str(&mut self, key: &PyStr) -> Option<Value> {
        for e in self.entries.iter_mut() {
            if let Some((_, Value::Str(s), _)) = e {
                if s.as_str() == key.as_str() {
                    self.len -= 1;
                    return e.take().map(|(_, _, v)| v);
                }
            }
        }
        None
    }
    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }
    /// The first live entry at or after slot `index`, and the slot after it: lets an
    /// iterator walk the table by position while the caller re-borrows between steps.
    pub fn entry_from(&self, index: usize) -> Option<(usize, Value, Value)> {
        let mut i = index;
        while i < self.entries.len() {
            if let Some((_, k, v)) = &self.entries[i] {
                return Some((i + 1, k.clone(), v.clone()));
            }
            i += 1;
        }
        None
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
        self.entries.clear();
        self.len = 0;
    }
    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((_, k, v)) = e {
                self.len -= 1;
                return Some((k, v));
            }
        }
        None
    }
}

fn str_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        _ => false,
    }
}
