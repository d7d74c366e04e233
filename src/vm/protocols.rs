//! The object protocols every value takes part in: `repr`/`str`, truth, equality,
//! hashing, iteration, length, items (`obj[key]`), membership, unpacking, and the
//! context-manager methods. Built-in types answer natively; instances answer through
//! their dunder methods.

use crate::vm::dict::Dict;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{Class, DictViewKind, NativeIter, PySet, PyStr, TypeKind, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    // ---- repr and str ---------------------------------------------------------------

    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        Ok(Value::from_string(self.repr_string(v)?))
    }

    /// `ascii(v)`: the repr with every non-ASCII character escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<Value> {
        let text = self.repr_string(v)?;
        Ok(Value::from_string(crate::vm::format::ascii_escaped(&text)))
    }

    /// `repr(v)` as a Rust string.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Undefined => "<undefined>".into(),
            Value::None => "None".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => self.bigint_to_string(b)?,
            Value::Float(f) => crate::vm::format::float_repr(*f),
            Value::Str(s) => crate::vm::format::str_repr(s.as_str()),
            Value::List(l) => {
                let id = v.id();
                if self.repr_guard.contains(&id) {
                    return Ok("[...]".into());
                }
                self.repr_guard.push(id);
                let items = l.borrow().clone();
                let r = self.repr_join(&items);
                self.repr_guard.pop();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                let r = self.repr_join(t)?;
                if t.len() == 1 {
                    format!("({},)", r)
                } else {
                    format!("({})", r)
                }
            }
            Value::Dict(d) => {
                let id = v.id();
                if self.repr_guard.contains(&id) {
                    return Ok("{...}".into());
                }
                self.repr_guard.push(id);
                let items = d.borrow().items();
                let r = self.repr_items(&items);
                self.repr_guard.pop();
                format!("{{{}}}", r?)
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.table.borrow().iter().map(|(_, k)| k.clone()).collect();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    format!("{}()", name)
                } else if s.frozen {
                    format!("frozenset({{{}}})", self.repr_join(&items)?)
                } else {
                    format!("{{{}}}", self.repr_join(&items)?)
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr_string(&s.start)?,
                self.repr_string(&s.stop)?,
                self.repr_string(&s.step)?
            ),
            Value::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow().as_str(),
                v.id()
            ),
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_string(),
                    Value::Native(n) => n.name.to_string(),
                    _ => "?".into(),
                };
                if let Value::Native(n) = &m.func {
                    format!(
                        "<built-in method {} of {} object at {:#x}>",
                        n.name,
                        self.type_name(&m.self_),
                        m.self_.id()
                    )
                } else {
                    let self_repr = self.repr_string(&m.self_)?;
                    format!("<bound method {} of {}>", fname, self_repr)
                }
            }
            Value::Native(n) => match &n.self_class {
                // CPython's slot wrappers (dunders) and method descriptors.
                Some(c) if n.is_slot_wrapper() => {
                    format!(
                        "<slot wrapper '{}' of '{}' objects>",
                        n.name,
                        c.name.as_str()
                    )
                }
                Some(c) => format!("<method '{}' of '{}' objects>", n.name, c.name.as_str()),
                None => format!("<built-in function {}>", n.name),
            },
            Value::Class(c) => {
                if let Some(r) = self.class_hook(c, "__class_repr__")? {
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        other => Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                    };
                }
                let module = c.module.as_str();
                if module == "builtins" {
                    format!("<class '{}'>", c.qualname.as_str())
                } else {
                    format!("<class '{}.{}'>", module, c.qualname.as_str())
                }
            }
            Value::Instance(inst) => {
                if inst.is_exception()
                    && inst
                        .class
                        .lookup(&self.intern("__repr__"))
                        .is_none_or(|r| matches!(r, Value::Native(_)))
                {
                    return self.exc_repr(v);
                }
                let id = v.id();
                if self.repr_guard.len() > self.recursion_limit {
                    return Err(PyErr::new(
                        ExcType::RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object",
                    ));
                }
                let _ = id;
                match self.call_special(v, "__repr__", Vec::new())? {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    Some(other) => {
                        return Err(PyErr::type_error(format!(
                            "__repr__ returned non-string (type {})",
                            self.type_name(&other)
                        )))
                    }
                    None => self.default_repr(v),
                }
            }
            Value::Module(m) => format!("<module '{}'>", m.name.as_str()),
            Value::Cell(c) => match &*c.borrow() {
                Value::Undefined => format!("<cell at {:#x}: empty>", v.id()),
                inner => format!(
                    "<cell at {:#x}: {} object at {:#x}>",
                    v.id(),
                    self.type_name(inner),
                    inner.id()
                ),
            },
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name.as_str(),
                v.id(),
                c.filename,
                c.firstlineno
            ),
            Value::Iterator(_) => format!("<{} object at {:#x}>", self.type_name(v), v.id()),
            Value::Generator(g) => {
                let kind = self.type_name(v);
                format!(
                    "<{} object {} at {:#x}>",
                    kind,
                    g.qualname().as_str(),
                    v.id()
                )
            }
            Value::Property(_) => format!("<property object at {:#x}>", v.id()),
            Value::Frame(g) => format!(
                "<frame at {:#x}, file '{}', line {}, code {}>",
                v.id(),
                g.code.filename,
                self.frame_index(g)
                    .map_or(g.code.firstlineno, |i| g.code.line_at(i)),
                g.code.name.as_str()
            ),
            Value::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
            Value::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.id()),
            Value::Super(s) => format!(
                "<super: <class '{}'>, <{} object>>",
                s.this_class.name.as_str(),
                self.type_name(&s.obj)
            ),
            Value::DictView(dv) => {
                let d = dv.dict.borrow();
                let (name, items): (&str, Vec<Value>) = match dv.kind {
                    DictViewKind::Keys => ("dict_keys", d.keys()),
                    DictViewKind::Values => ("dict_values", d.values()),
                    DictViewKind::Items => (
                        "dict_items",
                        d.items()
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect(),
                    ),
                };
                drop(d);
                format!("{}([{}])", name, self.repr_join(&items)?)
            }
        })
    }

    /// `<__main__.C object at 0x...>`
    pub fn default_repr(&self, v: &Value) -> String {
        let c = self.type_of(v);
        format!(
            "<{}.{} object at {:#x}>",
            c.module.as_str(),
            c.qualname.as_str(),
            v.id()
        )
    }

    fn repr_join(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_string(item)?);
        }
        Ok(out)
    }

    fn repr_items(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr_string(k)?);
            out.push_str(": ");
            out.push_str(&self.repr_string(v)?);
        }
        Ok(out)
    }

    /// `str(v)` as a Rust string.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                let has_str = inst
                    .class
                    .lookup(&self.intern("__str__"))
                    .is_some_and(|f| !matches!(f, Value::Native(_)));
                if has_str {
                    match self.call_special(v, "__str__", Vec::new())? {
                        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
                        Some(other) => Err(PyErr::type_error(format!(
                            "__str__ returned non-string (type {})",
                            self.type_name(&other)
                        ))),
                        None => self.repr_string(v),
                    }
                } else if inst.is_exception() {
                    self.exc_str(v)
                } else {
                    self.repr_string(v)
                }
            }
            _ => self.repr_string(v),
        }
    }

    /// `str(v)` as a value (no copy for strings).
    pub fn to_str(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Str(_) => Ok(v.clone()),
            // Written on the stack and copied once into a string of its exact size.
            Value::Int(i) => Ok(Value::str(decimal(*i, &mut [0; 20]))),
            _ => Ok(Value::from_string(self.str_string(v)?)),
        }
    }

    pub fn bigint_to_string(&self, b: &num_bigint::BigInt) -> PyResult<String> {
        crate::vm::format::int_to_str_checked(b, self.int_max_str_digits)
    }

    // ---- truth ----------------------------------------------------------------------

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Undefined | Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.table.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(dv) => !dv.dict.borrow().is_empty(),
            Value::Instance(_) => {
                if let Some(r) = self.call_special(v, "__bool__", Vec::new())? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Some(r) = self.call_special(v, "__len__", Vec::new())? {
                    return Ok(self.len_result(r)? != 0);
                }
                true
            }
            _ => true,
        })
    }

    // ---- equality and hashing -------------------------------------------------------

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::vm::ops::native_eq(a, b) {
            return Ok(r);
        }
        match (a, b) {
            (Value::List(x), Value::List(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_eq(&x, &y)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                self.seq_eq(&x, &y)
            }
            (Value::Dict(x), Value::Dict(y)) => {
                if Rc::ptr_eq(x, y) {
                    return Ok(true);
                }
                if x.borrow().len() != y.borrow().len() {
                    return Ok(false);
                }
                let items = x.borrow().items();
                for (k, v) in items {
                    match self.dict_get(y, &k)? {
                        Some(v2) => {
                            if !self.eq(&v, &v2)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Value::Set(x), Value::Set(y)) => {
                if x.table.borrow().len() != y.table.borrow().len() {
                    return Ok(false);
                }
                let items: Vec<Value> = x.table.borrow().iter().map(|(_, k)| k.clone()).collect();
                for k in items {
                    if !self.set_contains(y, &k)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            _ => {
                let r = self.compare(crate::syntax::ast::CmpOp::Eq, a, b)?;
                self.truthy(&r)
            }
        }
    }

    fn seq_eq(&mut self, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y.iter()) {
            if !a.is(b) && !self.eq(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `hash(v)`, with TypeError for unhashable values.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = crate::vm::hash::hash_native(v) {
            return Ok(h);
        }
        match v {
            Value::Tuple(t) => {
                let mut hashes = Vec::with_capacity(t.len());
                for item in t.iter() {
                    hashes.push(self.hash(item)?);
                }
                Ok(crate::vm::hash::hash_tuple(&hashes))
            }
            Value::List(_) | Value::Dict(_) | Value::DictView(_) => Err(self.unhashable(v)),
            Value::Set(s) if !s.frozen => Err(self.unhashable(v)),
            Value::Set(s) => {
                let t = s.table.borrow();
                let hashes: Vec<i64> = t.iter().map(|(h, _)| h).collect();
                Ok(crate::vm::hash::hash_frozenset(hashes.into_iter(), t.len()))
            }
            Value::Instance(inst) => {
                if inst.class.identity_hashed() {
                    return Ok((v.id() >> 4) as i64);
                }
                let class = inst.class.clone();
                match class.lookup(&PyStr::new("__hash__")) {
                    Some(Value::None) => Err(self.unhashable(v)),
                    Some(f @ Value::Function(_)) => {
                        let r = self.call(&f, vec![v.clone()])?;
                        match r {
                            // The value itself, as CPython's slot takes it (-1 is
                            // the C error value, so it becomes -2); one too big for
                            // a machine word is hashed as an int.
                            Value::Int(-1) => Ok(-2),
                            Value::Int(i) => Ok(i),
                            Value::BigInt(b) => Ok(crate::vm::hash::hash_bigint(&b)),
                            Value::Bool(b) => Ok(b as i64),
                            _ => Err(PyErr::type_error(
                                "__hash__ method should return an integer",
                            )),
                        }
                    }
                    _ => Ok((v.id() >> 4) as i64),
                }
            }
            _ => Ok((v.id() >> 4) as i64),
        }
    }

    fn unhashable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!("unhashable type: '{}'", self.type_name(v)))
    }

    // ---- dict helpers ---------------------------------------------------------------

    pub fn dict_get(&mut self, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let d = d.clone();
        let table = d.borrow();
        table.get(h, key, &mut |a, b| self.eq(a, b))
    }

    pub fn dict_set(&mut self, d: &Rc<RefCell<Dict>>, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let d = d.clone();
        let mut table = d
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
        table.insert(h, key, v, &mut |a, b| self.eq(a, b))?;
        Ok(())
    }

    pub fn dict_del(&mut self, d: &Rc<RefCell<Dict>>, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let d = d.clone();
        let mut table = d
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
        Ok(table
            .remove(h, key, &mut |a, b| self.eq(a, b))?
            .map(|(_, v)| v))
    }

    /// `d.update(other)`, or a display's `**other` (`mapping_only`: `other` must have
    /// `keys()`, as CPython's DICT_UPDATE asks, where `update` also takes pairs).
    pub(crate) fn dict_update_from(
        &mut self,
        target: &Value,
        other: &Value,
        mapping_only: bool,
    ) -> PyResult<()> {
        let Value::Dict(t) = target else {
            return Ok(());
        };
        match other {
            Value::Dict(o) => {
                let items = o.borrow().items();
                for (k, v) in items {
                    self.dict_set(t, k, v)?;
                }
            }
            _ => {
                if let Some(keys) = self.call_special(other, "keys", Vec::new())? {
                    for k in self.collect(&keys)? {
                        let v = self.get_item(other, &k)?;
                        self.dict_set(t, k, v)?;
                    }
                    return Ok(());
                }
                if mapping_only {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not a mapping",
                        self.type_name(other)
                    )));
                }
                for (i, item) in self.collect(other)?.into_iter().enumerate() {
                    let pair = self.collect(&item).map_err(|_| {
                        PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{} to a sequence",
                            i
                        ))
                    })?;
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{} has length {}; 2 is required",
                            i,
                            pair.len()
                        )));
                    }
                    let mut it = pair.into_iter();
                    if let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(t, k, v)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// A call's `**mapping`: keys must be strings and must not repeat.
    pub(crate) fn dict_merge_kwargs(
        &mut self,
        target: &Value,
        other: &Value,
        func: &Value,
    ) -> PyResult<()> {
        let Value::Dict(t) = target else {
            return Ok(());
        };
        let items: Vec<(Value, Value)> = match other {
            Value::Dict(o) => o.borrow().items(),
            _ => {
                let Some(keys) = self.call_special(other, "keys", Vec::new())? else {
                    return Err(PyErr::type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.function_str(func),
                        self.type_name(other)
                    )));
                };
                let mut items = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.get_item(other, &k)?;
                    items.push((k, v));
                }
                items
            }
        };
        for (k, v) in items {
            if !matches!(k, Value::Str(_)) {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            if self.dict_get(t, &k)?.is_some() {
                let ks = self.str_string(&k)?;
                return Err(PyErr::type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(func),
                    ks
                )));
            }
            self.dict_set(t, k, v)?;
        }
        Ok(())
    }

    /// A callable as CPython names it in call errors that qualify it with its module
    /// (`_PyObject_FunctionStr`): `__main__.f()`, `__main__.A.m()`, `math.sqrt()`,
    /// `print()`.
    pub fn function_str(&self, f: &Value) -> String {
        let qualified = |module: &str, name: &str| match module {
            "builtins" | "" => format!("{name}()"),
            _ => format!("{module}.{name}()"),
        };
        match f {
            Value::Function(f) => qualified(f.globals.name.as_str(), f.qualname.borrow().as_str()),
            Value::Native(n) => qualified(n.owner, n.name),
            Value::BoundMethod(m) => self.function_str(&m.func),
            Value::Class(c) => qualified(c.module.as_str(), c.qualname.as_str()),
            other => self.callable_name(other),
        }
    }

    /// `f()` as error messages name a callable (without its module).
    pub fn callable_name(&self, f: &Value) -> String {
        match f {
            Value::Function(f) => format!("{}()", f.qualname.borrow().as_str()),
            Value::Native(n) => format!("{}()", n.name),
            Value::BoundMethod(m) => self.callable_name(&m.func),
            Value::Class(c) => format!("{}()", c.name.as_str()),
            other => format!("{} object", self.type_name(other)),
        }
    }

    // ---- sets -----------------------------------------------------------------------

    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let s = Rc::new(PySet {
            table: RefCell::new(crate::vm::set::SetTable::new()),
            frozen,
        });
        let v = Value::Set(s);
        for item in items {
            self.set_add(&v, item)?;
        }
        Ok(v)
    }

    pub fn set_add(&mut self, s: &Value, item: Value) -> PyResult<()> {
        let Value::Set(s) = s else {
            return Ok(());
        };
        let h = self.hash(&item)?;
        let s = s.clone();
        let mut t = s
            .table
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("Set changed size during iteration"))?;
        t.add(h, item, &mut |a, b| self.eq(a, b))?;
        Ok(())
    }

    pub fn set_contains(&mut self, s: &Rc<PySet>, item: &Value) -> PyResult<bool> {
        let h = self.hash(item)?;
        let s = s.clone();
        let t = s.table.borrow();
        t.contains(h, item, &mut |a, b| self.eq(a, b))
    }

    // ---- iteration ------------------------------------------------------------------

    /// `iter(v)`
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        match self.try_get_iter(v)? {
            Some(it) => Ok(it),
            None => Err(self.not_iterable(v)),
        }
    }

    /// `iter(v)`, or None when `v`'s type can be iterated neither by `__iter__` nor by
    /// `__getitem__` (the case CPython words differently where it matters: `*v`,
    /// unpacking). Errors from `__iter__` itself propagate.
    pub(crate) fn try_get_iter(&mut self, v: &Value) -> PyResult<Option<Value>> {
        let state = match v {
            Value::List(l) => NativeIter::List {
                list: l.clone(),
                index: 0,
            },
            Value::Tuple(t) => NativeIter::Tuple {
                tuple: t.clone(),
                index: 0,
            },
            Value::Str(s) => NativeIter::Str {
                s: s.clone(),
                pos: 0,
            },
            Value::Range(r) => NativeIter::Range {
                next: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Dict(d) => NativeIter::Dict {
                dict: d.clone(),
                index: 0,
                kind: DictViewKind::Keys,
                len: d.borrow().len(),
                given: 0,
            },
            Value::DictView(dv) => NativeIter::Dict {
                dict: dv.dict.clone(),
                index: 0,
                kind: dv.kind,
                len: dv.dict.borrow().len(),
                given: 0,
            },
            Value::Set(s) => {
                let table = s.table.borrow();
                NativeIter::Set {
                    set: s.clone(),
                    items: Rc::new(table.iter().map(|(_, k)| k.clone()).collect()),
                    index: 0,
                    len: table.len(),
                }
            }
            Value::Iterator(_) | Value::Generator(_) => return Ok(Some(v.clone())),
            Value::Class(c) => {
                return match self.class_hook(c, "__class_iter__")? {
                    Some(it) => self.try_get_iter(&it),
                    None => Ok(None),
                }
            }
            Value::Instance(_) => {
                if let Some(it) = self.call_special(v, "__iter__", Vec::new())? {
                    let has_next = self.type_of(&it).lookup(&PyStr::new("__next__")).is_some()
                        || matches!(it, Value::Iterator(_) | Value::Generator(_));
                    if !has_next {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(Some(it));
                }
                if self.lookup_special(v, "__getitem__").is_some() {
                    NativeIter::SeqIter {
                        obj: v.clone(),
                        index: 0,
                    }
                } else {
                    return Ok(None);
                }
            }
            _ => return Ok(None),
        };
        Ok(Some(Value::Iterator(Rc::new(RefCell::new(state)))))
    }

    /// The items of `*v` spliced into a call or a display: as `collect`, but an
    /// object that cannot be iterated at all is a TypeError that says where it went,
    /// as CPython words it ("Value after * …" in a display, "f() argument after * …"
    /// for a call's only starred argument; `place` gives the part before "after").
    pub(crate) fn collect_starred(
        &mut self,
        v: &Value,
        place: impl FnOnce(&Self) -> String,
    ) -> PyResult<Vec<Value>> {
        if matches!(v, Value::List(_) | Value::Tuple(_)) {
            return self.collect(v);
        }
        match self.try_get_iter(v)? {
            Some(it) => self.drain(&it),
            None => Err(PyErr::type_error(format!(
                "{} after * must be an iterable, not {}",
                place(self),
                self.type_name(v)
            ))),
        }
    }

    /// Baton's stand-in for the few metaclass methods the `enum` module needs (Baton
    /// has no metaclasses): a class whose MRO defines `__class_iter__`,
    /// `__class_len__` or `__class_repr__` is iterated, measured or shown by calling
    /// it with the class. None when the class has no such hook.
    fn class_hook(&mut self, c: &Rc<Class>, hook: &str) -> PyResult<Option<Value>> {
        if c.kind == TypeKind::Builtin {
            return Ok(None);
        }
        let name = self.intern(hook);
        if c.lookup(&name).is_none() {
            return Ok(None);
        }
        let class = Value::Class(c.clone());
        let f = self.get_attr(&class, &name)?;
        self.call(&f, Vec::new()).map(Some)
    }

    pub(crate) fn not_iterable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next_fast(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iterator(state) => self.native_next(state),
            Value::Generator(_) => self.generator_next(it),
            Value::Instance(_) => match self.call_special(it, "__next__", Vec::new()) {
                Ok(Some(v)) => Ok(Some(v)),
                Ok(None) => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
                Err(e) if self.err_is(&e, ExcType::StopIteration) => Ok(None),
                Err(e) => Err(e),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    fn native_next(&mut self, state: &Rc<RefCell<NativeIter>>) -> PyResult<Option<Value>> {
        let mut st = state.borrow_mut();
        match &mut *st {
            NativeIter::List { list, index } => {
                let l = list.borrow();
                if *index < l.len() {
                    let v = l[*index].clone();
                    *index += 1;
                    Ok(Some(v))
                } else {
                    drop(l);
                    *st = NativeIter::Exhausted("list_iterator");
                    Ok(None)
                }
            }
            NativeIter::Tuple { tuple, index } => {
                if *index < tuple.len() {
                    let v = tuple[*index].clone();
                    *index += 1;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            NativeIter::Str { s, pos } => match s.as_str()[*pos..].chars().next() {
                Some(c) => {
                    *pos += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Ok(Some(Value::str(c.encode_utf8(&mut buf))))
                }
                None => Ok(None),
            },
            NativeIter::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            NativeIter::Dict {
                dict,
                index,
                kind,
                len,
                given,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                match d.entry_from(*index) {
                    Some(_) if *given == *len => {
                        // As many entries as the dict holds were given, and there is
                        // another: keys were deleted and others added.
                        *len = usize::MAX;
                        Err(PyErr::runtime_error(
                            "dictionary keys changed during iteration",
                        ))
                    }
                    Some((next, k, v)) => {
                        *index = next;
                        *given += 1;
                        Ok(Some(match kind {
                            DictViewKind::Keys => k,
                            DictViewKind::Values => v,
                            DictViewKind::Items => Value::tuple(vec![k, v]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            NativeIter::Set {
                set,
                items,
                index,
                len,
            } => {
                if set.table.borrow().len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error("Set changed size during iteration"));
                }
                if *index < items.len() {
                    let v = items[*index].clone();
                    *index += 1;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            NativeIter::Values { items, index, .. } => {
                if *index < items.len() {
                    let v = items[*index].clone();
                    *index += 1;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            NativeIter::Exhausted(_) => Ok(None),
            NativeIter::CoroWrapper(g) => {
                // The wrapper keeps its state: the coroutine, resumed through the gate.
                let g = g.clone();
                drop(st);
                match self.resume(&g, Value::None, None)? {
                    crate::vm::coroutine::Resumed::Yielded(v) => Ok(Some(v)),
                    crate::vm::coroutine::Resumed::Returned(_) => Ok(None),
                }
            }
            _ => {
                // Iterators that call back into the language: release the borrow first.
                let name = st.type_name();
                let snapshot = std::mem::replace(&mut *st, NativeIter::Exhausted(name));
                drop(st);
                let (result, restored) = self.complex_next(snapshot)?;
                *state.borrow_mut() = restored;
                Ok(result)
            }
        }
    }

    fn complex_next(&mut self, st: NativeIter) -> PyResult<(Option<Value>, NativeIter)> {
        let name = st.type_name();
        match st {
            NativeIter::Enumerate { inner, count } => match self.next_fast(&inner)? {
                Some(v) => {
                    let next =
                        self.binary_op(crate::syntax::ast::BinOp::Add, &count, &Value::Int(1))?;
                    Ok((
                        Some(Value::tuple(vec![count, v])),
                        NativeIter::Enumerate { inner, count: next },
                    ))
                }
                None => Ok((None, NativeIter::Exhausted(name))),
            },
            NativeIter::Zip { inners, strict } => {
                let mut items = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter().enumerate() {
                    match self.next_fast(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && i > 0 {
                                return Err(PyErr::value_error(format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i > 1 { "s" } else { "" },
                                    if i > 1 {
                                        format!("-{}", i)
                                    } else {
                                        String::new()
                                    }
                                )));
                            }
                            if strict && i == 0 {
                                for (j, other) in inners.iter().enumerate().skip(1) {
                                    if self.next_fast(other)?.is_some() {
                                        return Err(PyErr::value_error(format!(
                                            "zip() argument {} is longer than argument{} 1{}",
                                            j + 1,
                                            if j > 1 { "s" } else { "" },
                                            if j > 1 {
                                                format!("-{}", j)
                                            } else {
                                                String::new()
                                            }
                                        )));
                                    }
                                }
                            }
                            return Ok((None, NativeIter::Exhausted(name)));
                        }
                    }
                }
                if inners.is_empty() {
                    return Ok((None, NativeIter::Exhausted(name)));
                }
                Ok((
                    Some(Value::tuple(items)),
                    NativeIter::Zip { inners, strict },
                ))
            }
            NativeIter::Map { func, inners } if inners.len() == 1 => {
                match self.next_fast(&inners[0])? {
                    Some(v) => {
                        let v = self.call1(&func, v)?;
                        Ok((Some(v), NativeIter::Map { func, inners }))
                    }
                    None => Ok((None, NativeIter::Exhausted(name))),
                }
            }
            NativeIter::Map { func, inners } => {
                let mut args = Vec::with_capacity(inners.len());
                for it in &inners {
                    match self.next_fast(it)? {
                        Some(v) => args.push(v),
                        None => return Ok((None, NativeIter::Exhausted(name))),
                    }
                }
                let v = self.call(&func, args)?;
                Ok((Some(v), NativeIter::Map { func, inners }))
            }
            NativeIter::Filter { func, inner } => loop {
                match self.next_fast(&inner)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call1(&func, v.clone())?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok((Some(v), NativeIter::Filter { func, inner }));
                        }
                    }
                    None => return Ok((None, NativeIter::Exhausted(name))),
                }
            },
            NativeIter::Callable { func, sentinel } => {
                let v = self.call(&func, Vec::new())?;
                if self.eq(&v, &sentinel)? {
                    Ok((None, NativeIter::Exhausted(name)))
                } else {
                    Ok((Some(v), NativeIter::Callable { func, sentinel }))
                }
            }
            NativeIter::SeqIter { obj, index } => match self.get_item(&obj, &Value::Int(index)) {
                Ok(v) => Ok((
                    Some(v),
                    NativeIter::SeqIter {
                        obj,
                        index: index + 1,
                    },
                )),
                Err(e)
                    if self.err_is(&e, ExcType::IndexError)
                        || self.err_is(&e, ExcType::StopIteration) =>
                {
                    Ok((None, NativeIter::Exhausted(name)))
                }
                Err(e) => Err(e),
            },
            NativeIter::FutureAwait { fut, started } => {
                match crate::runtime::future_await_step(self, &fut, started)? {
                    crate::vm::coroutine::Resumed::Yielded(v) => {
                        Ok((Some(v), NativeIter::FutureAwait { fut, started: true }))
                    }
                    crate::vm::coroutine::Resumed::Returned(_) => {
                        Ok((None, NativeIter::Exhausted(name)))
                    }
                }
            }
            other => Ok((None, other)),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok((**t).clone()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        self.drain(&it)
    }

    /// The remaining items of the iterator `it`.
    fn drain(&mut self, it: &Value) -> PyResult<Vec<Value>> {
        let mut out = Vec::new();
        while let Some(x) = self.next_fast(it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// Unpacking assignment of exactly `n` items.
    pub(crate) fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !matches!(v, Value::Iterator(_) | Value::Generator(_)) {
                    // (Only a type that cannot be iterated at all is reworded: an
                    // error from its `__iter__` passes through, as in CPython.)
                    let Some(it) = self.try_get_iter(v)? else {
                        return Err(PyErr::type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(v)
                        )));
                    };
                    return self.unpack_iter(&it, n);
                }
                return self.unpack_iter(v, n);
            }
        };
        if items.len() == n {
            Ok(items)
        } else if items.len() > n {
            Err(PyErr::value_error(format!(
                "too many values to unpack (expected {})",
                n
            )))
        } else {
            Err(PyErr::value_error(format!(
                "not enough values to unpack (expected {}, got {})",
                n,
                items.len()
            )))
        }
    }

    fn unpack_iter(&mut self, it: &Value, n: usize) -> PyResult<Vec<Value>> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.next_fast(it)? {
                Some(v) => out.push(v),
                None => {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        out.len()
                    )))
                }
            }
        }
        if self.next_fast(it)?.is_some() {
            return Err(PyErr::value_error(format!(
                "too many values to unpack (expected {})",
                n
            )));
        }
        Ok(out)
    }

    // ---- length, items, membership ------------------------------------------------

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) => s.table.borrow().len(),
            Value::Range(r) => r.len() as usize,
            Value::DictView(dv) => dv.dict.borrow().len(),
            Value::Class(c) if c.kind != TypeKind::Builtin => {
                match self.class_hook(c, "__class_len__")? {
                    Some(r) => self.len_result(r)?,
                    None => {
                        return Err(PyErr::type_error(format!(
                            "object of type '{}' has no len()",
                            self.type_name(v)
                        )))
                    }
                }
            }
            Value::Instance(_) => match self.call_special(v, "__len__", Vec::new())? {
                Some(r) => self.len_result(r)?,
                None => {
                    return Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        self.type_name(v)
                    )))
                }
            },
            _ => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        })
    }

    fn len_result(&self, r: Value) -> PyResult<usize> {
        match r {
            Value::Int(i) if i >= 0 => Ok(i as usize),
            Value::Int(_) => Err(PyErr::value_error("__len__() should return >= 0")),
            Value::Bool(b) => Ok(b as usize),
            other => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(&other)
            ))),
        }
    }

    /// `x in container`
    pub fn contains(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match x {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(x)
                ))),
            },
            Value::List(l) => {
                let items = l.borrow().clone();
                for item in &items {
                    if item.is(x) || self.eq(item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let t = t.clone();
                for item in t.iter() {
                    if item.is(x) || self.eq(item, x)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => Ok(self.dict_get(d, x)?.is_some()),
            Value::DictView(dv) if dv.kind == DictViewKind::Keys => {
                Ok(self.dict_get(&dv.dict, x)?.is_some())
            }
            Value::Set(s) => self.set_contains(s, x),
            Value::Range(r) => {
                let i = match x {
                    Value::Int(i) => *i,
                    Value::Bool(b) => *b as i64,
                    _ => return self.contains_by_iter(container, x),
                };
                Ok(if r.step > 0 {
                    i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                } else {
                    i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                })
            }
            Value::Instance(_) => {
                if let Some(r) = self.call_special(container, "__contains__", vec![x.clone()])? {
                    return self.truthy(&r);
                }
                self.contains_by_iter(container, x)
            }
            _ => self.contains_by_iter(container, x),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, x: &Value) -> PyResult<bool> {
        let it = self.get_iter(container).map_err(|_| {
            PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            ))
        })?;
        while let Some(item) = self.next_fast(&it)? {
            if item.is(x) || self.eq(&item, x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    // ---- with -------------------------------------------------------------------------

    /// `(bound __exit__, bound __enter__)` of a context manager.
    pub(crate) fn context_methods(&mut self, ctx: &Value) -> PyResult<(Value, Value)> {
        let enter = self.lookup_special(ctx, "__enter__");
        let exit = self.lookup_special(ctx, "__exit__");
        match (exit, enter) {
            (Some(x), Some(e)) => Ok((x, e)),
            (_, None) => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(ctx)
            ))),
            (None, Some(_)) => Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(ctx)
            ))),
        }
    }

    /// f-string `{v!conv:spec}`.
    pub(crate) fn format_value(
        &mut self,
        v: Value,
        conv: u32,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            1 => self.to_str(&v)?,
            2 => self.repr(&v)?,
            3 => self.ascii(&v)?,
            _ => v,
        };
        let spec = match spec {
            Some(Value::Str(s)) => s,
            _ => {
                return self.to_str(&v);
            }
        };
        self.format(&v, spec.as_str()).map(Value::from_string)
    }

    /// `format(v, spec)`
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        use crate::vm::format as f;
        match v {
            Value::Instance(_) => {
                let has_format = self.type_of(v).lookup(&PyStr::new("__format__")).is_some();
                if has_format {
                    match self.call_special(v, "__format__", vec![Value::str(spec)])? {
                        Some(Value::Str(s)) => return Ok(s.as_str().to_string()),
                        _ => return Err(PyErr::type_error("__format__ must return a str")),
                    }
                }
                if spec.is_empty() {
                    return self.str_string(v);
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    self.type_name(v)
                )))
            }
            _ if spec.is_empty() => self.str_string(v),
            Value::Str(s) => f::format_str(s.as_str(), spec),
            Value::Int(i) => f::format_int_i64(*i, spec),
            Value::Bool(b) => f::format_int_i64(*b as i64, spec),
            Value::BigInt(b) => f::format_bigint(b, spec),
            Value::Float(x) => f::format_float(*x, spec),
            _ => {
                let s = self.str_string(v)?;
                if spec.is_empty() {
                    Ok(s)
                } else {
                    Err(PyErr::type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )))
                }
            }
        }
    }
}

/// The decimal text of `i`, written at the end of `buf`.
fn decimal(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // Only ASCII digits and '-' were written: always valid UTF-8.
    std::str::from_utf8(&buf[at..]).unwrap_or("")
}
