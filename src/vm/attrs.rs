//! Attribute look-up and assignment: instance dicts, class MROs with method binding,
//! properties, static and class methods, `super()`, modules, the special attributes
//! of built-in objects (`__name__`, `args`, `__class__`, ...), and a class's own
//! attribute hooks (`__getattribute__`, `__setattr__`, `__delattr__`).

use crate::vm::dict::Dict;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::exceptions::exc_data;
use crate::vm::shape::Attrs;
use crate::vm::value::{Class, PyStr, TypeKind, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The methods by which a class takes over its instances' attribute access. A class
/// that defines one counts as having a property (`Class::has_property`), so the run
/// loop's fast paths leave its instances to the general path, which calls it.
const ATTR_HOOKS: [&str; 3] = ["__getattribute__", "__setattr__", "__delattr__"];

/// Is `name` one of `ATTR_HOOKS`?
pub(crate) fn is_attr_hook(name: &str) -> bool {
    ATTR_HOOKS.contains(&name)
}

/// Is `name` `__dict__`? Storing or deleting it changes which dict an instance's
/// attributes live in (`Attrs::set_dict`), so it is never a plain attribute store.
#[inline(always)]
/// A user-defined descriptor: an instance whose class defines `__get__`, `__set__`
/// or `__delete__`. Gives (has `__get__`, is a data descriptor).
pub(crate) fn descriptor_kind(v: &Value) -> Option<(bool, bool)> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let has = |name: &str| inst.class.lookup(&PyStr::new(name)).is_some();
    let get = has("__get__");
    let data = has("__set__") || has("__delete__");
    (get || data).then_some((get, data))
}

pub(crate) fn is_dict_name(name: &PyStr) -> bool {
    name.as_str() == "__dict__"
}

/// Does a class of the MRO of `class` define its own `hook` (any of `ATTR_HOOKS`
/// for None)? `object`'s natives are the plain behaviour, not hooks.
pub(crate) fn defines_attr_hook(class: &Rc<Class>, hook: Option<&str>) -> bool {
    ATTR_HOOKS
        .iter()
        .filter(|h| hook.is_none_or(|wanted| wanted == **h))
        .any(|h| matches!(class.lookup(&PyStr::new(*h)), Some(v) if !matches!(v, Value::Native(_))))
}

impl Vm {
    /// An attribute name passed as an argument (`getattr`, `object.__setattr__`, ...),
    /// which must be a str.
    pub(crate) fn attr_name_arg(&self, name: &Value) -> PyResult<Rc<PyStr>> {
        match name {
            Value::Str(s) => Ok(s.clone()),
            other => Err(PyErr::type_error(format!(
                "attribute name must be string, not '{}'",
                self.type_name(other)
            ))),
        }
    }

    /// The attribute hook `hook` (one of `ATTR_HOOKS`) of `class`, bound to `obj`,
    /// when a class of its MRO defines its own (`object`'s are the plain behaviour).
    fn attr_hook(&mut self, class: &Rc<Class>, obj: &Value, hook: &str) -> Option<Value> {
        if class.mro_known_without_property()
            || !class.mro_has_property()
            || !class.defines_attr_hooks()
        {
            return None;
        }
        match class.lookup(&self.intern(hook))? {
            Value::Native(_) => None,
            f => Some(self.bind_class_attr(f, obj, class)),
        }
    }

    /// `obj.name`
    pub fn get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        match self.try_get_attr(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    /// The AttributeError for a missing attribute, with its `name` and `obj` (what a
    /// "Did you mean" needs, `vm::suggestions`).
    pub(crate) fn no_attribute(&self, obj: &Value, name: &PyStr) -> PyErr {
        let msg = match obj {
            Value::Module(m) => format!(
                "module '{}' has no attribute '{}'",
                m.name.as_str(),
                name.as_str()
            ),
            Value::Class(c) => format!(
                "type object '{}' has no attribute '{}'",
                c.name.as_str(),
                name.as_str()
            ),
            _ => format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name.as_str()
            ),
        };
        self.exception_with_attrs(
            ExcType::AttributeError,
            msg,
            vec![("name", Value::str(name.as_str())), ("obj", obj.clone())],
        )
    }

    /// `obj.name`, or None when missing (other errors propagate).
    pub fn try_get_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
        if let Value::Instance(inst) = obj {
            if let Some(hook) = self.attr_hook(&inst.class, obj, "__getattribute__") {
                return self.get_attr_by_hook(obj, &inst.class, &hook, name);
            }
            return self.instance_attr(obj, inst, name, true);
        }
        self.generic_get_attr(obj, name)
    }

    /// `obj.name` by the class's own `__getattribute__` (`hook`): its AttributeError
    /// goes to `__getattr__` when the class has one, as CPython's slot does.
    fn get_attr_by_hook(
        &mut self,
        obj: &Value,
        class: &Rc<Class>,
        hook: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        match self.call(hook, vec![Value::Str(name.clone())]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_is(&e, ExcType::AttributeError) => {
                match class.lookup(&self.intern("__getattr__")) {
                    Some(getattr) => self
                        .call(&getattr, vec![obj.clone(), Value::Str(name.clone())])
                        .map(Some),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// An instance's attribute: a property, its own dict, an exception's fields, its
    /// class's attribute (bound), `__class__`/`__dict__`, and last (`with_getattr`)
    /// the class's `__getattr__`.
    fn instance_attr(
        &mut self,
        obj: &Value,
        inst: &crate::vm::value::Instance,
        name: &Rc<PyStr>,
        with_getattr: bool,
    ) -> PyResult<Option<Value>> {
        // Without a property anywhere on the MRO, the instance dict comes first
        // (the order below gives the same answer, just slower).
        let props = inst.class.mro_has_property();
        if !props {
            if let Some(v) = inst.attrs.with(|a| a.get_str(name)) {
                return Ok(Some(v));
            }
        }
        let class = inst.class.clone();
        let class_attr = class.lookup(name);
        if let Some(Value::Property(p)) = &class_attr {
            if p.fget.is_undefined() || p.fget.is_none() {
                return Err(PyErr::attribute_error(format!(
                    "property '{}' of '{}' object has no getter",
                    name.as_str(),
                    class.name.as_str()
                )));
            }
            let fget = p.fget.clone();
            return self.call(&fget, vec![obj.clone()]).map(Some);
        }
        // A data descriptor of the class comes before the instance's own attribute,
        // any other descriptor after it.
        let descriptor = class_attr.as_ref().and_then(descriptor_kind);
        if let (Some(d), Some((true, true))) = (&class_attr, descriptor) {
            return self.descriptor_get(d, obj, &class).map(Some);
        }
        if props {
            if let Some(v) = inst.attrs.with(|a| a.get_str(name)) {
                return Ok(Some(v));
            }
        }
        if inst.is_exception() {
            if let Some(v) = self.exception_attr(obj, name) {
                return Ok(Some(v));
            }
        }
        if let Some(v) = class_attr {
            if let Some((true, _)) = descriptor {
                return self.descriptor_get(&v, obj, &class).map(Some);
            }
            return Ok(Some(self.bind_class_attr(v, obj, &class)));
        }
        match name.as_str() {
            "__class__" => return Ok(Some(Value::Class(class))),
            "__dict__" => return Ok(Some(Value::Dict(inst.attrs.with_mut(Attrs::dict)))),
            _ => {}
        }
        if !with_getattr {
            return Ok(None);
        }
        match class.lookup(&self.intern("__getattr__")) {
            Some(getattr) => self
                .call(&getattr, vec![obj.clone(), Value::Str(name.clone())])
                .map(Some),
            None => Ok(None),
        }
    }

    /// `obj.name` as `object.__getattribute__` finds it: without the class's own
    /// `__getattribute__`, and for an instance without `__getattr__` either. None
    /// when missing.
    pub(crate) fn generic_get_attr(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => self.instance_attr(obj, inst, name, false),
            Value::Class(c) => self.class_attr(c, name),
            Value::Module(m) => {
                if let Some(v) = m.get(name.as_str()) {
                    return Ok(Some(v));
                }
                match name.as_str() {
                    "__name__" => Ok(Some(Value::Str(m.name.clone()))),
                    "__file__" => Ok(Some(Value::str(&m.filename))),
                    "__dict__" => Ok(Some(Value::dict(m.to_dict()))),
                    // `sys.modules`: the modules imported so far, by name (a new dict
                    // each time: storing into it imports nothing).
                    "modules" if m.name.as_str() == "sys" && m.filename.as_ref() == "<sys>" => {
                        let mut d = crate::vm::dict::Dict::new();
                        let mut names: Vec<_> = self.modules.iter().collect();
                        names.sort_by(|a, b| a.0.cmp(b.0));
                        for (name, module) in names {
                            d.set_str(Rc::new(PyStr::new(name.as_str())), module.clone());
                        }
                        Ok(Some(Value::dict(d)))
                    }
                    // PEP 562: a module-level `__getattr__(name)` answers for names the
                    // module does not define (asyncio loads its submodules this way).
                    _ => match m.get("__getattr__") {
                        Some(getattr) => {
                            match self.call(&getattr, vec![Value::Str(name.clone())]) {
                                // A stdlib module's hook only loads Baton's own submodules:
                                // its "no such name" is reported as the plain one (CPython's
                                // module has no hook to show in the traceback).
                                Err(e)
                                    if m.filename.starts_with("<stdlib>/")
                                        && self.err_is(&e, ExcType::AttributeError) =>
                                {
                                    Ok(None)
                                }
                                r => r.map(Some),
                            }
                        }
                        None => Ok(None),
                    },
                }
            }
            Value::Super(s) => {
                let obj_type = match &s.obj {
                    Value::Class(c) => c.clone(),
                    other => self.type_of(other),
                };
                let mut found = false;
                for c in obj_type.mro_iter() {
                    if !found {
                        found = Rc::ptr_eq(c, &s.this_class);
                        continue;
                    }
                    let attr = c.dict.borrow().get_str(name);
                    if let Some(v) = attr {
                        return Ok(Some(match (&s.obj, v) {
                            (Value::Class(_), v @ Value::Function(_)) => v,
                            // `super().prop`: the base's property, read for the
                            // instance.
                            (obj @ Value::Instance(_), Value::Property(p)) => {
                                if p.fget.is_undefined() || p.fget.is_none() {
                                    return Err(PyErr::attribute_error(format!(
                                        "property '{}' of '{}' object has no getter",
                                        name.as_str(),
                                        obj_type.name.as_str()
                                    )));
                                }
                                let fget = p.fget.clone();
                                self.call(&fget, vec![obj.clone()])?
                            }
                            (_, v) => self.bind_class_attr(v, &s.obj, &obj_type),
                        }));
                    }
                }
                Ok(None)
            }
            _ => {
                if let Some(v) = self.special_attr(obj, name)? {
                    return Ok(Some(v));
                }
                let class = self.type_of(obj);
                match class.lookup(name) {
                    Some(v) => Ok(Some(self.bind_class_attr(v, obj, &class))),
                    None if name.as_str() == "__class__" => Ok(Some(Value::Class(class))),
                    None => Ok(None),
                }
            }
        }
    }

    /// `descriptor.__get__(obj, class)` (obj None when read through the class).
    fn descriptor_get(
        &mut self,
        descriptor: &Value,
        obj: &Value,
        class: &Rc<Class>,
    ) -> PyResult<Value> {
        let get = self.intern("__get__");
        let method = self.get_attr(descriptor, &get)?;
        self.call(&method, vec![obj.clone(), Value::Class(class.clone())])
    }

    /// What a class attribute becomes when read through an instance.
    fn bind_class_attr(&mut self, v: Value, obj: &Value, class: &Rc<Class>) -> Value {
        match v {
            Value::Function(_) | Value::Native(_) => self.bind(v, obj.clone()),
            Value::StaticMethod(f) => (*f).clone(),
            Value::ClassMethod(f) => self.bind((*f).clone(), Value::Class(class.clone())),
            other => other,
        }
    }

    /// A built-in type's method `f`, found as `name` on the type `c` (or a built-in
    /// base), as the type hands it out: a copy that knows the type defining it, so
    /// that a call checks its first argument (`Vm::check_descriptor_self`), made once
    /// per (type, function). None if no class of the MRO holds `name` itself.
    fn method_descriptor(
        &mut self,
        c: &Rc<Class>,
        name: &PyStr,
        f: &crate::vm::value::NativeFunction,
    ) -> Option<Value> {
        let owner = c
            .mro_iter()
            .find(|k| k.dict.borrow().get_str_ref(name).is_some())?;
        let key = (Rc::as_ptr(owner) as usize, f.func as usize);
        let descriptor = self.method_descriptors.entry(key).or_insert_with(|| {
            Value::Native(Rc::new(crate::vm::value::NativeFunction {
                name: f.name,
                func: f.func,
                owner: f.owner,
                self_class: Some(owner.clone()),
            }))
        });
        Some(descriptor.clone())
    }

    /// Attribute of a class object.
    fn class_attr(&mut self, c: &Rc<Class>, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
        if name.as_str() == "__annotations__" {
            return Ok(class_annotations(c, name));
        }
        if let Some(v) = c.lookup(name) {
            if let Some((true, _)) = descriptor_kind(&v) {
                return self.descriptor_get(&v, &Value::None, c).map(Some);
            }
            return Ok(Some(match v {
                Value::StaticMethod(f) => (*f).clone(),
                Value::ClassMethod(f) => self.bind((*f).clone(), Value::Class(c.clone())),
                Value::Native(f) if c.kind == TypeKind::Builtin && f.self_class.is_none() => self
                    .method_descriptor(c, name, &f)
                    .unwrap_or(Value::Native(f)),
                other => other,
            }));
        }
        Ok(match name.as_str() {
            "__name__" => Some(Value::Str(c.name.clone())),
            "__qualname__" => Some(Value::Str(c.qualname.clone())),
            "__module__" => Some(Value::Str(c.module.clone())),
            "__bases__" => Some(Value::tuple(
                c.bases.iter().map(|b| Value::Class(b.clone())).collect(),
            )),
            "__mro__" => Some(Value::tuple(
                c.mro_iter().map(|b| Value::Class(b.clone())).collect(),
            )),
            "__dict__" => Some(Value::dict(c.dict.borrow().clone())),
            "__doc__" => Some(Value::None),
            "__class__" => Some(Value::Class(self.types.type_.clone())),
            _ => None,
        })
    }

    /// Attributes that exception instances carry natively.
    fn exception_attr(&mut self, exc: &Value, name: &PyStr) -> Option<Value> {
        let data = exc_data(exc)?;
        let undefined_to_none = |v: Value| if v.is_undefined() { Value::None } else { v };
        match name.as_str() {
            "args" => Some(data.args.borrow().clone()),
            "__cause__" => Some(undefined_to_none(data.cause.borrow().clone())),
            "__context__" => Some(undefined_to_none(data.context.borrow().clone())),
            "__suppress_context__" => Some(Value::Bool(data.suppress_context.get())),
            "__traceback__" => {
                if data.traceback.borrow().is_empty() {
                    Some(Value::None)
                } else {
                    Some(Value::str("<traceback>"))
                }
            }
            "exceptions" | "message"
                if self
                    .type_of(exc)
                    .is_subclass(self.types.exc(ExcType::BaseExceptionGroup)) =>
            {
                let args = self.exc_args(exc);
                let i = if name.as_str() == "message" { 0 } else { 1 };
                let v = args.get(i).cloned().unwrap_or(Value::None);
                Some(match (i, v) {
                    (1, Value::List(l)) => Value::tuple(l.borrow().clone()),
                    (_, v) => v,
                })
            }
            // A field of the class (an OSError's `errno`, a NameError's `name`):
            // its value, or None while unset.
            field if self.exception_fields(&self.type_of(exc)).contains(&field) => {
                Some(data.field(field).unwrap_or(Value::None))
            }
            "value" | "code" | "msg" => {
                let class = self.type_of(exc);
                let relevant = match name.as_str() {
                    "value" => class.is_subclass(self.types.exc(ExcType::StopIteration)),
                    "code" => class.is_subclass(self.types.exc(ExcType::SystemExit)),
                    _ => false,
                };
                if !relevant {
                    return None;
                }
                let args = self.exc_args(exc);
                Some(match args.len() {
                    0 => Value::None,
                    1 => args[0].clone(),
                    _ => Value::tuple(args),
                })
            }
            _ => None,
        }
    }

    /// Special attributes of built-in objects that are not methods.
    fn special_attr(&mut self, obj: &Value, name: &PyStr) -> PyResult<Option<Value>> {
        Ok(match (obj, name.as_str()) {
            (Value::Function(f), "__name__") => Some(Value::Str(f.name.borrow().clone())),
            (Value::Function(f), "__qualname__") => Some(Value::Str(f.qualname.borrow().clone())),
            (Value::Function(f), "__module__") => f.globals.get("__name__"),
            (Value::Function(f), "__code__") => Some(Value::Code(f.code.clone())),
            // The cells of the variables it closes over (None when it has none).
            (Value::Function(f), "__closure__") => Some(if f.closure.is_empty() {
                Value::None
            } else {
                Value::tuple(f.closure.iter().cloned().map(Value::Cell).collect())
            }),
            (Value::Cell(c), "cell_contents") => match &*c.borrow() {
                Value::Undefined => return Err(PyErr::value_error("Cell is empty")),
                v => Some(v.clone()),
            },
            (Value::Function(f), "__defaults__") => {
                if f.defaults.is_empty() {
                    Some(Value::None)
                } else {
                    Some(Value::tuple(f.defaults.clone()))
                }
            }
            (Value::Function(f), "__annotations__") => Some(
                f.annotations
                    .borrow_mut()
                    .get_or_insert_with(|| Value::dict(Dict::new()))
                    .clone(),
            ),
            (Value::Function(f), "__dict__") => {
                Some(Value::dict(f.dict.borrow().clone().unwrap_or_default()))
            }
            (Value::Function(f), _) => {
                let d = f.dict.borrow();
                let v = d.as_ref().and_then(|d| d.get_str(name));
                match (v, name.as_str()) {
                    (Some(v), _) => Some(v),
                    // A def's docstring is its code's first constant (None when it
                    // has none), as in CPython; a lambda has none.
                    (None, "__doc__") => match f.code.consts.first() {
                        Some(Value::Str(doc)) if f.code.name.as_str() != "<lambda>" => {
                            Some(Value::Str(doc.clone()))
                        }
                        _ => Some(Value::None),
                    },
                    _ => None,
                }
            }
            (Value::Native(n), "__name__") => Some(Value::str(n.name)),
            (Value::Native(n), "__qualname__") => Some(Value::str(n.name)),
            (Value::BoundMethod(m), "__self__") => Some(m.self_.clone()),
            (Value::BoundMethod(m), "__func__") => Some(m.func.clone()),
            (Value::BoundMethod(m), "__name__" | "__qualname__" | "__doc__") => {
                let f = m.func.clone();
                let name = Rc::new(PyStr::new(name.as_str()));
                self.try_get_attr(&f, &name)?
            }
            (Value::Code(c), "co_name") => Some(Value::Str(c.name.clone())),
            (Value::Code(c), "co_qualname") => Some(Value::Str(c.qualname.clone())),
            (Value::Code(c), "co_filename") => Some(Value::str(&c.filename)),
            (Value::Code(c), "co_firstlineno") => Some(Value::Int(c.firstlineno as i64)),
            (Value::Code(c), "co_argcount") => Some(Value::Int(c.argcount as i64)),
            (Value::Code(c), "co_flags") => Some(Value::Int(c.co_flags())),
            (Value::Frame(_), _) => self.frame_attr(obj, name)?,
            (Value::Code(c), "co_varnames") => Some(Value::tuple(
                c.varnames.iter().map(|n| Value::Str(n.clone())).collect(),
            )),
            (Value::Property(p), "fget") => Some(p.fget.clone()),
            (Value::Property(p), "fset") => Some(p.fset.clone()),
            (Value::Property(p), "fdel") => Some(p.fdel.clone()),
            (Value::Property(p), "__doc__") => match (&p.doc, &p.fget) {
                (Value::None, Value::None) => Some(Value::None),
                (Value::None, fget) => {
                    let fget = fget.clone();
                    let name = Rc::new(PyStr::new("__doc__"));
                    self.try_get_attr(&fget, &name)?
                }
                (doc, _) => Some(doc.clone()),
            },
            (Value::StaticMethod(f) | Value::ClassMethod(f), "__func__") => Some((**f).clone()),
            (Value::Slice(s), "start") => Some(s.start.clone()),
            (Value::Slice(s), "stop") => Some(s.stop.clone()),
            (Value::Slice(s), "step") => Some(s.step.clone()),
            (Value::Range(r), "start") => Some(Value::Int(r.start)),
            (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
            (Value::Range(r), "step") => Some(Value::Int(r.step)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                Some(match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    o => o.clone(),
                })
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                Some(Value::Int(1))
            }
            (Value::Float(f), "real") => Some(Value::Float(*f)),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Generator(_), _) => self.generator_attr(obj, name)?,
            _ => None,
        })
    }

    /// For LoadMethod: the plain function on the type when `obj.name` is an ordinary
    /// method call (no bound-method object needed).
    pub(crate) fn lookup_method(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                if inst.attrs.with(|a| a.get_str_ref(name).is_some())
                    || (inst.class.mro_has_property() && inst.class.defines_getattribute())
                {
                    return Ok(None);
                }
                match inst.class.lookup(name) {
                    Some(f @ Value::Function(_)) | Some(f @ Value::Native(_)) => Ok(Some(f)),
                    _ => Ok(None),
                }
            }
            Value::Class(_) | Value::Module(_) | Value::Super(_) | Value::Function(_) => Ok(None),
            _ => {
                let class = self.type_of(obj);
                match class.lookup(name) {
                    Some(f @ Value::Native(_)) => Ok(Some(f)),
                    _ => Ok(None),
                }
            }
        }
    }

    /// `obj.name = v`
    pub fn set_attr(&mut self, obj: &Value, name: &Rc<PyStr>, v: Value) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if let Some(hook) = self.attr_hook(&inst.class, obj, "__setattr__") {
                self.call(&hook, vec![Value::Str(name.clone()), v])?;
                return Ok(());
            }
        }
        self.generic_set_attr(obj, name, v)
    }

    /// `obj.name = v` as `object.__setattr__` stores it: without the class's own
    /// `__setattr__`.
    pub(crate) fn generic_set_attr(
        &mut self,
        obj: &Value,
        name: &Rc<PyStr>,
        v: Value,
    ) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let prop = if inst.class.mro_has_property() {
                    inst.class.lookup(name)
                } else {
                    None
                };
                if let Some(Value::Property(p)) = prop {
                    if p.fset.is_undefined() || p.fset.is_none() {
                        return Err(PyErr::attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            name.as_str(),
                            inst.class.name.as_str()
                        )));
                    }
                    let fset = p.fset.clone();
                    self.call(&fset, vec![obj.clone(), v])?;
                    return Ok(());
                }
                // A data descriptor's `__set__` (one with only `__delete__` refuses).
                if let Some(d) = prop.filter(|p| matches!(descriptor_kind(p), Some((_, true)))) {
                    let set = self.intern("__set__");
                    return match self.try_get_attr(&d, &set)? {
                        Some(method) => self.call(&method, vec![obj.clone(), v]).map(drop),
                        None => Err(PyErr::attribute_error("__set__")),
                    };
                }
                if let Some(data) = inst.exc() {
                    match name.as_str() {
                        "__cause__" => {
                            *data.cause.borrow_mut() = v;
                            data.suppress_context.set(true);
                            return Ok(());
                        }
                        "__context__" => {
                            *data.context.borrow_mut() = v;
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            data.suppress_context.set(self.truthy(&v)?);
                            return Ok(());
                        }
                        "args" => {
                            let items = self.collect(&v)?;
                            *data.args.borrow_mut() = Value::tuple(items);
                            return Ok(());
                        }
                        field if self.exception_fields(&inst.class).contains(&field) => {
                            data.set_field(name.clone(), v);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if Rc::ptr_eq(&inst.class, &self.types.object) {
                    return Err(PyErr::attribute_error(format!(
                        "'object' object has no attribute '{}'",
                        name.as_str()
                    )));
                }
                if is_dict_name(name) {
                    let Value::Dict(d) = v else {
                        return Err(PyErr::type_error(format!(
                            "__dict__ must be set to a dictionary, not a '{}'",
                            self.type_name(&v)
                        )));
                    };
                    // The old attributes go after the cell is let go (a drop may
                    // queue finalizers, which must not meet the attributes).
                    let old = inst.attrs.with_mut(|a| a.set_dict(d));
                    drop(old);
                    return Ok(());
                }
                inst.attrs.with_mut(|d| d.set_str(name.clone(), v));
                Ok(())
            }
            Value::Class(c) if c.kind != TypeKind::Builtin => {
                if matches!(v, Value::Property(_))
                    || is_attr_hook(name.as_str())
                    || descriptor_kind(&v).is_some()
                {
                    c.has_property.set(true);
                }
                c.dict.borrow_mut().set_str(name.clone(), v);
                crate::vm::cache::classes_changed();
                Ok(())
            }
            Value::Module(m) => {
                m.set(name.as_str(), v);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = v {
                            *f.name.borrow_mut() = s;
                            return Ok(());
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = v {
                            *f.qualname.borrow_mut() = s;
                            return Ok(());
                        }
                    }
                    "__annotations__" => {
                        if !matches!(v, Value::Dict(_) | Value::None) {
                            return Err(PyErr::type_error(
                                "__annotations__ must be set to a dict object",
                            ));
                        }
                        *f.annotations.borrow_mut() = (!v.is_none()).then_some(v);
                        return Ok(());
                    }
                    _ => {}
                }
                f.dict
                    .borrow_mut()
                    .get_or_insert_with(Default::default)
                    .set_str(name.clone(), v);
                Ok(())
            }
            Value::Class(c) => Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                c.name.as_str()
            ))),
            _ => {
                let has = self.type_of(obj).lookup(name).is_some();
                Err(PyErr::attribute_error(if has {
                    format!(
                        "'{}' object attribute '{}' is read-only",
                        self.type_name(obj),
                        name.as_str()
                    )
                } else {
                    format!(
                        "'{}' object has no attribute '{}'",
                        self.type_name(obj),
                        name.as_str()
                    )
                }))
            }
        }
    }

    /// `del obj.name`
    pub fn del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        if let Value::Instance(inst) = obj {
            if let Some(hook) = self.attr_hook(&inst.class, obj, "__delattr__") {
                self.call(&hook, vec![Value::Str(name.clone())])?;
                return Ok(());
            }
        }
        self.generic_del_attr(obj, name)
    }

    /// `del obj.name` as `object.__delattr__` does it: without the class's own
    /// `__delattr__`.
    pub(crate) fn generic_del_attr(&mut self, obj: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(inst) => {
                let class_attr = inst.class.lookup(name);
                if let Some(d) = class_attr
                    .as_ref()
                    .filter(|p| matches!(descriptor_kind(p), Some((_, true))))
                {
                    let delete = self.intern("__delete__");
                    return match self.try_get_attr(d, &delete)? {
                        Some(method) => self.call(&method, vec![obj.clone()]).map(drop),
                        None => Err(PyErr::attribute_error("__delete__")),
                    };
                }
                if let Some(Value::Property(p)) = class_attr {
                    if !p.fdel.is_undefined() && !p.fdel.is_none() {
                        let fdel = p.fdel.clone();
                        self.call(&fdel, vec![obj.clone()])?;
                        return Ok(());
                    }
                    return Err(PyErr::attribute_error(format!(
                        "property '{}' of '{}' object has no deleter",
                        name.as_str(),
                        inst.class.name.as_str()
                    )));
                }
                if is_dict_name(name) {
                    // CPython's instance starts again with an empty dict.
                    let old = inst.attrs.with_mut(|a| a.set_dict(Rc::default()));
                    drop(old);
                    return Ok(());
                }
                let removed = inst.attrs.with_mut(|a| a.remove_str(name));
                removed.is_some()
            }
            Value::Class(c) if c.kind != TypeKind::Builtin => {
                crate::vm::cache::classes_changed();
                c.dict.borrow_mut().remove_str(name).is_some()
            }
            Value::Module(m) if m.get(name.as_str()).is_some() => {
                m.set(name.as_str(), Value::Undefined);
                true
            }
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name))
        }
    }

    /// A dunder method looked up on the type (not the instance), bound to `obj`.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let class = self.type_of(obj);
        let v = class.lookup(&self.intern(name))?;
        Some(self.bind_class_attr(v, obj, &class))
    }

    /// Calls a dunder method on the type of `obj`, if there is one.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> PyResult<Option<Value>> {
        let class = self.type_of(obj);
        let Some(f) = class.lookup(&self.intern(name)) else {
            return Ok(None);
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(obj.clone());
        full.extend(args);
        match f {
            Value::StaticMethod(f) => self.call(&f, full[1..].to_vec()).map(Some),
            f => self.call(&f, full).map(Some),
        }
    }
}

/// A class's `__annotations__`: its own (an annotated class body made them), never a
/// base class's; a class without any gets an empty dict, kept from then on, as in
/// CPython 3.10 and later. Built-in types have none.
fn class_annotations(c: &Rc<Class>, name: &Rc<PyStr>) -> Option<Value> {
    if let Some(v) = c.dict.borrow().get_str(name) {
        return Some(v);
    }
    // (Built-in exception classes are not `TypeKind::Builtin`, but are built in.)
    if c.kind == TypeKind::Builtin || c.module.as_str() == "builtins" {
        return None;
    }
    let annotations = Value::dict(Dict::new());
    c.dict
        .borrow_mut()
        .set_str(name.clone(), annotations.clone());
    crate::vm::cache::classes_changed();
    Some(annotations)
}
