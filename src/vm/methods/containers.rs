//! Methods of list, tuple and dict, and the stable, fallible sort behind
//! `list.sort` and `sorted`.

use super::{check_args, int_arg, kwarg, sort_kwargs};
use crate::vm::error::{PyErr, PyResult};
use crate::vm::types::add_methods;
use crate::vm::value::{DictView, DictViewKind, KwArgs, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    add_methods(
        &t.list,
        "list",
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", seq_index),
            ("count", seq_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
        ],
    );
    add_methods(
        &t.tuple,
        "tuple",
        &[("index", seq_index), ("count", seq_count)],
    );
    add_methods(
        &t.dict,
        "dict",
        &[
            ("get", dict_get),
            ("items", dict_items),
            ("keys", dict_keys),
            ("values", dict_values),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("setdefault", dict_setdefault),
            ("update", dict_update),
            ("copy", dict_copy),
            ("clear", dict_clear),
        ],
    );
    for view in [&t.dict_keys, &t.dict_items] {
        add_methods(view, "dict_keys", &[("isdisjoint", view_isdisjoint)]);
    }
    // `fromkeys` is a class method: `dict.fromkeys(...)` and `d.fromkeys(...)` both get
    // the class first.
    let class_method = crate::vm::types::Binding::Class;
    crate::vm::types::add_wrapped_method(&t.dict, "dict", "fromkeys", dict_fromkeys, class_method);
}

fn this_list(args: &[Value]) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match args.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'list' object")),
    }
}

pub(crate) fn list_append(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("list.append", args, kw, 1, 1)?;
    this_list(args)?.borrow_mut().push(args[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("list.extend", args, kw, 1, 1)?;
    let items = vm.collect(&args[1])?;
    this_list(args)?.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("pop", args, kw, 0, 1)?;
    let l = this_list(args)?;
    let mut l = l.borrow_mut();
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = l.len() as i64;
    let i = match args.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => n - 1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(l.remove(j as usize))
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("insert", args, kw, 2, 2)?;
    let l = this_list(args)?;
    let i = int_arg(vm, &args[1])?;
    let mut l = l.borrow_mut();
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args[2].clone());
    Ok(Value::None)
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("list.remove", args, kw, 1, 1)?;
    let l = this_list(args)?;
    let items = l.borrow().clone();
    for (i, item) in items.iter().enumerate() {
        if item.is(&args[1]) || vm.eq(item, &args[1])? {
            l.borrow_mut().remove(i);
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn seq_items(args: &[Value]) -> Vec<Value> {
    match args.first() {
        Some(Value::List(l)) => l.borrow().clone(),
        Some(Value::Tuple(t)) => (**t).clone(),
        _ => Vec::new(),
    }
}

fn seq_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("index", args, kw, 1, 3)?;
    let items = seq_items(args);
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match args.get(2) {
        Some(v) => norm(int_arg(vm, v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm(int_arg(vm, v)?),
        None => n,
    };
    for i in start..stop {
        let item = &items[i as usize];
        if item.is(&args[1]) || vm.eq(item, &args[1])? {
            return Ok(Value::Int(i));
        }
    }
    if matches!(args[0], Value::List(_)) {
        let r = vm.repr_string(&args[1])?;
        return Err(PyErr::value_error(format!("{} is not in list", r)));
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn seq_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("count", args, kw, 1, 1)?;
    let mut c = 0;
    for item in seq_items(args) {
        if item.is(&args[1]) || vm.eq(&item, &args[1])? {
            c += 1;
        }
    }
    Ok(Value::Int(c))
}

/// The `reverse=` of `list.sort` and `sorted`: an int (a bool is one), as CPython
/// takes it, and false when not given.
pub fn reverse_flag(vm: &Vm, kw: KwArgs) -> PyResult<bool> {
    match kwarg(kw, "reverse") {
        None => Ok(false),
        Some(Value::BigInt(_)) => Err(PyErr::overflow_error(
            "Python int too large to convert to C int",
        )),
        Some(v) => Ok(int_arg(vm, v)? != 0),
    }
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    sort_kwargs(kw)?;
    let l = this_list(args)?;
    let reverse = reverse_flag(vm, kw)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let key = kwarg(kw, "key").cloned().unwrap_or(Value::None);
    let result = sort_values(vm, items.clone(), &key, reverse);
    match result {
        Ok(sorted) => {
            let mut l = l.borrow_mut();
            let modified = !l.is_empty();
            *l = sorted;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

/// Sorts values (stably) by an optional key function, as `sorted` does.
pub fn sort_values(
    vm: &mut Vm,
    items: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for item in &items {
            ks.push(vm.call1(key, item.clone())?);
        }
        ks
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    // Fast paths: homogeneous ints or strings have a total order.
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        let ints: Vec<i64> = keys
            .iter()
            .map(|k| if let Value::Int(i) = k { *i } else { 0 })
            .collect();
        if reverse {
            idx.sort_by(|a, b| ints[*b].cmp(&ints[*a]));
        } else {
            idx.sort_by_key(|a| ints[*a]);
        }
    } else if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        let strs: Vec<&str> = keys
            .iter()
            .map(|k| {
                if let Value::Str(s) = k {
                    s.as_str()
                } else {
                    ""
                }
            })
            .collect();
        if reverse {
            idx.sort_by(|a, b| strs[*b].cmp(strs[*a]));
        } else {
            idx.sort_by(|a, b| strs[*a].cmp(strs[*b]));
        }
    } else if idx.len() < 64 {
        // CPython reverses, sorts stably and reverses back.
        if reverse {
            idx.reverse();
        }
        small_timsort(vm, &mut idx, &keys)?;
        if reverse {
            idx.reverse();
        }
    } else {
        idx = merge_sort(vm, idx, &keys, reverse)?;
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

/// CPython's `list.sort` for fewer than 64 items (its `minrun`), comparison for
/// comparison: the first run (`count_run`, reversed when strictly descending), then
/// binary insertion (`binarysort`) of the rest. The same `__lt__` calls in the same
/// order give the same output and the same error (which operands a TypeError names).
fn small_timsort(vm: &mut Vm, idx: &mut [usize], keys: &[Value]) -> PyResult<()> {
    let n = idx.len();
    if n < 2 {
        return Ok(());
    }
    let mut run = 2;
    if less(vm, &keys[idx[1]], &keys[idx[0]])? {
        while run < n && less(vm, &keys[idx[run]], &keys[idx[run - 1]])? {
            run += 1;
        }
        idx[..run].reverse();
    } else {
        while run < n && !less(vm, &keys[idx[run]], &keys[idx[run - 1]])? {
            run += 1;
        }
    }
    for start in run..n {
        let pivot = idx[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if less(vm, &keys[pivot], &keys[idx[p]])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        idx.copy_within(l..start, l + 1);
        idx[l] = pivot;
    }
    Ok(())
}

/// A stable merge sort whose comparisons may fail (they can run user `__lt__`).
fn merge_sort(vm: &mut Vm, idx: Vec<usize>, keys: &[Value], reverse: bool) -> PyResult<Vec<usize>> {
    if idx.len() <= 1 {
        return Ok(idx);
    }
    let mut src = idx;
    let mut width = 1;
    let n = src.len();
    let mut dst = vec![0usize; n];
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let end = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < end {
                // Take from the right run only when it is strictly smaller (stability).
                let right_first = if reverse {
                    less(vm, &keys[src[a]], &keys[src[b]])?
                } else {
                    less(vm, &keys[src[b]], &keys[src[a]])?
                };
                if right_first {
                    dst[k] = src[b];
                    b += 1;
                } else {
                    dst[k] = src[a];
                    a += 1;
                }
                k += 1;
            }
            while a < mid {
                dst[k] = src[a];
                a += 1;
                k += 1;
            }
            while b < end {
                dst[k] = src[b];
                b += 1;
                k += 1;
            }
            i += 2 * width;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    Ok(src)
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    vm.less_than(a, b)
}

fn list_reverse(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("reverse", args, kw, 0, 0)?;
    this_list(args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("copy", args, kw, 0, 0)?;
    Ok(Value::list(this_list(args)?.borrow().clone()))
}

fn list_clear(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("clear", args, kw, 0, 0)?;
    let old = std::mem::take(&mut *this_list(args)?.borrow_mut());
    drop(old);
    Ok(Value::None)
}

// ---- dict -----------------------------------------------------------------------------

fn this_dict(args: &[Value]) -> PyResult<Rc<RefCell<crate::vm::dict::Dict>>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("get", args, kw, 1, 2)?;
    let d = this_dict(args)?;
    Ok(vm
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn view(args: &[Value], kind: DictViewKind) -> PyResult<Value> {
    Ok(Value::DictView(Rc::new(DictView {
        dict: this_dict(args)?,
        kind,
    })))
}

fn dict_items(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("items", args, kw, 0, 0)?;
    view(args, DictViewKind::Items)
}

/// `view.isdisjoint(iterable)` for keys and items views.
fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("isdisjoint", args.get(1..).unwrap_or(&[]), kw, 1, 1)?;
    let items = vm.collect(&args[0])?;
    let mine = vm.new_set(items, true)?;
    let Value::Set(mine) = mine else {
        return Ok(Value::Bool(true));
    };
    for x in vm.collect(&args[1])? {
        if vm.set_contains(&mine, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("keys", args, kw, 0, 0)?;
    view(args, DictViewKind::Keys)
}

fn dict_values(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("values", args, kw, 0, 0)?;
    view(args, DictViewKind::Values)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("pop", args, kw, 1, 2)?;
    let d = this_dict(args)?;
    match vm.dict_del(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("popitem", args, kw, 0, 0)?;
    let d = this_dict(args)?;
    let item = d.borrow_mut().pop_last();
    match item {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("setdefault", args, kw, 1, 2)?;
    let d = this_dict(args)?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), default.clone())?;
    Ok(default)
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    if let Some(other) = args.get(1) {
        vm.dict_update_from(&args[0], other, false)?;
    }
    let d = this_dict(args)?;
    for (k, v) in kw {
        vm.dict_set(&d, Value::Str(k.clone()), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_copy(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("copy", args, kw, 0, 0)?;
    Ok(Value::dict(this_dict(args)?.borrow().clone()))
}

/// `dict.fromkeys(iterable, value=None)`: a new dict mapping each key of `iterable` to
/// `value`. (The class it gets first is always `dict`: Baton's dict has no subclasses.)
fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let rest = args.get(1..).unwrap_or_default();
    super::check_free_args("fromkeys", rest, kw, 1, 2)?;
    let value = rest.get(1).cloned().unwrap_or(Value::None);
    let keys = vm.collect(&rest[0])?;
    let d = Value::dict(Default::default());
    for k in keys {
        vm.set_item(&d, k, value.clone())?;
    }
    Ok(d)
}

fn dict_clear(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("clear", args, kw, 0, 0)?;
    let d = this_dict(args)?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}
