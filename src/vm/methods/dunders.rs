//! The dunder methods of the built-in types, for code that calls them by name
//! (`d.__getitem__`, `key=str.__len__`, `(1).__add__(2)`, `super().__repr__()`):
//! each does what the operator or builtin does for that type, through the VM's own
//! operations. The run loop never goes through them for built-in values.
//!
//! A binary operator's method answers `NotImplemented` for an operand its type does
//! not handle itself (`(1).__add__(1.5)`: int leaves that to float's `__radd__`), as
//! CPython's do.

use crate::syntax::ast::{BinOp, CmpOp, UnaryOp};
use crate::vm::error::{PyErr, PyResult};
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, NativeFn, Value};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    // As in CPython's types: each has its own `__repr__`, only str its own `__str__`
    // (the others inherit object's, which takes any value), and bool inherits int's
    // `__hash__` but has its own `&`, `|` and `^` (its instances give bools).
    let shown: &[(&'static str, NativeFn)] = &[("__repr__", repr)];
    let hashed: &[(&'static str, NativeFn)] = &[("__hash__", hash)];
    let sized: &[(&'static str, NativeFn)] = &[
        ("__len__", len),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__getitem__", getitem),
    ];
    let mutable: &[(&'static str, NativeFn)] =
        &[("__setitem__", setitem), ("__delitem__", delitem)];
    let ordered: &[(&'static str, NativeFn)] = &[
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
    ];
    let numeric: &[(&'static str, NativeFn)] = &[
        ("__add__", add),
        ("__radd__", radd),
        ("__sub__", sub),
        ("__rsub__", rsub),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__truediv__", truediv),
        ("__rtruediv__", rtruediv),
        ("__floordiv__", floordiv),
        ("__rfloordiv__", rfloordiv),
        ("__mod__", mod_),
        ("__rmod__", rmod),
        ("__pow__", pow),
        ("__rpow__", rpow),
        ("__neg__", neg),
        ("__pos__", pos),
        ("__abs__", abs),
        ("__bool__", bool_),
        ("__int__", int),
        ("__float__", float),
    ];
    let bitwise: &[(&'static str, NativeFn)] = &[
        ("__and__", and),
        ("__rand__", rand),
        ("__or__", or),
        ("__ror__", ror),
        ("__xor__", xor),
        ("__rxor__", rxor),
    ];
    let integral: &[(&'static str, NativeFn)] = &[
        ("__index__", index),
        ("__invert__", invert),
        ("__lshift__", lshift),
        ("__rlshift__", rlshift),
        ("__rshift__", rshift),
        ("__rrshift__", rrshift),
    ];
    let concatenated: &[(&'static str, NativeFn)] =
        &[("__add__", add), ("__mul__", mul), ("__rmul__", rmul)];
    for (class, name) in [
        (&t.int, "int"),
        (&t.float, "float"),
        (&t.str_, "str"),
        (&t.tuple, "tuple"),
        (&t.range, "range"),
        (&t.frozenset, "frozenset"),
    ] {
        add_methods(class, name, shown);
        add_methods(class, name, hashed);
    }
    add_methods(&t.bool_, "bool", shown);
    add_methods(&t.bool_, "bool", bitwise);
    add_methods(&t.str_, "str", &[("__str__", str_)]);
    // The mutable containers are unhashable: their `__hash__` is None, as CPython's
    // are (`type(x).__hash__ is None` is how a program asks).
    for (class, name) in [(&t.list, "list"), (&t.dict, "dict"), (&t.set, "set")] {
        add_methods(class, name, shown);
        class
            .dict
            .borrow_mut()
            .set_str(crate::vm::intern::intern("__hash__"), Value::None);
    }
    for (class, name) in [
        (&t.str_, "str"),
        (&t.list, "list"),
        (&t.tuple, "tuple"),
        (&t.dict, "dict"),
        (&t.set, "set"),
        (&t.frozenset, "frozenset"),
        (&t.range, "range"),
    ] {
        add_methods(class, name, sized);
    }
    add_methods(&t.list, "list", mutable);
    add_methods(&t.dict, "dict", mutable);
    for (class, name) in [
        (&t.int, "int"),
        (&t.float, "float"),
        (&t.str_, "str"),
        (&t.list, "list"),
        (&t.tuple, "tuple"),
    ] {
        add_methods(class, name, ordered);
    }
    for (class, name) in [
        (&t.dict, "dict"),
        (&t.set, "set"),
        (&t.frozenset, "frozenset"),
        (&t.range, "range"),
    ] {
        add_methods(class, name, &ordered[..2]);
    }
    add_methods(&t.int, "int", numeric);
    add_methods(&t.float, "float", numeric);
    add_methods(&t.int, "int", integral);
    add_methods(&t.int, "int", bitwise);
    for (class, name) in [(&t.str_, "str"), (&t.list, "list"), (&t.tuple, "tuple")] {
        add_methods(class, name, concatenated);
    }
    add_methods(&t.str_, "str", &[("__mod__", mod_)]);
}

/// `self` and the one argument after it.
fn pair(args: &[Value]) -> PyResult<(&Value, &Value)> {
    match args {
        [a, b] => Ok((a, b)),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// `self` alone.
fn this(args: &[Value]) -> PyResult<&Value> {
    match args {
        [a] => Ok(a),
        _ => Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

/// The kinds of operand a built-in binary operator handles itself.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Integer,
    Float,
    Str,
    List,
    Tuple,
    Other,
}

fn kind(v: &Value) -> Kind {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Kind::Integer,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::Str,
        Value::List(_) => Kind::List,
        Value::Tuple(_) => Kind::Tuple,
        _ => Kind::Other,
    }
}

/// Does `self`'s type handle `op` with `other` itself (else `NotImplemented`)?
fn handles(op: BinOp, this: Kind, other: Kind) -> bool {
    use Kind::*;
    match (this, op) {
        (Integer, _) => other == Integer,
        (Float, _) => matches!(other, Integer | Float),
        (Str, BinOp::Mod) => true,
        (Str | List | Tuple, BinOp::Mult) => other == Integer,
        (Str | List | Tuple, BinOp::Add) => other == this,
        _ => false,
    }
}

/// `a.__op__(b)` (or, `reflected`, `a.__rop__(b)`, which is `b op a`).
fn binary(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    let (a, b) = pair(args)?;
    if !handles(op, kind(a), kind(b)) {
        // (list + tuple is a TypeError in CPython's list.__add__, not NotImplemented.)
        if op == BinOp::Add && !reflected && matches!(kind(a), Kind::List | Kind::Tuple) {
            return vm.binary_op(op, a, b);
        }
        return Ok(Value::NotImplemented);
    }
    match reflected {
        false => vm.binary_op(op, a, b),
        true => vm.binary_op(op, b, a),
    }
}

macro_rules! binary_methods {
    ($($name:ident, $rname:ident => $op:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
            binary(vm, args, $op, false)
        }
        fn $rname(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
            binary(vm, args, $op, true)
        }
    )*};
}

binary_methods! {
    add, radd => BinOp::Add;
    sub, rsub => BinOp::Sub;
    mul, rmul => BinOp::Mult;
    truediv, rtruediv => BinOp::Div;
    floordiv, rfloordiv => BinOp::FloorDiv;
    mod_, rmod => BinOp::Mod;
    pow, rpow => BinOp::Pow;
    and, rand => BinOp::BitAnd;
    or, ror => BinOp::BitOr;
    xor, rxor => BinOp::BitXor;
    lshift, rlshift => BinOp::LShift;
    rshift, rrshift => BinOp::RShift;
}

/// `a.__lt__(b)` and the other comparisons: `NotImplemented` across kinds the type
/// does not compare itself (`(1).__lt__("a")`), else the comparison.
fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (a, b) = pair(args)?;
    let numbers = |k| matches!(k, Kind::Integer | Kind::Float);
    let (ka, kb) = (kind(a), kind(b));
    let comparable = ka == kb || (numbers(ka) && numbers(kb));
    // (Integers do not compare with floats in int's own methods: float's do it.)
    if !comparable || (ka == Kind::Integer && kb == Kind::Float) {
        return Ok(Value::NotImplemented);
    }
    vm.compare(op, a, b)
}

macro_rules! comparison_methods {
    ($($name:ident => $op:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
            compare(vm, args, $op)
        }
    )*};
}

comparison_methods! {
    eq => CmpOp::Eq;
    ne => CmpOp::NotEq;
    lt => CmpOp::Lt;
    le => CmpOp::LtE;
    gt => CmpOp::Gt;
    ge => CmpOp::GtE;
}

fn neg(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.unary_op(UnaryOp::USub, this(args)?)
}

fn pos(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.unary_op(UnaryOp::UAdd, this(args)?)
}

fn invert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.unary_op(UnaryOp::Invert, this(args)?)
}

/// Calls the builtin `name` (`abs`, `bool`, `int`, `float`, `repr`, `str`, `hash`,
/// `len`, `iter`) on `self`.
fn builtin_of(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let v = this(args)?.clone();
    let f = vm
        .builtins
        .get(name)
        .ok_or_else(|| PyErr::runtime_error(format!("builtin {name} is missing")))?;
    vm.call(&f, vec![v])
}

fn abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    builtin_of(vm, args, "abs")
}

fn bool_(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(this(args)?)?))
}

fn int(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    builtin_of(vm, args, "int")
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    builtin_of(vm, args, "int")
}

fn float(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    builtin_of(vm, args, "float")
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.repr(this(args)?)
}

fn str_(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.to_str(this(args)?)
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(this(args)?)?))
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = vm.len(this(args)?)?;
    Ok(Value::Int(i64::try_from(n).unwrap_or(i64::MAX)))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.get_iter(this(args)?)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b) = pair(args)?;
    Ok(Value::Bool(vm.contains(a, b)?))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b) = pair(args)?;
    vm.get_item(a, b)
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args {
        [a, k, v] => {
            vm.set_item(a, k.clone(), v.clone())?;
            Ok(Value::None)
        }
        _ => Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        ))),
    }
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b) = pair(args)?;
    vm.del_item(a, b)?;
    Ok(Value::None)
}
