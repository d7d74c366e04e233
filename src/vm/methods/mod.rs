//! Methods of the built-in types, attached to their type objects at start-up.
//!
//! | file | owns |
//! |---|---|
//! | `constructors.rs` | calling a type: `int(...)`, `list(...)`, `object`, exceptions, `super`, descriptors |
//! | `containers.rs` | list, tuple and dict methods, and sorting |
//! | `sets.rs` | set and frozenset methods, by CPython's set algorithms (so ints iterate in its order) |
//! | `strs.rs` | str methods |
//! | `numbers.rs` | int and float methods |
//! | `dunders.rs` | the built-in types' dunder methods, called by name (`d.__getitem__`, `(1).__add__(2)`) |

pub mod constructors;
pub mod containers;
pub mod dunders;
pub mod numbers;
pub mod sets;
pub mod strs;

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{KwArgs, Value};
use crate::vm::Vm;

/// Attaches every built-in method to its type.
pub fn install(vm: &mut Vm) {
    constructors::install(vm);
    containers::install(vm);
    sets::install(vm);
    strs::install(vm);
    numbers::install(vm);
    dunders::install(vm);
    crate::vm::exception_group::install(vm);
}

/// Checks a method's positional argument count (self excluded) and rejects keywords.
pub fn check_args(
    name: &str,
    args: &[Value],
    kwargs: KwArgs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    check_count(name, args.len().saturating_sub(1), kwargs, min, max)
}

/// `check_args` for a free function (a builtin with no self among its arguments),
/// worded as CPython words its positional-count errors for such builtins
/// ("isinstance expected 2 arguments, got 1").
pub fn check_free_args(
    name: &str,
    args: &[Value],
    kwargs: KwArgs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    no_keywords(name, kwargs)?;
    match args.len() {
        n if n < min || n > max => Err(expected_args(name, n, min, max)),
        _ => Ok(()),
    }
}

/// CPython's error for `n` positional arguments to a builtin that takes `min..=max`:
/// "NAME expected [at least |at most ]N argument(s), got n".
pub fn expected_args(name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let (bound, count) = match () {
        _ if min == max => ("", min),
        _ if n < min => ("at least ", min),
        _ => ("at most ", max),
    };
    let plural = if count == 1 { "" } else { "s" };
    PyErr::type_error(format!(
        "{name} expected {bound}{count} argument{plural}, got {n}"
    ))
}

/// CPython's error for a builtin that takes keywords (worded by its argument
/// parser) called with more than `max` positional arguments: "NAME() takes at most
/// MAX arguments (N given)".
pub fn takes_at_most(name: &str, max: usize, n: usize) -> PyErr {
    PyErr::type_error(format!(
        "{name}() takes at most {max} arguments ({n} given)"
    ))
}

/// CPython's error for such a builtin called without its required argument `arg`
/// (the `pos`-th, when its message numbers it).
pub fn missing_arg(name: &str, arg: &str, pos: Option<usize>) -> PyErr {
    PyErr::type_error(match pos {
        Some(pos) => format!("{name}() missing required argument '{arg}' (pos {pos})"),
        None => format!("{name}() missing required argument '{arg}'"),
    })
}

/// Rejects keyword arguments to a builtin that takes none.
fn no_keywords(name: &str, kwargs: KwArgs) -> PyResult<()> {
    match kwargs.is_empty() {
        true => Ok(()),
        false => Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            name
        ))),
    }
}

/// The argument-count check of `check_args`, for `n` arguments.
fn check_count(name: &str, n: usize, kwargs: KwArgs, min: usize, max: usize) -> PyResult<()> {
    no_keywords(name, kwargs)?;
    if n < min || n > max {
        return Err(PyErr::type_error(if min == max {
            match min {
                0 => format!("{}() takes no arguments ({} given)", name, n),
                1 => format!("{}() takes exactly one argument ({} given)", name, n),
                _ => format!("{}() takes exactly {} arguments ({} given)", name, min, n),
            }
        } else if n > max {
            format!(
                "{} expected at most {} argument{}, got {}",
                name,
                max,
                if max == 1 { "" } else { "s" },
                n
            )
        } else {
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )
        }));
    }
    Ok(())
}

/// Finds a keyword argument by name.
pub fn kwarg<'a>(kwargs: KwArgs<'a>, name: &str) -> Option<&'a Value> {
    kwargs
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v)
}

/// Rejects keyword arguments other than the allowed ones.
pub fn only_kwargs(fname: &str, kwargs: KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kwargs {
        if !allowed.contains(&k.as_str()) {
            return Err(PyErr::type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                fname,
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// `only_kwargs` for `list.sort` and `sorted`, whose refusal CPython words as
/// "'x' is an invalid keyword argument for sort()".
pub fn sort_kwargs(kwargs: KwArgs) -> PyResult<()> {
    match kwargs
        .iter()
        .find(|(k, _)| !matches!(k.as_str(), "key" | "reverse"))
    {
        Some((k, _)) => Err(PyErr::type_error(format!(
            "'{}' is an invalid keyword argument for sort()",
            k.as_str()
        ))),
        None => Ok(()),
    }
}

/// An int argument (bools count), with CPython's TypeError otherwise.
pub fn int_arg(vm: &Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}
