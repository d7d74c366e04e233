//! Methods of set and frozenset, each following CPython's algorithm for it
//! (`Objects/setobject.c`), so that a set of ints built or changed by them iterates in
//! the order CPython's would: a set argument is merged, differenced or intersected
//! by the table's versions of CPython's set algorithms (`vm::set`), a dict by its
//! keys, and any other iterable item by item. The operators (`a | b`, `a -= b`, ...)
//! use the same functions.

use super::check_args;
use crate::syntax::ast::BinOp;
use crate::vm::error::{PyErr, PyResult};
use crate::vm::set::SetTable;
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, NativeFn, PySet, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let methods: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    add_methods(&t.set, "set", methods);
    add_methods(&t.frozenset, "frozenset", methods);
}

fn changed() -> PyErr {
    PyErr::runtime_error("Set changed size during iteration")
}

fn this_set(args: &[Value]) -> PyResult<Rc<PySet>> {
    match args.first() {
        Some(Value::Set(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'set' object")),
    }
}

fn mutable_set(args: &[Value], name: &str) -> PyResult<Rc<PySet>> {
    let s = this_set(args)?;
    if s.frozen {
        return Err(PyErr::attribute_error(format!(
            "'frozenset' object has no attribute '{}'",
            name
        )));
    }
    Ok(s)
}

/// A new set (or frozenset) holding `table`.
fn new_set(table: SetTable, frozen: bool) -> Rc<PySet> {
    Rc::new(PySet {
        table: RefCell::new(table),
        frozen,
    })
}

/// Any iterable as a set, as `set(x)` makes it (a set passes through; a dict's keys
/// are added after one presize; any other iterable's items in iteration order).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Rc<PySet>> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        Value::Dict(d) => {
            let mut table = SetTable::new();
            let d = d.borrow();
            table.update_from_dict(&d, &mut |x, y| vm.eq(x, y))?;
            Ok(new_set(table, false))
        }
        other => {
            let items = vm.collect(other)?;
            match vm.new_set(items, false)? {
                Value::Set(s) => Ok(s),
                _ => Err(PyErr::runtime_error("set construction failed")),
            }
        }
    }
}

/// The items of an iterable with their hashes, in iteration order.
fn hashed_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<(i64, Value)>> {
    let mut out = Vec::new();
    for item in vm.collect(v)? {
        out.push((vm.hash(&item)?, item));
    }
    Ok(out)
}

/// Runs `f` on `s`'s table taken out of the set, then puts it back. While keys are
/// compared (which may run `__eq__`), the set looks empty to that code rather than
/// being borrowed twice.
fn with_table_out(
    vm: &mut Vm,
    s: &Rc<PySet>,
    f: impl FnOnce(&mut Vm, &mut SetTable) -> PyResult<()>,
) -> PyResult<()> {
    let mut table = std::mem::take(&mut *s.table.try_borrow_mut().map_err(|_| changed())?);
    let result = f(vm, &mut table);
    *s.table.borrow_mut() = table;
    result
}

/// `s.update(other)` for one argument (`set_update_internal`): a set merged, a dict's
/// keys added after one presize, any other iterable's items added one by one.
fn update_one(vm: &mut Vm, s: &Rc<PySet>, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) => {
            update_set_in_place(vm, BinOp::BitOr, s, o)?;
            Ok(())
        }
        Value::Dict(d) => with_table_out(vm, s, |vm, table| {
            let d = d
                .try_borrow()
                .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
            table.update_from_dict(&d, &mut |x, y| vm.eq(x, y))
        }),
        iterable => {
            let target = Value::Set(s.clone());
            for item in vm.collect(iterable)? {
                vm.set_add(&target, item)?;
            }
            Ok(())
        }
    }
}

/// `s.difference_update(other)` for one argument (`set_difference_update_internal`):
/// a set's keys discarded by the set algorithm, any other iterable's items one by one.
fn difference_update_one(vm: &mut Vm, s: &Rc<PySet>, other: &Value) -> PyResult<()> {
    if let Value::Set(o) = other {
        update_set_in_place(vm, BinOp::Sub, s, o)?;
        return Ok(());
    }
    let items = hashed_items(vm, other)?;
    with_table_out(vm, s, |vm, table| {
        table.difference_update_items(&items, &mut |x, y| vm.eq(x, y))
    })
}

/// `s |= other`, `s -= other` and `s ^= other` with a set `other`, in place (`set_merge`,
/// `set_difference_update_internal`, `set_symmetric_difference_update`). False for any
/// other operator (`&=` replaces the table with the intersection, as CPython's does).
pub(crate) fn update_set_in_place(
    vm: &mut Vm,
    op: BinOp,
    s: &Rc<PySet>,
    other: &Rc<PySet>,
) -> PyResult<bool> {
    if !matches!(op, BinOp::BitOr | BinOp::Sub | BinOp::BitXor) {
        return Ok(false);
    }
    if Rc::ptr_eq(s, other) {
        // `s |= s` changes nothing; `s -= s` and `s ^= s` empty it.
        if op != BinOp::BitOr {
            s.table.try_borrow_mut().map_err(|_| changed())?.clear();
        }
        return Ok(true);
    }
    with_table_out(vm, s, |vm, table| {
        let theirs = other.table.try_borrow().map_err(|_| changed())?;
        let mut eq = |x: &Value, y: &Value| vm.eq(x, y);
        match op {
            BinOp::BitOr => table.union_into(&theirs, &mut eq),
            BinOp::Sub => table.difference_update(&theirs, &mut eq),
            _ => table.symmetric_difference_update(&theirs, &mut eq),
        }
    })?;
    Ok(true)
}

fn set_add(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("set.add", args, kw, 1, 1)?;
    mutable_set(args, "add")?;
    vm.set_add(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn set_discard_impl(vm: &mut Vm, s: &Rc<PySet>, item: &Value) -> PyResult<bool> {
    let h = vm.hash(item)?;
    let s = s.clone();
    let mut t = s.table.try_borrow_mut().map_err(|_| changed())?;
    t.remove(h, item, &mut |a, b| vm.eq(a, b))
}

fn set_discard(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("set.discard", args, kw, 1, 1)?;
    let s = mutable_set(args, "discard")?;
    set_discard_impl(vm, &s, &args[1])?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("set.remove", args, kw, 1, 1)?;
    let s = mutable_set(args, "remove")?;
    if !set_discard_impl(vm, &s, &args[1])? {
        return Err(PyErr::key_error(args[1].clone()));
    }
    Ok(Value::None)
}

fn set_pop(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("pop", args, kw, 0, 0)?;
    let s = mutable_set(args, "pop")?;
    let v = s.table.borrow_mut().pop();
    v.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn set_clear(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("clear", args, kw, 0, 0)?;
    let s = mutable_set(args, "clear")?;
    s.table.borrow_mut().clear();
    Ok(Value::None)
}

/// `s.copy()`: a new set merged from `s` (a frozenset is its own copy).
fn set_copy(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("copy", args, kw, 0, 0)?;
    let s = this_set(args)?;
    if s.frozen {
        return Ok(Value::Set(s));
    }
    let table = s.table.borrow().copy();
    Ok(Value::Set(new_set(table, false)))
}

/// `s.union(*others)` (`set_union`): a copy of `s`, updated with each other.
fn set_union(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this_set(args)?;
    let result = new_set(s.table.borrow().copy(), s.frozen);
    for other in &args[1..] {
        if matches!(other, Value::Set(o) if Rc::ptr_eq(o, &s)) {
            continue;
        }
        update_one(vm, &result, other)?;
    }
    Ok(Value::Set(result))
}

/// `s & other` for one argument (`set_intersection`): a set by the set algorithm,
/// any other iterable's items kept in iteration order when `s` has them.
fn intersection_one(vm: &mut Vm, s: &Rc<PySet>, other: &Value) -> PyResult<SetTable> {
    let items = match other {
        Value::Set(o) => {
            let (mine, theirs) = (s.table.borrow(), o.table.borrow());
            return SetTable::intersection(&mine, &theirs, &mut |x, y| vm.eq(x, y));
        }
        iterable => hashed_items(vm, iterable)?,
    };
    let mine = s.table.borrow();
    mine.intersection_items(&items, &mut |x, y| vm.eq(x, y))
}

/// `s.intersection(*others)` (`set_intersection_multi`): intersected with each other
/// in turn; with none, a copy.
fn set_intersection(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this_set(args)?;
    let mut result = new_set(s.table.borrow().copy(), s.frozen);
    if args.len() > 1 {
        result = s.clone();
        for other in &args[1..] {
            let table = intersection_one(vm, &result, other)?;
            result = new_set(table, s.frozen);
        }
    }
    Ok(Value::Set(result))
}

/// `s.difference(*others)` (`set_difference_multi`): the difference with the first
/// (by the set algorithm for a set or dict, else a copy of `s` with the items
/// discarded), then each further one discarded in place.
fn set_difference(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this_set(args)?;
    let Some(first) = args.get(1) else {
        return Ok(Value::Set(new_set(s.table.borrow().copy(), s.frozen)));
    };
    let keys = match first {
        Value::Set(o) => Some(o.clone()),
        Value::Dict(d) => {
            let mut keys = SetTable::new();
            let d = d.borrow();
            keys.update_from_dict(&d, &mut |x, y| vm.eq(x, y))?;
            Some(new_set(keys, true))
        }
        _ => None,
    };
    let result = match keys {
        Some(o) => {
            let table = {
                let (mine, theirs) = (s.table.borrow(), o.table.borrow());
                SetTable::difference(&mine, &theirs, &mut |x, y| vm.eq(x, y))?
            };
            new_set(table, s.frozen)
        }
        None => {
            let result = new_set(s.table.borrow().copy(), s.frozen);
            difference_update_one(vm, &result, first)?;
            result
        }
    };
    for other in &args[2..] {
        difference_update_one(vm, &result, other)?;
    }
    Ok(Value::Set(result))
}

/// `s.symmetric_difference(other)`: a copy of a set `other` (or a new set of an
/// iterable's items) updated with `s`.
fn set_symmetric_difference(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("symmetric_difference", args, kw, 1, 1)?;
    let s = this_set(args)?;
    let result = match &args[1] {
        Value::Set(o) => new_set(o.table.borrow().copy(), s.frozen),
        iterable => {
            let o = as_set(vm, iterable)?;
            let table = std::mem::take(&mut *o.table.borrow_mut());
            new_set(table, s.frozen)
        }
    };
    update_set_in_place(vm, BinOp::BitXor, &result, &s)?;
    Ok(Value::Set(result))
}

fn set_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = mutable_set(args, "update")?;
    for other in &args[1..] {
        update_one(vm, &s, other)?;
    }
    Ok(Value::None)
}

/// `s.intersection_update(*others)`: the intersection replaces the set's table.
fn set_intersection_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = mutable_set(args, "intersection_update")?;
    if let Value::Set(result) = set_intersection(vm, args, &[])? {
        if !Rc::ptr_eq(&result, &s) {
            let table = std::mem::take(&mut *result.table.borrow_mut());
            *s.table.try_borrow_mut().map_err(|_| changed())? = table;
        }
    }
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = mutable_set(args, "difference_update")?;
    for other in &args[1..] {
        difference_update_one(vm, &s, other)?;
    }
    Ok(Value::None)
}

/// `s.symmetric_difference_update(x)`: a dict's keys each discarded when there and
/// added when not; any other iterable becomes a set first.
fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("symmetric_difference_update", args, kw, 1, 1)?;
    let s = mutable_set(args, "symmetric_difference_update")?;
    if let Value::Dict(d) = &args[1] {
        let keys: Vec<(i64, Value)> = d
            .borrow()
            .iter_hashed()
            .map(|(h, k, _)| (h, k.clone()))
            .collect();
        with_table_out(vm, &s, |vm, table| {
            let mut eq = |x: &Value, y: &Value| vm.eq(x, y);
            for (h, k) in keys {
                if !table.remove(h, &k, &mut eq)? {
                    table.add(h, k, &mut eq)?;
                }
            }
            Ok(())
        })?;
        return Ok(Value::None);
    }
    let other = as_set(vm, &args[1])?;
    update_set_in_place(vm, BinOp::BitXor, &s, &other)?;
    Ok(Value::None)
}

fn subset(vm: &mut Vm, a: &Rc<PySet>, b: &Rc<PySet>) -> PyResult<bool> {
    let items: Vec<Value> = a.table.borrow().iter().map(|(_, k)| k.clone()).collect();
    for k in items {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("issubset", args, kw, 1, 1)?;
    let (a, b) = (this_set(args)?, as_set(vm, &args[1])?);
    Ok(Value::Bool(subset(vm, &a, &b)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("issuperset", args, kw, 1, 1)?;
    let (a, b) = (this_set(args)?, as_set(vm, &args[1])?);
    Ok(Value::Bool(subset(vm, &b, &a)?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("isdisjoint", args, kw, 1, 1)?;
    let (a, b) = (this_set(args)?, as_set(vm, &args[1])?);
    let items: Vec<Value> = a.table.borrow().iter().map(|(_, k)| k.clone()).collect();
    for k in items {
        if vm.set_contains(&b, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

impl Vm {
    /// `a | b`, `a & b`, `a - b`, `a ^ b` on sets, in CPython's element order.
    pub fn set_algebra(&mut self, op: BinOp, a: &Rc<PySet>, b: &Rc<PySet>) -> PyResult<Value> {
        let (ta, tb) = (a.table.borrow(), b.table.borrow());
        let mut eq = |x: &Value, y: &Value| self.eq(x, y);
        let table = match op {
            BinOp::BitOr => SetTable::union(&ta, &tb, &mut eq)?,
            BinOp::BitAnd => SetTable::intersection(&ta, &tb, &mut eq)?,
            BinOp::Sub => SetTable::difference(&ta, &tb, &mut eq)?,
            _ => SetTable::symmetric_difference(&ta, &tb, &mut eq)?,
        };
        Ok(Value::Set(new_set(table, a.frozen)))
    }
}
