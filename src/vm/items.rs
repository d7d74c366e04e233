//! Subscription: `obj[key]`, `obj[key] = v`, `del obj[key]` for sequences (indexes and
//! slices), dicts, ranges and instances with `__getitem__`/`__setitem__`/`__delitem__`.

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{RangeObj, SliceObj, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Normalised slice bounds for a sequence of length `len` (PySlice_AdjustIndices).
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// The selected positions, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |k| (self.start + k as i64 * self.step) as usize)
    }
}

impl Vm {
    /// An index value as i64 (`__index__` for ints and bools).
    pub fn index_value(&self, v: &Value, what: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::new(
                ExcType::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            _ => Err(PyErr::type_error(format!(
                "{} indices must be integers or slices, not {}",
                what,
                self.type_name(v)
            ))),
        }
    }

    fn slice_part(&self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            _ => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    pub fn slice_indices(&self, s: &SliceObj, len: usize) -> PyResult<SliceIndices> {
        let len = len as i64;
        let step = self.slice_part(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adjust = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(i) if i < 0 => (i + len).max(lower),
                Some(i) => i.min(upper),
            }
        };
        let start = adjust(
            self.slice_part(&s.start)?,
            if step < 0 { upper } else { lower },
        );
        let stop = adjust(
            self.slice_part(&s.stop)?,
            if step < 0 { lower } else { upper },
        );
        let n = if step > 0 {
            if stop > start {
                (stop - start - 1) / step + 1
            } else {
                0
            }
        } else if start > stop {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: n as usize,
        })
    }

    fn seq_index(&self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = self.index_value(key, what)?;
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(PyErr::index_error(format!("{} index out of range", what)));
        }
        Ok(j as usize)
    }

    /// `obj[key]`
    /// An index given by an object with `__index__` (an IntEnum member, say), or a
    /// slice with such bounds, as the int (or slice of ints) it stands for; None when
    /// `key` needs no conversion. Only for the built-in sequences.
    fn sequence_key(&mut self, obj: &Value, key: &Value) -> PyResult<Option<Value>> {
        if !matches!(
            obj,
            Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_)
        ) {
            return Ok(None);
        }
        match key {
            Value::Instance(_) => self.index_int(key),
            Value::Slice(sl)
                if [&sl.start, &sl.stop, &sl.step]
                    .iter()
                    .any(|p| matches!(p, Value::Instance(_))) =>
            {
                let mut part = |p: &Value| -> PyResult<Value> {
                    Ok(self.index_int(p)?.unwrap_or_else(|| p.clone()))
                };
                Ok(Some(Value::Slice(Rc::new(crate::vm::value::SliceObj {
                    start: part(&sl.start)?,
                    stop: part(&sl.stop)?,
                    step: part(&sl.step)?,
                }))))
            }
            _ => Ok(None),
        }
    }

    /// `v.__index__()` for an instance whose class defines it (checked to be an
    /// int, as CPython checks); None for anything else.
    pub(crate) fn index_int(&mut self, v: &Value) -> PyResult<Option<Value>> {
        if !matches!(v, Value::Instance(_)) {
            return Ok(None);
        }
        match self.call_special(v, "__index__", Vec::new())? {
            Some(i @ (Value::Int(_) | Value::BigInt(_))) => Ok(Some(i)),
            Some(Value::Bool(b)) => Ok(Some(Value::Int(b as i64))),
            Some(other) => Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(&other)
            ))),
            None => Ok(None),
        }
    }

    pub fn get_item(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let Some(key) = self.sequence_key(obj, key)? {
            return self.get_item(obj, &key);
        }
        match (obj, key) {
            (Value::List(l), Value::Int(i)) => {
                let l = l.borrow();
                let n = l.len() as i64;
                let j = if *i < 0 { i + n } else { *i };
                if j < 0 || j >= n {
                    return Err(PyErr::index_error("list index out of range"));
                }
                Ok(l[j as usize].clone())
            }
            (Value::List(l), Value::Slice(s)) => {
                let l = l.borrow();
                let idx = self.slice_indices(s, l.len())?;
                Ok(Value::list(idx.positions().map(|p| l[p].clone()).collect()))
            }
            (Value::List(l), _) => {
                let n = l.borrow().len();
                let i = self.seq_index(key, n, "list")?;
                Ok(l.borrow()[i].clone())
            }
            (Value::Tuple(t), Value::Slice(s)) => {
                let idx = self.slice_indices(s, t.len())?;
                Ok(Value::tuple(
                    idx.positions().map(|p| t[p].clone()).collect(),
                ))
            }
            (Value::Tuple(t), _) => {
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            (Value::Str(s), Value::Slice(sl)) => {
                let idx = self.slice_indices(sl, s.char_len())?;
                if idx.step == 1 {
                    let (start, stop) = (idx.start as usize, idx.stop.max(idx.start) as usize);
                    if start == 0 && stop == s.char_len() {
                        return Ok(obj.clone());
                    }
                    return Ok(Value::str(s.char_slice(start, stop)));
                }
                Ok(Value::from_string(
                    idx.positions().filter_map(|p| s.char_at(p)).collect(),
                ))
            }
            (Value::Str(s), _) => {
                let n = s.char_len();
                let i = self.seq_index(key, n, "string")?;
                let c = s.char_at(i).unwrap_or(' ');
                let mut buf = [0u8; 4];
                Ok(Value::str(c.encode_utf8(&mut buf)))
            }
            (Value::Dict(d), _) => match self.dict_get(d, key)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(key.clone())),
            },
            (Value::Range(r), Value::Slice(s)) => {
                let idx = self.slice_indices(s, r.len() as usize)?;
                Ok(Value::Range(Rc::new(RangeObj {
                    start: r.start + idx.start * r.step,
                    stop: r.start + idx.stop * r.step,
                    step: r.step * idx.step,
                })))
            }
            (Value::Range(r), _) => {
                let i = self.seq_index(key, r.len() as usize, "range object")?;
                Ok(Value::Int(r.start + i as i64 * r.step))
            }
            (Value::Instance(_), _) => {
                match self.call_special(obj, "__getitem__", vec![key.clone()])? {
                    Some(v) => Ok(v),
                    None => Err(self.not_subscriptable(obj)),
                }
            }
            (Value::Class(c), _) if crate::vm::annotations::is_generic_builtin(c) => {
                self.generic_alias(obj, key)
            }
            (Value::Class(c), _) => {
                // `Stack[int]`: the class's `__class_getitem__`, a class method whether
                // or not it is declared one (CPython's `type` makes it one).
                match c.lookup(&crate::vm::intern::intern("__class_getitem__")) {
                    Some(Value::Function(f)) => {
                        self.call(&Value::Function(f), vec![obj.clone(), key.clone()])
                    }
                    Some(Value::ClassMethod(f)) => self.call(&f, vec![obj.clone(), key.clone()]),
                    Some(Value::StaticMethod(f)) => self.call(&f, vec![key.clone()]),
                    Some(other) => self.call(&other, vec![key.clone()]),
                    None => Err(PyErr::type_error(format!(
                        "type '{}' is not subscriptable",
                        c.name.as_str()
                    ))),
                }
            }
            _ => Err(self.not_subscriptable(obj)),
        }
    }

    fn not_subscriptable(&self, obj: &Value) -> PyErr {
        PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        ))
    }

    /// `obj[key] = v`
    pub fn set_item(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if let Some(key) = self.sequence_key(obj, &key)? {
            return self.set_item(obj, key, v);
        }
        match obj {
            Value::Dict(d) => self.dict_set(d, key, v),
            Value::List(l) => {
                if let Value::Slice(s) = &key {
                    let items = self
                        .collect(&v)
                        .map_err(|_| PyErr::type_error("can only assign an iterable"))?;
                    let len = l.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut list = l.borrow_mut();
                    if idx.step == 1 {
                        let start = idx.start.max(0) as usize;
                        let stop = (idx.stop.max(idx.start)).max(0) as usize;
                        list.splice(start.min(len)..stop.min(len), items);
                    } else {
                        if items.len() != idx.len {
                            return Err(PyErr::value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                items.len(),
                                idx.len
                            )));
                        }
                        let positions: Vec<usize> = idx.positions().collect();
                        for (p, item) in positions.into_iter().zip(items) {
                            list[p] = item;
                        }
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = self.index_value(&key, "list")?;
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return Err(PyErr::index_error("list assignment index out of range"));
                }
                l.borrow_mut()[j as usize] = v;
                Ok(())
            }
            Value::Instance(_) => match self.call_special(obj, "__setitem__", vec![key, v])? {
                Some(_) => Ok(()),
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[key]`
    pub fn del_item(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if let Some(key) = self.sequence_key(obj, key)? {
            return self.del_item(obj, &key);
        }
        match obj {
            Value::Dict(d) => match self.dict_del(d, key)? {
                Some(_) => Ok(()),
                None => Err(PyErr::key_error(key.clone())),
            },
            Value::List(l) => {
                if let Value::Slice(s) = key {
                    let len = l.borrow().len();
                    let idx = self.slice_indices(s, len)?;
                    let mut positions: Vec<usize> = idx.positions().collect();
                    positions.sort_unstable();
                    // One pass over the list (removing the items one by one moved
                    // the rest once per item: `del a[:k]` was quadratic).
                    let mut doomed = positions.into_iter().peekable();
                    let mut at = 0usize;
                    l.borrow_mut().retain(|_| {
                        let gone = doomed.next_if_eq(&at).is_some();
                        at += 1;
                        !gone
                    });
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = self.index_value(key, "list")?;
                let j = if i < 0 { i + n as i64 } else { i };
                if j < 0 || j >= n as i64 {
                    return Err(PyErr::index_error("list assignment index out of range"));
                }
                l.borrow_mut().remove(j as usize);
                Ok(())
            }
            Value::Instance(_) => {
                match self.call_special(obj, "__delitem__", vec![key.clone()])? {
                    Some(_) => Ok(()),
                    None => Err(PyErr::type_error(format!(
                        "'{}' object does not support item deletion",
                        self.type_name(obj)
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item deletion",
                self.type_name(obj)
            ))),
        }
    }
}
