//! The `builtins` module: built-in functions, the built-in types under their names, and
//! the exception classes.

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::methods::containers::sort_values;
use crate::vm::methods::{
    check_free_args, expected_args, int_arg, kwarg, missing_arg, only_kwargs, sort_kwargs,
    takes_at_most,
};
use crate::vm::value::{KwArgs, NativeFn, NativeFunction, NativeIter, PyStr, TypeKind, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("iter", iter),
        ("next", next),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("hash", hash),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("id", id),
        ("vars", vars),
        ("dir", dir),
        ("globals", globals),
        ("locals", locals),
        ("format", format),
        ("input", input),
        ("ascii", ascii),
        ("aiter", aiter),
        ("anext", anext),
    ];
    let b = vm.builtins.clone();
    for (name, func) in functions {
        b.set(
            name,
            Value::Native(Rc::new(NativeFunction {
                name,
                func: *func,
                owner: "builtins",
                self_class: None,
            })),
        );
    }
    let t = &vm.types;
    for class in [
        &t.int,
        &t.bool_,
        &t.float,
        &t.str_,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.object,
        &t.type_,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
    ] {
        b.set(class.name.as_str(), Value::Class(class.clone()));
    }
    for &e in ExcType::ALL {
        if e.module() == "builtins" {
            b.set(e.name(), Value::Class(t.exc(e).clone()));
        }
    }
    // CPython's old names for OSError.
    for alias in ["EnvironmentError", "IOError"] {
        b.set(alias, Value::Class(t.exc(ExcType::OSError).clone()));
    }
    b.set("None", Value::None);
    b.set("NotImplemented", Value::NotImplemented);
    b.set("Ellipsis", Value::Ellipsis);
    b.set("__name__", Value::str("builtins"));
}

fn print(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match kwarg(kw, name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(PyErr::type_error(format!(
                "{} must be None or a string, not {}",
                name,
                match other {
                    Value::Int(_) => "int",
                    _ => "object",
                }
            ))),
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    // No file: `sys.stdout` as it is now (a program may have replaced it).
    let replaced_stdout = match kwarg(kw, "file") {
        None | Some(Value::None) => current_stdout(vm),
        Some(_) => None,
    };
    let file = kwarg(kw, "file")
        .filter(|f| !f.is_none())
        .or(replaced_stdout.as_ref());
    let flush = match kwarg(kw, "flush") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    // Any object but sys.stdout and sys.stderr is written to by its `write` method, a
    // piece at a time (each argument, each separator, the end), as CPython does.
    if let Some(file) = file.filter(|f| crate::modules::sys::stream_fd(f).is_none()) {
        let write = vm.get_attr(file, &Rc::new(PyStr::new("write")))?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&write, vec![Value::str(&sep)])?;
            }
            let text = vm.str_string(a)?;
            vm.call(&write, vec![Value::from_string(text)])?;
        }
        vm.call(&write, vec![Value::str(&end)])?;
        if flush {
            let f = vm.get_attr(file, &Rc::new(PyStr::new("flush")))?;
            vm.call(&f, Vec::new())?;
        }
        return Ok(Value::None);
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&vm.str_string(a)?);
    }
    out.push_str(&end);
    if file.and_then(crate::modules::sys::stream_fd) == Some(2) {
        vm.write_stderr(&out);
    } else {
        let _ = vm.stdout.write_all(out.as_bytes());
        if flush {
            vm.flush_stdout();
        }
    }
    Ok(Value::None)
}

/// `sys.stdout` when the program has replaced it with an object of its own (None
/// while it is the real one, or `sys` was never imported).
fn current_stdout(vm: &Vm) -> Option<Value> {
    let Some(Value::Module(sys)) = vm.modules.get("sys") else {
        return None;
    };
    sys.get("stdout")
        .filter(|f| crate::modules::sys::stream_fd(f).is_none())
}

fn one<'a>(name: &str, args: &'a [Value], kw: KwArgs) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            name
        )));
    }
    match args {
        [x] => Ok(x),
        _ => Err(PyErr::type_error(format!(
            "{}() takes exactly one argument ({} given)",
            name,
            args.len()
        ))),
    }
}

fn len(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("len", args, kw)?;
    Ok(Value::Int(vm.len(x)? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("repr", args, kw)?;
    vm.repr(x)
}

/// `ascii(x)`: `repr(x)` with every non-ASCII character escaped.
fn ascii(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("ascii", args, kw)?;
    vm.ascii(x)
}

/// `isinstance(x, C)` and `issubclass(x, C)`: `C` is a class, a tuple of them (nested
/// tuples too), or an object with `__instancecheck__` / `__subclasscheck__` (a
/// `types.UnionType`, a typing form), as CPython's `PyObject_IsInstance` allows.
fn class_check(
    vm: &mut Vm,
    cls: &Value,
    subject: &Value,
    test: &dyn Fn(&Rc<crate::vm::value::Class>) -> bool,
    fname: &str,
) -> PyResult<bool> {
    match cls {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(items) => {
            for item in items.iter() {
                if class_check(vm, item, subject, test, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let hook = match fname {
                "isinstance" => "__instancecheck__",
                _ => "__subclasscheck__",
            };
            if let Value::Instance(_) = cls {
                if let Some(r) = vm.call_special(cls, hook, vec![subject.clone()])? {
                    return vm.truthy(&r);
                }
            }
            // (CPython's isinstance says "type", issubclass "class".)
            Err(PyErr::type_error(match fname {
                "isinstance" => "isinstance() arg 2 must be a type, a tuple of types, or a union",
                _ => "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            }))
        }
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("isinstance", args, kw, 2, 2)?;
    let t = vm.type_of(&args[0]);
    let r = class_check(vm, &args[1], &args[0], &|c| t.is_subclass(c), "isinstance")?;
    Ok(Value::Bool(r))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("issubclass", args, kw, 2, 2)?;
    let Value::Class(sub) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let sub = sub.clone();
    let r = class_check(
        vm,
        &args[1],
        &args[0],
        &|c| sub.is_subclass(c),
        "issubclass",
    )?;
    Ok(Value::Bool(r))
}

fn abs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("abs", args, kw)?;
    match x {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::bigint(num_bigint::BigInt::from(*i).magnitude().clone().into()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::BigInt(b) => Ok(Value::bigint(num_bigint::BigInt::from(
            b.magnitude().clone(),
        ))),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match vm.call_special(x, "__abs__", Vec::new())? {
            Some(r) => Ok(r),
            None => Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(x)
            ))),
        },
    }
}

fn min_max(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, want_max: bool) -> PyResult<Value> {
    only_kwargs(name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").cloned().unwrap_or(Value::None);
    let items = match args {
        [] => {
            return Err(PyErr::type_error(format!(
                "{} expected at least 1 argument, got 0",
                name
            )))
        }
        [x] => vm.collect(x)?,
        many => {
            if kwarg(kw, "default").is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            many.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call1(&key, item.clone())?
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => {
                let op = if want_max {
                    crate::syntax::ast::CmpOp::Gt
                } else {
                    crate::syntax::ast::CmpOp::Lt
                };
                let r = vm.compare(op, &k, bk)?;
                vm.truthy(&r)?
            }
        };
        if replace {
            best = Some((item, k));
        }
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match kwarg(kw, "default") {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::value_error(format!(
                "{}() arg is an empty sequence",
                name
            ))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", false)
}

fn max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", true)
}

fn sum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("sum", kw, &["start"])?;
    let (iterable, start) = match args {
        [x] => (x, kwarg(kw, "start").cloned().unwrap_or(Value::Int(0))),
        [x, s] => (x, s.clone()),
        _ => {
            return Err(PyErr::type_error(format!(
                "sum() takes at most 2 arguments ({} given)",
                args.len()
            )))
        }
    };
    if matches!(start, Value::Str(_)) {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let mut acc = start;
    let it = vm.get_iter(iterable)?;
    while let Some(x) = vm.next_fast(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(crate::syntax::ast::BinOp::Add, &acc, &x)?,
            },
            _ => vm.binary_op(crate::syntax::ast::BinOp::Add, &acc, &x)?,
        };
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    sort_kwargs(kw)?;
    let [x] = args else {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    };
    let items = vm.collect(x)?;
    let key = kwarg(kw, "key").cloned().unwrap_or(Value::None);
    let reverse = crate::vm::methods::containers::reverse_flag(vm, kw)?;
    Ok(Value::list(sort_values(vm, items, &key, reverse)?))
}

fn native_iter(state: NativeIter) -> Value {
    Value::Iterator(Rc::new(RefCell::new(state)))
}

fn reversed(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("reversed", args, kw, 1, 1)?;
    let x = &args[0];
    let items = match x {
        Value::List(_)
        | Value::Tuple(_)
        | Value::Str(_)
        | Value::Range(_)
        | Value::DictView(_)
        | Value::Dict(_) => vm.collect(x)?,
        Value::Instance(_) => {
            if let Some(r) = vm.call_special(x, "__reversed__", Vec::new())? {
                return Ok(r);
            }
            if vm.lookup_special(x, "__len__").is_some()
                && vm.lookup_special(x, "__getitem__").is_some()
            {
                let n = vm.len(x)?;
                let mut items = Vec::with_capacity(n);
                for i in 0..n {
                    items.push(vm.get_item(x, &Value::Int(i as i64))?);
                }
                items
            } else {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not reversible",
                    vm.type_name(x)
                )));
            }
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                vm.type_name(x)
            )))
        }
    };
    let mut items = items;
    items.reverse();
    // CPython's type for each kind of reversed iterator.
    let type_name = match x {
        Value::List(_) => "list_reverseiterator",
        Value::Range(_) => "range_iterator",
        Value::Dict(_) => "dict_reversekeyiterator",
        Value::DictView(v) => match v.kind {
            crate::vm::value::DictViewKind::Keys => "dict_reversekeyiterator",
            crate::vm::value::DictViewKind::Values => "dict_reversevalueiterator",
            crate::vm::value::DictViewKind::Items => "dict_reverseitemiterator",
        },
        _ => "reversed",
    };
    Ok(native_iter(NativeIter::Values {
        items: Rc::new(items),
        index: 0,
        type_name,
    }))
}

fn enumerate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("enumerate", kw, &["start"])?;
    let (x, start) = match args {
        [] => return Err(missing_arg("enumerate", "iterable", None)),
        [x] => (x, kwarg(kw, "start").cloned().unwrap_or(Value::Int(0))),
        [x, s] => (x, s.clone()),
        _ => return Err(takes_at_most("enumerate", 2, args.len())),
    };
    // The count starts from an int (a bool counts as its int).
    let start = match start {
        Value::Int(_) | Value::BigInt(_) => start,
        other => Value::Int(int_arg(vm, &other)?),
    };
    let inner = vm.get_iter(x)?;
    Ok(native_iter(NativeIter::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("zip", kw, &["strict"])?;
    let strict = match kwarg(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut inners = Vec::with_capacity(args.len());
    for a in args.iter() {
        inners.push(vm.get_iter(a).map_err(|_| {
            PyErr::type_error(format!("'{}' object is not iterable", vm.type_name(a)))
        })?);
    }
    Ok(native_iter(NativeIter::Zip { inners, strict }))
}

fn map(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("map", kw, &[])?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::new();
    for a in &args[1..] {
        inners.push(vm.get_iter(a)?);
    }
    Ok(native_iter(NativeIter::Map {
        func: args[0].clone(),
        inners,
    }))
}

fn filter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("filter", kw, &[])?;
    let [func, x] = args else {
        return Err(PyErr::type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        )));
    };
    let inner = vm.get_iter(x)?;
    Ok(native_iter(NativeIter::Filter {
        func: func.clone(),
        inner,
    }))
}

fn any(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("any", args, kw)?;
    let it = vm.get_iter(x)?;
    while let Some(v) = vm.next_fast(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("all", args, kw)?;
    let it = vm.get_iter(x)?;
    while let Some(v) = vm.next_fast(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn iter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("iter", kw, &[])?;
    match args {
        [x] => vm.get_iter(x),
        [f, sentinel] => {
            if !is_callable(vm, f) {
                return Err(PyErr::type_error("iter(v, w): v must be callable"));
            }
            Ok(native_iter(NativeIter::Callable {
                func: f.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Err(expected_args("iter", args.len(), 1, 2)),
    }
}

pub(crate) fn next(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("next", kw, &[])?;
    let (it, default) = match args {
        [it] => (it, None),
        [it, d] => (it, Some(d)),
        _ => return Err(expected_args("next", args.len(), 1, 2)),
    };
    if !matches!(it, Value::Iterator(_) | Value::Generator(_))
        && vm.lookup_special(it, "__next__").is_none()
    {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            vm.type_name(it)
        )));
    }
    match it {
        Value::Instance(_) => match vm.call_special(it, "__next__", Vec::new()) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(PyErr::type_error("not an iterator")),
            Err(e) if vm.err_is(&e, ExcType::StopIteration) && default.is_some() => {
                Ok(default.cloned().unwrap_or(Value::None))
            }
            Err(e) => Err(e),
        },
        // (A coroutine_wrapper too: its StopIteration carries the return value.)
        _ if matches!(it, Value::Generator(_)) || crate::vm::value::is_coro_wrapper(it) => {
            match vm.generator_next_raw(it) {
                Ok(v) => Ok(v),
                Err(e) if vm.err_is(&e, ExcType::StopIteration) && default.is_some() => {
                    Ok(default.cloned().unwrap_or(Value::None))
                }
                Err(e) => Err(e),
            }
        }
        _ => match vm.next_fast(it)? {
            Some(v) => Ok(v),
            None => match default {
                Some(d) => Ok(d.clone()),
                None => Err(PyErr::stop_iteration(None)),
            },
        },
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("hasattr", args, kw, 2, 2)?;
    let name = vm.attr_name_arg(&args[1])?;
    match vm.try_get_attr(&args[0], &name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if vm.err_is(&e, ExcType::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("getattr", args, kw, 2, 3)?;
    let name = vm.attr_name_arg(&args[1])?;
    let Some(default) = args.get(2) else {
        return vm.get_attr(&args[0], &name);
    };
    // With a default, a missing attribute builds no AttributeError.
    match vm.try_get_attr(&args[0], &name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Ok(default.clone()),
        Err(e) if vm.err_is(&e, ExcType::AttributeError) => Ok(default.clone()),
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("setattr", args, kw, 3, 3)?;
    let name = vm.attr_name_arg(&args[1])?;
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("delattr", args, kw, 2, 2)?;
    let name = vm.attr_name_arg(&args[1])?;
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

fn round(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("round", kw, &["ndigits"])?;
    let (x, nd) = match args {
        [x] => (x, kwarg(kw, "ndigits").cloned().unwrap_or(Value::None)),
        [x, n] => (x, n.clone()),
        [] => return Err(missing_arg("round", "number", Some(1))),
        _ => return Err(takes_at_most("round", 2, args.len())),
    };
    let ndigits = match &nd {
        Value::None => None,
        v => Some(int_arg(vm, v)?),
    };
    match x {
        Value::Float(f) => match ndigits {
            None => crate::vm::format::round_f64_to_int(*f).map(Value::bigint),
            Some(n) => Ok(Value::Float(crate::vm::format::round_f64(*f, n)?)),
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match ndigits {
            None => vm.to_int(x),
            Some(n) if n >= 0 => vm.to_int(x),
            Some(n) => {
                let b = match x {
                    Value::Int(i) => num_bigint::BigInt::from(*i),
                    Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
                    Value::BigInt(b) => (**b).clone(),
                    _ => num_bigint::BigInt::from(0),
                };
                Ok(Value::bigint(crate::vm::format::round_bigint(&b, n)))
            }
        },
        _ => {
            let mut a = Vec::new();
            if !nd.is_none() {
                a.push(nd.clone());
            }
            match vm.call_special(x, "__round__", a)? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(x)
                ))),
            }
        }
    }
}

fn divmod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_free_args("divmod", args, kw, 2, 2)?;
    use crate::syntax::ast::BinOp;
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (&args[0], &args[1]) {
        let a = vm.to_float(&args[0])?;
        let b = vm.to_float(&args[1])?;
        let (q, r) = crate::vm::format::float_divmod(a, b)?;
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    let q = vm.binary_op(BinOp::FloorDiv, &args[0], &args[1]);
    let q = match q {
        Err(e) if vm.err_is(&e, ExcType::ZeroDivisionError) => {
            return Err(PyErr::zero_division("integer division or modulo by zero"))
        }
        other => other?,
    };
    let r = vm.binary_op(BinOp::Mod, &args[0], &args[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("pow", kw, &["base", "exp", "mod"])?;
    match args {
        [a, b] => vm.binary_op(crate::syntax::ast::BinOp::Pow, a, b),
        [x, _, _] if matches!(x, Value::Instance(_)) => {
            // A class's three-argument `__pow__(exp, mod)`.
            match vm.call_special(x, "__pow__", args[1..].to_vec())? {
                Some(r) if !matches!(r, Value::NotImplemented) => Ok(r),
                _ => Err(PyErr::type_error(format!(
                    "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                    vm.type_name(x),
                    vm.type_name(&args[1]),
                    vm.type_name(&args[2])
                ))),
            }
        }
        [a, b, m] => {
            let to_big = |v: &Value| -> PyResult<num_bigint::BigInt> {
                match v {
                    Value::Int(i) => Ok((*i).into()),
                    Value::Bool(b) => Ok((*b as i64).into()),
                    Value::BigInt(b) => Ok((**b).clone()),
                    _ => Err(PyErr::type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    )),
                }
            };
            let (a, b, m) = (to_big(a)?, to_big(b)?, to_big(m)?);
            use num_traits::{One, Signed, Zero};
            if m.is_zero() {
                return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
            }
            // A negative exponent raises the base's inverse modulo `m` (3.8+).
            let (a, b) = if b.is_negative() {
                use num_integer::Integer;
                let modulus = m.abs();
                let base = a.mod_floor(&modulus);
                let e = base.extended_gcd(&modulus);
                if !e.gcd.is_one() {
                    return Err(PyErr::value_error(
                        "base is not invertible for the given modulus",
                    ));
                }
                (e.x.mod_floor(&modulus), -b)
            } else {
                (a, b)
            };
            let r = a.modpow(&b, &m);
            let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
                r + &m
            } else {
                r
            };
            Ok(Value::bigint(r))
        }
        [] => Err(missing_arg("pow", "base", Some(1))),
        [_] => Err(missing_arg("pow", "exp", Some(2))),
        _ => Err(takes_at_most("pow", 3, args.len())),
    }
}

fn hash(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("hash", args, kw)?;
    Ok(Value::Int(vm.hash(x)?))
}

pub(crate) fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Native(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) => vm
            .type_of(v)
            .lookup(&crate::vm::value::PyStr::new("__call__"))
            .is_some(),
        _ => false,
    }
}

fn callable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("callable", args, kw)?;
    Ok(Value::Bool(is_callable(vm, x)))
}

fn chr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("chr", args, kw)?;
    let i = int_arg(vm, x)?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::from_string(c.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("ord", args, kw)?;
    match x {
        Value::Str(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        _ => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(x)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, spec: &str) -> PyResult<Value> {
    let x = one(name, args, kw)?;
    match x {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let i = vm.to_int(x)?;
            Ok(Value::from_string(vm.format(&i, spec)?))
        }
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(x)
        ))),
    }
}

fn hex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "hex", "#x")
}

fn oct(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "oct", "#o")
}

fn bin(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, kw, "bin", "#b")
}

fn id(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("id", args, kw)?;
    Ok(Value::Int(x.id() as i64))
}

fn vars(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("vars", args, kw, 0, 1)?;
    let Some(x) = args.first() else {
        return Ok(caller_locals(vm));
    };
    match x {
        Value::Instance(i) => Ok(Value::Dict(i.attrs.with_mut(|a| a.dict()))),
        Value::Class(c) if c.kind != TypeKind::Builtin => Ok(Value::dict(c.dict.borrow().clone())),
        Value::Module(m) => Ok(Value::dict(m.to_dict())),
        _ => Err(PyErr::type_error(
            "vars() argument must have __dict__ attribute",
        )),
    }
}

/// `dir()` and `dir(x)`: the sorted names in the calling frame's namespace, or
/// what `x.__dir__()` gives when its class defines one, or else the attribute names
/// CPython's default finds: a module's globals; a class's own names and its bases';
/// any other object's own attributes and its class's.
fn dir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("dir", args, kw, 0, 1)?;
    let Some(x) = args.first() else {
        let ns = caller_locals(vm);
        let keys = vm.collect(&ns)?;
        return Ok(Value::list(sort_values(vm, keys, &Value::None, false)?));
    };
    if let Value::Instance(i) = x {
        if let Some(f @ Value::Function(_)) = i.class.lookup(&PyStr::new("__dir__")) {
            let names = vm.call(&f, vec![x.clone()])?;
            let items = vm.collect(&names)?;
            return Ok(Value::list(sort_values(vm, items, &Value::None, false)?));
        }
    }
    // (The names "Did you mean" chooses from, and an object's `__class__`.)
    let mut names = vm.attribute_names(x);
    if !matches!(x, Value::Module(_) | Value::Class(_)) {
        names.push(Rc::new(PyStr::new("__class__")));
        names.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        names.dedup_by(|a, b| a.as_str() == b.as_str());
    }
    Ok(Value::list(names.into_iter().map(Value::Str).collect()))
}

/// `globals()`: the calling frame's module namespace, as a dict (a snapshot: Baton
/// keeps a module's globals in slots, so storing into the dict does not reach them;
/// docs/language.md).
fn globals(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("globals", args, kw, 0, 0)?;
    Ok(match vm.frames.last() {
        Some(frame) => Value::dict(frame.globals.to_dict()),
        None => Value::dict(crate::vm::dict::Dict::new()),
    })
}

/// `locals()`: what `vars()` gives.
fn locals(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("locals", args, kw, 0, 0)?;
    Ok(caller_locals(vm))
}

/// `vars()`: the calling frame's namespace. A class body's is its namespace dict
/// itself; a module's, a copy of its globals; a function's, a dict of its bound
/// locals (a snapshot, as CPython's `locals()` is).
fn caller_locals(vm: &Vm) -> Value {
    let Some(frame) = vm.frames.last() else {
        return Value::dict(crate::vm::dict::Dict::new());
    };
    if let Some(ns) = &frame.namespace {
        return Value::Dict(ns.clone());
    }
    if frame.code.flags.module {
        return Value::dict(frame.globals.to_dict());
    }
    Value::dict(vm.frame_locals(frame))
}

fn format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("format", kw, &[])?;
    match args {
        [x] => Ok(Value::from_string(vm.format(x, "")?)),
        [x, Value::Str(spec)] => Ok(Value::from_string(vm.format(x, spec.as_str())?)),
        [_, other] => Err(PyErr::type_error(format!(
            "format() argument 2 must be str, not {}",
            vm.arg_type_name(other)
        ))),
        _ => Err(expected_args("format", args.len(), 1, 2)),
    }
}

fn input(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("input", kw, &[])?;
    if let Some(prompt) = args.first() {
        let p = vm.str_string(prompt)?;
        let _ = vm.stdout.write_all(p.as_bytes());
    }
    vm.flush_stdout();
    use crate::modules::stdin::{read_line, Line};
    loop {
        return match read_line() {
            Ok(Line::Text(bytes)) => match String::from_utf8(bytes) {
                Ok(line) => Ok(Value::from_string(line)),
                Err(_) => Err(PyErr::new(
                    ExcType::OSError,
                    "stream did not contain valid UTF-8",
                )),
            },
            Ok(Line::Eof) => Err(PyErr::new(ExcType::EOFError, "EOF when reading a line")),
            Ok(Line::Interrupted) => {
                // KeyboardInterrupt, unless a handler (`asyncio.run`'s) takes the
                // Ctrl-C: then the read goes on, as CPython retries it.
                vm.attend()?;
                continue;
            }
            Err(e) => Err(PyErr::new(ExcType::OSError, e.to_string())),
        };
    }
}

fn aiter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let x = one("aiter", args, kw)?;
    match vm.call_special(x, "__aiter__", Vec::new())? {
        Some(it) => Ok(it),
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(x)
        ))),
    }
}

fn anext(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("anext", kw, &[])?;
    let (it, default) = match args {
        [it] => (it, None),
        [it, d] => (it, Some(d.clone())),
        _ => {
            return Err(PyErr::type_error(format!(
                "anext expected at most 2 arguments, got {}",
                args.len()
            )))
        }
    };
    if let (Value::Generator(g), Some(d)) = (it, &default) {
        if g.kind == crate::vm::value::GenKind::AsyncGenerator {
            return Ok(crate::vm::asyncgen::async_gen_op(
                g.clone(),
                crate::vm::value::AsyncGenOpKind::Send,
                Value::None,
                Some(d.clone()),
            ));
        }
    }
    match vm.call_special(it, "__anext__", Vec::new())? {
        Some(aw) => match default {
            Some(default) => {
                let inner = vm.get_awaitable(&aw)?;
                Ok(Value::Iterator(Rc::new(RefCell::new(
                    NativeIter::AnextDefault { inner, default },
                ))))
            }
            None => Ok(aw),
        },
        None => Err(PyErr::type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(it)
        ))),
    }
}
