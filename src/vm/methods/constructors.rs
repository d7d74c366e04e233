//! Calling a built-in type: `int(...)`, `str(...)`, `list(...)`, `range(...)`,
//! `property(...)`, `super(...)`, and the methods of `object` and `BaseException`
//! that user classes inherit.

use super::{check_args, check_free_args, int_arg, kwarg};
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::exceptions::exc_data;
use crate::vm::types::{add_methods, add_wrapped_method, Binding};
use crate::vm::value::{Class, KwArgs, Property, RangeObj, SliceObj, SuperObj, TypeKind, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    add_methods(&t.int, "int", &[("__new__", int_new)]);
    add_methods(&t.bool_, "bool", &[("__new__", bool_new)]);
    add_methods(&t.float, "float", &[("__new__", float_new)]);
    add_methods(&t.str_, "str", &[("__new__", str_new)]);
    add_methods(&t.list, "list", &[("__new__", list_new)]);
    add_methods(&t.tuple, "tuple", &[("__new__", tuple_new)]);
    add_methods(&t.dict, "dict", &[("__new__", dict_new)]);
    add_methods(&t.set, "set", &[("__new__", set_new)]);
    add_methods(&t.frozenset, "frozenset", &[("__new__", frozenset_new)]);
    add_methods(&t.range, "range", &[("__new__", range_new)]);
    add_methods(
        &t.slice,
        "slice",
        &[("__new__", slice_new), ("indices", slice_indices)],
    );
    add_methods(&t.none, "NoneType", &[("__new__", none_new)]);
    add_methods(&t.type_, "type", &[("__new__", type_new)]);
    add_methods(
        &t.property,
        "property",
        &[
            ("__new__", property_new),
            ("setter", property_setter),
            ("getter", property_getter),
            ("deleter", property_deleter),
        ],
    );
    add_methods(
        &t.staticmethod,
        "staticmethod",
        &[("__new__", staticmethod_new)],
    );
    add_methods(
        &t.classmethod,
        "classmethod",
        &[("__new__", classmethod_new)],
    );
    add_methods(&t.super_, "super", &[("__new__", super_new)]);
    add_methods(
        &t.object,
        "object",
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
        ],
    );
    // `object.__new__(cls)`, a static method: a bare instance of a user class.
    add_wrapped_method(&t.object, "object", "__new__", object_new, Binding::Static);
    // `object.__init_subclass__`, the end of every `super().__init_subclass__()`
    // chain: a class method that accepts no keywords.
    let init_subclass = object_init_subclass;
    add_wrapped_method(
        &t.object,
        "object",
        "__init_subclass__",
        init_subclass,
        Binding::Class,
    );
    // What these exceptions' keyword arguments set (`exception_keywords`), None until
    // then, as in CPython.
    for (typ, names) in EXCEPTION_KEYWORDS {
        let mut dict = t.exc(typ).dict.borrow_mut();
        for name in names {
            dict.set_str(crate::vm::intern::intern(name), Value::None);
        }
    }
    let base = t.exc(ExcType::BaseException).clone();
    add_methods(
        &base,
        "BaseException",
        &[
            ("__init__", exception_init),
            ("with_traceback", exception_with_traceback),
            ("add_note", exception_add_note),
            ("__str__", exception_str),
            ("__repr__", exception_repr),
        ],
    );
}

fn no_kwargs(name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            name
        )))
    }
}

/// The arguments after the class (args[0] is the class being called).
fn rest(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

fn int_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = rest(args);
    let base = match (a.get(1), kwarg(kw, "base")) {
        (Some(b), _) | (None, Some(b)) => Some(int_arg(vm, b)?),
        _ => None,
    };
    if a.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            a.len()
        )));
    }
    let Some(x) = a.first() else {
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let Value::Str(s) = x else {
            return Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        return int_result(crate::vm::format::str_to_int_limited(
            s.as_str(),
            base as u32,
            vm.int_max_str_digits,
        )?);
    }
    vm.to_int(x)
}

impl Vm {
    /// `int(x)` for one argument.
    pub fn to_int(&mut self, x: &Value) -> PyResult<Value> {
        match x {
            Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Float(f) => {
                if f.is_finite() && f.abs() < 9.0e18 {
                    Ok(Value::Int(f.trunc() as i64))
                } else {
                    crate::vm::format::f64_to_bigint(f.trunc()).map(Value::bigint)
                }
            }
            Value::Str(s) => int_result(crate::vm::format::str_to_int_limited(
                s.as_str(),
                10,
                self.int_max_str_digits,
            )?),
            Value::Instance(_) => {
                for name in ["__int__", "__index__"] {
                    if let Some(r) = self.call_special(x, name, Vec::new())? {
                        return Ok(r);
                    }
                }
                Err(PyErr::type_error(format!(
                    "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                    self.type_name(x)
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                self.type_name(x)
            ))),
        }
    }

    /// `float(x)`
    pub fn to_float(&mut self, x: &Value) -> PyResult<f64> {
        match x {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => crate::vm::format::bigint_to_f64(b),
            Value::Str(s) => crate::vm::format::str_to_float(s.as_str()),
            Value::Instance(_) => match self.call_special(x, "__float__", Vec::new())? {
                Some(Value::Float(f)) => Ok(f),
                Some(_) => Err(PyErr::type_error("__float__ returned non-float")),
                None => Err(PyErr::type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    self.type_name(x)
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                self.type_name(x)
            ))),
        }
    }
}

fn int_result(i: crate::vm::format::IntOrBig) -> PyResult<Value> {
    Ok(match i {
        crate::vm::format::IntOrBig::Int(i) => Value::Int(i),
        crate::vm::format::IntOrBig::Big(b) => Value::bigint(b),
    })
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("bool", kw)?;
    match rest(args) {
        [] => Ok(Value::Bool(false)),
        [x] => Ok(Value::Bool(vm.truthy(x)?)),
        a => Err(PyErr::type_error(format!(
            "bool expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn float_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("float", kw)?;
    match rest(args) {
        [] => Ok(Value::Float(0.0)),
        [x] => Ok(Value::Float(vm.to_float(x)?)),
        a => Err(PyErr::type_error(format!(
            "float expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("str", kw)?;
    match rest(args) {
        [] => Ok(Value::str("")),
        [x] => vm.to_str(x),
        a => Err(PyErr::type_error(format!(
            "str expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("list", kw)?;
    match rest(args) {
        [] => Ok(Value::list(Vec::new())),
        [x] => Ok(Value::list(vm.collect(x)?)),
        a => Err(PyErr::type_error(format!(
            "list expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("tuple", kw)?;
    match rest(args) {
        [] => Ok(Value::tuple(Vec::new())),
        [Value::Tuple(t)] => Ok(Value::Tuple(t.clone())),
        [x] => Ok(Value::tuple(vm.collect(x)?)),
        a => Err(PyErr::type_error(format!(
            "tuple expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let d = Value::dict(crate::vm::dict::Dict::new());
    match rest(args) {
        [] => {}
        [x] => vm.dict_update_from(&d, x, false)?,
        a => {
            return Err(PyErr::type_error(format!(
                "dict expected at most 1 argument, got {}",
                a.len()
            )))
        }
    }
    if let Value::Dict(dd) = &d {
        for (k, v) in kw {
            vm.dict_set(dd, Value::Str(k.clone()), v.clone())?;
        }
    }
    Ok(d)
}

/// `set(x)` / `frozenset(x)`: sets are copied slot for slot and dicts merged the way
/// CPython does, so the element order matches.
fn set_from(vm: &mut Vm, x: &Value, frozen: bool) -> PyResult<Value> {
    let table = match x {
        Value::Set(s) => Some(s.table.borrow().copy()),
        Value::Dict(d) => {
            let mut t = crate::vm::set::SetTable::new();
            let d = d.borrow();
            t.update_from_dict(&d, &mut |a, b| vm.eq(a, b))?;
            Some(t)
        }
        _ => None,
    };
    match table {
        Some(t) => Ok(Value::Set(Rc::new(crate::vm::value::PySet {
            table: std::cell::RefCell::new(t),
            frozen,
        }))),
        None => {
            let items = vm.collect(x)?;
            vm.new_set(items, frozen)
        }
    }
}

fn set_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("set", kw)?;
    match rest(args) {
        [] => vm.new_set(Vec::new(), false),
        [x] => set_from(vm, x, false),
        a => Err(PyErr::type_error(format!(
            "set expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("frozenset", kw)?;
    match rest(args) {
        [] => vm.new_set(Vec::new(), true),
        [x] => set_from(vm, x, true),
        a => Err(PyErr::type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            a.len()
        ))),
    }
}

fn range_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("range", kw)?;
    let a = rest(args);
    let ints: Vec<i64> = a
        .iter()
        .map(|v| int_arg(vm, v))
        .collect::<PyResult<Vec<i64>>>()?;
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {}",
                a.len()
            )))
        }
    };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
}

fn slice_new(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs("slice", kw)?;
    let a = rest(args);
    let (start, stop, step) = match a {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(PyErr::type_error("slice expected 1 to 3 arguments")),
    };
    Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
}

/// `slice.indices(length)`: the start, stop and step the slice selects in a sequence
/// of that length, clamped as slicing clamps them.
fn slice_indices(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("indices", args, kw, 1, 1)?;
    let Value::Slice(s) = &args[0] else {
        return Err(PyErr::type_error(
            "descriptor 'indices' requires a 'slice' object",
        ));
    };
    let len = crate::vm::methods::int_arg(vm, &args[1])?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let ix = vm.slice_indices(s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(ix.start),
        Value::Int(ix.stop),
        Value::Int(ix.step),
    ]))
}

/// `type(None)()`: None, the one instance.
fn none_new(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn type_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match rest(args) {
        [x] => Ok(Value::Class(vm.type_of(x))),
        _ => Err(PyErr::type_error(
            "Baton supports only the one-argument form of type()",
        )),
    }
}

fn property_new(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = rest(args);
    let get = |i: usize, name: &str| {
        a.get(i)
            .cloned()
            .or_else(|| kwarg(kw, name).cloned())
            .unwrap_or(Value::None)
    };
    Ok(Value::Property(Rc::new(Property {
        fget: get(0, "fget"),
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc: get(3, "doc"),
    })))
}

fn this_property(args: &[Value]) -> PyResult<Rc<Property>> {
    match args.first() {
        Some(Value::Property(p)) => Ok(p.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'property' object")),
    }
}

fn property_setter(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("setter", args, kw, 1, 1)?;
    let p = this_property(args)?;
    Ok(Value::Property(Rc::new(Property {
        fget: p.fget.clone(),
        fset: args[1].clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    })))
}

fn property_getter(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("getter", args, kw, 1, 1)?;
    let p = this_property(args)?;
    Ok(Value::Property(Rc::new(Property {
        fget: args[1].clone(),
        fset: p.fset.clone(),
        fdel: p.fdel.clone(),
        doc: p.doc.clone(),
    })))
}

fn property_deleter(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("deleter", args, kw, 1, 1)?;
    let p = this_property(args)?;
    Ok(Value::Property(Rc::new(Property {
        fget: p.fget.clone(),
        fset: p.fset.clone(),
        fdel: args[1].clone(),
        doc: p.doc.clone(),
    })))
}

fn staticmethod_new(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("staticmethod", args.get(1..).unwrap_or_default(), kw, 1, 1)?;
    Ok(Value::StaticMethod(Rc::new(args[1].clone())))
}

fn classmethod_new(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("classmethod", args.get(1..).unwrap_or_default(), kw, 1, 1)?;
    Ok(Value::ClassMethod(Rc::new(args[1].clone())))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match rest(args) {
        [Value::Class(c), obj] => {
            let ok = match obj {
                Value::Class(oc) => oc.is_subclass(c),
                other => vm.type_of(other).is_subclass(c),
            };
            if !ok {
                return Err(PyErr::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            Ok(Value::Super(Rc::new(SuperObj {
                this_class: c.clone(),
                obj: obj.clone(),
            })))
        }
        [] => Err(PyErr::runtime_error("super(): no arguments")),
        [first, ..] => Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(first)
        ))),
    }
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

/// Whether `v` is `object.__new__` (as the class dict holds it, or unwrapped).
pub fn is_object_new(v: &Value) -> bool {
    let native = match v {
        Value::StaticMethod(f) => &**f,
        other => other,
    };
    matches!(native, Value::Native(n) if n.owner == "object" && n.name == "__new__")
}

/// `object.__new__(cls, *args, **kwargs)`: a new instance of the user class `cls`,
/// its attributes unset and its `__init__` not run. Extra arguments are refused
/// when `cls` has its own `__new__` (they are that one's) or no `__init__` to take
/// them, as CPython refuses them.
fn object_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Some(cls) = args.first() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    let Value::Class(class) = cls else {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if class.kind != TypeKind::Object {
        let name = class.name.as_str();
        return Err(PyErr::type_error(format!(
            "object.__new__({name}) is not safe, use {name}.__new__()"
        )));
    }
    if args.len() > 1 || !kw.is_empty() {
        if class.defines_new() {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        let init = class.lookup(&vm.types.init_name);
        if init
            .as_ref()
            .is_none_or(crate::vm::call::is_native_object_init)
        {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                class.name.as_str()
            )));
        }
    }
    Ok(Value::Instance(Rc::new(crate::vm::value::Instance {
        class: class.clone(),
        attrs: crate::vm::shape::AttrCell::default(),
    })))
}

/// `object.__init_subclass__(cls)`: nothing to do, and no keywords to take.
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Class(c)) => c.name.as_str().to_string(),
        Some(other) => vm.type_name(other),
        None => "object".to_string(),
    };
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{cls}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    if exc_data(&v).is_some() {
        return Ok(Value::from_string(vm.exc_repr(&v)?));
    }
    Ok(Value::from_string(vm.default_repr(&v)))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    vm.repr(&v)
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args {
        [a, b] if a.is(b) => Ok(Value::Bool(true)),
        _ => Ok(Value::NotImplemented),
    }
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args {
        [a, b] => {
            let r = vm.compare(crate::syntax::ast::CmpOp::Eq, a, b)?;
            Ok(Value::Bool(!vm.truthy(&r)?))
        }
        _ => Ok(Value::NotImplemented),
    }
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(args.first().map_or(0, |v| (v.id() >> 4) as i64)))
}

/// `object.__getattribute__(obj, name)`: the look-up without the class's own hooks
/// (and without `__getattr__`, which only the hook calls).
fn object_getattribute(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_args("__getattribute__", args, kw, 1, 1)?;
    let name = vm.attr_name_arg(&args[1])?;
    match vm.generic_get_attr(&args[0], &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args[0], &name)),
    }
}

/// `object.__setattr__(obj, name, value)`: the store without the class's own hook.
fn object_setattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_args("__setattr__", args, kw, 2, 2)?;
    let name = vm.attr_name_arg(&args[1])?;
    vm.generic_set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(obj, name)`: the deletion without the class's own hook.
fn object_delattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_args("__delattr__", args, kw, 1, 1)?;
    let name = vm.attr_name_arg(&args[1])?;
    vm.generic_del_attr(&args[0], &name)?;
    Ok(Value::None)
}

fn exception_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if let Some(data) = args.first().and_then(exc_data) {
        *data.args.borrow_mut() = Value::tuple(rest(args).to_vec());
    }
    if let Some(exc) = args.first() {
        if vm.is_os_error(&vm.type_of(exc)) {
            vm.init_os_error(exc, rest(args));
        }
    }
    if let Some(exc) = args.first() {
        exception_keywords(vm, exc, kw)?;
    }
    Ok(Value::None)
}

/// The built-in exceptions that take keyword arguments (and their subclasses), and
/// which: each is one of its fields (`vm::exceptions::EXCEPTION_FIELDS`), None on the
/// class until an instance sets it.
const EXCEPTION_KEYWORDS: [(ExcType, &[&str]); 3] = [
    (ExcType::AttributeError, &["name", "obj"]),
    (ExcType::NameError, &["name"]),
    (ExcType::ImportError, &["name", "path"]),
];

/// The keywords a built-in exception takes, each set as an attribute of `exc`:
/// `name` and `obj` for AttributeError, `name` for NameError, `name` and `path` for
/// ImportError (and their subclasses); any other is CPython's TypeError.
pub(crate) fn exception_keywords(vm: &Vm, exc: &Value, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    let Value::Instance(inst) = exc else {
        return Ok(());
    };
    let class = &inst.class;
    let allowed: &[&str] = EXCEPTION_KEYWORDS
        .iter()
        .find(|(t, _)| class.is_subclass(vm.types.exc(*t)))
        .map_or(&[], |(_, names)| names);
    for (key, value) in kw {
        if !allowed.contains(&key.as_str()) {
            return Err(PyErr::type_error(if allowed.is_empty() {
                format!("{}() takes no keyword arguments", class.name.as_str())
            } else {
                format!(
                    "'{}' is an invalid keyword argument for {}()",
                    key.as_str(),
                    class.name.as_str()
                )
            }));
        }
        if let Some(data) = inst.exc() {
            data.set_field(key.clone(), value.clone());
        }
    }
    Ok(())
}

fn exception_with_traceback(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let exc = args.first().cloned().unwrap_or(Value::None);
    if let (Some(data), Some(Value::None)) = (exc_data(&exc), args.get(1)) {
        data.traceback.borrow_mut().clear();
    }
    Ok(exc)
}

/// `exc.add_note(note)` (3.11): appends `note` to the exception's `__notes__` list,
/// making the list on the first note; a traceback prints the notes after the
/// exception's line.
fn exception_add_note(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("BaseException.add_note", args, kw, 1, 1)?;
    let (exc, note) = (&args[0], &args[1]);
    if !matches!(note, Value::Str(_)) {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(note)
        )));
    }
    let name = vm.intern("__notes__");
    let notes = match vm.try_get_attr(exc, &name)? {
        Some(notes) => notes,
        None => {
            let notes = Value::list(Vec::new());
            vm.set_attr(exc, &name, notes.clone())?;
            notes
        }
    };
    match notes {
        Value::List(list) => {
            list.borrow_mut().push(note.clone());
            Ok(Value::None)
        }
        _ => Err(PyErr::type_error(
            "Cannot add note: __notes__ is not a list",
        )),
    }
}

fn exception_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::from_string(vm.exc_str(&v)?))
}

fn exception_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::from_string(vm.exc_repr(&v)?))
}

/// Is this class one of the exception classes?
pub fn is_exception_class(c: &Rc<Class>) -> bool {
    c.kind == TypeKind::Exception
}
