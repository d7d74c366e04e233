//! Methods of str. The text algorithms live in `vm::strmethods` as pure functions; this
//! file adapts them to Baton values and argument conventions.

use super::{check_args, int_arg, kwarg, only_kwargs};
use crate::vm::error::{PyErr, PyResult};
use crate::vm::strmethods as sm;
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, NativeFn, PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("join", str_join),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("upper", str_upper),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("swapcase", str_swapcase),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("replace", str_replace),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("center", str_center),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isascii", str_isascii),
        ("isprintable", str_isprintable),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("format", str_format),
        ("format_map", str_format_map),
        ("encode", str_encode),
        ("translate", str_translate),
    ];
    add_methods(&vm.types.str_, "str", methods);
    // `maketrans` is a static method: `str.maketrans(...)` and `s.maketrans(...)`
    // alike take no string first.
    let static_method = crate::vm::types::Binding::Static;
    crate::vm::types::add_wrapped_method(
        &vm.types.str_,
        "str",
        "maketrans",
        str_maketrans,
        static_method,
    );
}

/// `str.maketrans(x[, y[, z]])`: the table `translate` takes, a dict from code points
/// to code points, strings or None.
fn str_maketrans(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("maketrans", args, kw, 1, 3)?;
    let table = Value::dict(crate::vm::dict::Dict::new());
    if let [x] = args {
        let Value::Dict(d) = x else {
            return Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        };
        let entries = d.borrow().items();
        for (k, v) in entries {
            let key = match &k {
                Value::Int(_) => k.clone(),
                Value::Str(s) => match single_char(s) {
                    Some(c) => Value::Int(c as i64),
                    None => {
                        return Err(PyErr::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                },
                _ => {
                    return Err(PyErr::type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            vm.set_item(&table, key, v)?;
        }
        return Ok(table);
    }
    // (CPython checks the second and third arguments' types first.)
    let mut strs = Vec::with_capacity(args.len());
    for (i, a) in args.iter().enumerate().skip(1) {
        match a {
            Value::Str(s) => strs.push(s.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "maketrans() argument {} must be str, not {}",
                    i + 1,
                    vm.arg_type_name(other)
                )))
            }
        }
    }
    let Value::Str(from) = &args[0] else {
        return Err(PyErr::type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    let (from, to) = (from.as_str(), strs[0].as_str());
    if from.chars().count() != to.chars().count() {
        return Err(PyErr::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        vm.set_item(&table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(deleted) = strs.get(1) {
        for c in deleted.as_str().chars() {
            vm.set_item(&table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(table)
}

/// The one character of `s`, if it has exactly one.
fn single_char(s: &PyStr) -> Option<char> {
    let mut chars = s.as_str().chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// `s.translate(table)`: each character looked up by its code point in `table` (any
/// object with `__getitem__`); a LookupError keeps the character, None deletes it, an
/// int or a str replaces it.
fn str_translate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("translate", args, kw, 1, 1)?;
    let this = this_str(args)?;
    let table = &args[1];
    let mut out = String::with_capacity(this.as_str().len());
    for c in this.as_str().chars() {
        let mapped = match vm.get_item(table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.err_is(&e, crate::vm::error::ExcType::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Str(s) => out.push_str(s.as_str()),
            Value::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(r) => out.push(r),
                None if (0..0x110000).contains(&i) => {
                    // A lone surrogate: Baton's strings are UTF-8 and cannot hold one.
                    return Err(PyErr::value_error(
                        "character mapping to a surrogate is not supported by Baton",
                    ));
                }
                None => {
                    return Err(PyErr::value_error(
                        "character mapping must be in range(0x110000)",
                    ))
                }
            },
            Value::Bool(b) => out.push(char::from(b as u8)),
            _ => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
        }
    }
    s(out)
}

fn this_str(args: &[Value]) -> PyResult<Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'str' object")),
    }
}

/// A str argument, with CPython's message naming the method.
fn str_arg(vm: &Vm, v: &Value, method: &str) -> PyResult<Rc<PyStr>> {
    parsed_str_arg(vm, v, |t| {
        format!("{method}() argument must be str, not {t}")
    })
}

/// `str_arg_or` for a method whose arguments CPython parses with its generated
/// parsers, which name None as `None` (`Vm::arg_type_name`).
fn parsed_str_arg(vm: &Vm, v: &Value, wrong: impl FnOnce(&str) -> String) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(PyErr::type_error(wrong(&vm.arg_type_name(other)))),
    }
}

/// A str argument; `wrong` words the TypeError for a value of another type, given
/// that type's name (CPython's messages differ from method to method).
fn str_arg_or(vm: &Vm, v: &Value, wrong: impl FnOnce(&str) -> String) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        other => Err(PyErr::type_error(wrong(&vm.type_name(other)))),
    }
}

/// An optional str argument (None means "not given"), worded as `str_arg_or`.
fn opt_str_or(
    vm: &Vm,
    v: Option<&Value>,
    wrong: impl FnOnce(&str) -> String,
) -> PyResult<Option<Rc<PyStr>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg_or(vm, v, wrong).map(Some),
    }
}

/// An optional int argument (None means "not given").
fn opt_int(vm: &Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => int_arg(vm, v).map(Some),
    }
}

fn strings(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::from_string).collect())
}

fn s(v: String) -> PyResult<Value> {
    Ok(Value::from_string(v))
}

fn str_join(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("join", args, kw, 1, 1)?;
    let sep = this_str(args)?;
    let items = vm.collect(&args[1])?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    vm.type_name(other)
                )))
            }
        }
    }
    s(out)
}

fn split_args(
    vm: &Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
) -> PyResult<(Option<Rc<PyStr>>, i64)> {
    only_kwargs(name, kw, &["sep", "maxsplit"])?;
    if args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "{}() takes at most 2 arguments ({} given)",
            name,
            args.len() - 1
        )));
    }
    let sep = opt_str_or(vm, args.get(1).or_else(|| kwarg(kw, "sep")), |t| {
        format!("must be str or None, not {t}")
    })?;
    let maxsplit = opt_int(vm, args.get(2).or_else(|| kwarg(kw, "maxsplit")))?.unwrap_or(-1);
    Ok((sep, maxsplit))
}

fn str_split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let this = this_str(args)?;
    let (sep, max) = split_args(vm, args, kw, "split")?;
    Ok(strings(sm::split(
        this.as_str(),
        sep.as_deref().map(PyStr::as_str),
        max,
    )?))
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let this = this_str(args)?;
    let (sep, max) = split_args(vm, args, kw, "rsplit")?;
    Ok(strings(sm::rsplit(
        this.as_str(),
        sep.as_deref().map(PyStr::as_str),
        max,
    )?))
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("splitlines", kw, &["keepends"])?;
    let this = this_str(args)?;
    let keep = match args.get(1).or_else(|| kwarg(kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    Ok(strings(sm::splitlines(this.as_str(), keep)))
}

fn strip_with(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: for<'a> fn(&'a str, Option<&str>) -> &'a str,
) -> PyResult<Value> {
    check_args(name, args, kw, 0, 1)?;
    let this = this_str(args)?;
    let chars = opt_str_or(vm, args.get(1), |_| {
        format!("{name} arg must be None or str")
    })?;
    let r = f(this.as_str(), chars.as_deref().map(PyStr::as_str));
    if r.len() == this.as_str().len() {
        return Ok(Value::Str(this));
    }
    Ok(Value::str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kw, "strip", sm::strip)
}

fn str_lstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kw, "lstrip", sm::lstrip)
}

fn str_rstrip(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    strip_with(vm, args, kw, "rstrip", sm::rstrip)
}

fn map_str(args: &[Value], kw: KwArgs, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    check_args(name, args, kw, 0, 0)?;
    let this = this_str(args)?;
    s(f(this.as_str()))
}

fn str_upper(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "upper", sm::upper)
}

fn str_lower(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "lower", sm::lower)
}

fn str_casefold(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "casefold", sm::casefold)
}

fn str_capitalize(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "capitalize", sm::capitalize)
}

fn str_title(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "title", sm::title)
}

fn str_swapcase(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map_str(args, kw, "swapcase", sm::swapcase)
}

fn affix_test(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&PyStr, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    check_args(name, args, kw, 1, 3)?;
    let this = this_str(args)?;
    let start = opt_int(vm, args.get(2))?;
    let end = opt_int(vm, args.get(3))?;
    match &args[1] {
        Value::Str(p) => Ok(Value::Bool(f(&this, p.as_str(), start, end))),
        Value::Tuple(items) => {
            for item in items.iter() {
                let Value::Str(p) = item else {
                    return Err(PyErr::type_error(format!(
                        "tuple for {} must only contain str, not {}",
                        name,
                        vm.type_name(item)
                    )));
                };
                if f(&this, p.as_str(), start, end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            vm.type_name(other)
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_test(vm, args, kw, "startswith", sm::startswith)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    affix_test(vm, args, kw, "endswith", sm::endswith)
}

/// The shape of find/index/count: (needle, start, end).
/// `(haystack, needle, start, end)` of find/index/count.
type SearchArgs = (Rc<PyStr>, Rc<PyStr>, Option<i64>, Option<i64>);

fn search_args(vm: &Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<SearchArgs> {
    check_args(name, args, kw, 1, 3)?;
    let this = this_str(args)?;
    let needle = match &args[1] {
        Value::Str(n) => n.clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    Ok((
        this,
        needle,
        opt_int(vm, args.get(2))?,
        opt_int(vm, args.get(3))?,
    ))
}

fn str_find(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, args, kw, "find")?;
    Ok(Value::Int(sm::find(&h, n.as_str(), a, b)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, args, kw, "rfind")?;
    Ok(Value::Int(sm::rfind(&h, n.as_str(), a, b)))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, args, kw, "index")?;
    Ok(Value::Int(sm::index(&h, n.as_str(), a, b)?))
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, args, kw, "rindex")?;
    Ok(Value::Int(sm::rindex(&h, n.as_str(), a, b)?))
}

fn str_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (h, n, a, b) = search_args(vm, args, kw, "count")?;
    Ok(Value::Int(sm::count(&h, n.as_str(), a, b)))
}

fn str_replace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("replace", args, kw, 2, 3)?;
    let this = this_str(args)?;
    let numbered = |n: u8| move |t: &str| format!("replace() argument {n} must be str, not {t}");
    let old = parsed_str_arg(vm, &args[1], numbered(1))?;
    let new = parsed_str_arg(vm, &args[2], numbered(2))?;
    let count = opt_int(vm, args.get(3))?.unwrap_or(-1);
    s(sm::replace(
        this.as_str(),
        old.as_str(),
        new.as_str(),
        count,
    ))
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("removeprefix", args, kw, 1, 1)?;
    let this = this_str(args)?;
    let p = str_arg(vm, &args[1], "removeprefix")?;
    Ok(Value::str(sm::removeprefix(this.as_str(), p.as_str())))
}

fn str_removesuffix(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("removesuffix", args, kw, 1, 1)?;
    let this = this_str(args)?;
    let p = str_arg(vm, &args[1], "removesuffix")?;
    Ok(Value::str(sm::removesuffix(this.as_str(), p.as_str())))
}

fn justify(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    f: fn(&str, i64, char) -> PyResult<String>,
) -> PyResult<Value> {
    check_args(name, args, kw, 1, 2)?;
    let this = this_str(args)?;
    let width = int_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(other)
            )))
        }
    };
    s(f(this.as_str(), width, fill)?)
}

fn str_ljust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    justify(vm, args, kw, "ljust", sm::ljust)
}

fn str_rjust(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    justify(vm, args, kw, "rjust", sm::rjust)
}

fn str_center(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    justify(vm, args, kw, "center", sm::center)
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("zfill", args, kw, 1, 1)?;
    let this = this_str(args)?;
    let width = int_arg(vm, &args[1])?;
    s(sm::zfill(this.as_str(), width)?)
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    only_kwargs("expandtabs", kw, &["tabsize"])?;
    let this = this_str(args)?;
    let size = opt_int(vm, args.get(1).or_else(|| kwarg(kw, "tabsize")))?.unwrap_or(8);
    s(sm::expandtabs(this.as_str(), size)?)
}

/// The shape of `partition`/`rpartition`.
type Partition = fn(&str, &str) -> PyResult<(String, String, String)>;

fn part(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, f: Partition) -> PyResult<Value> {
    check_args(name, args, kw, 1, 1)?;
    let this = this_str(args)?;
    let sep = str_arg_or(vm, &args[1], |t| format!("must be str, not {t}"))?;
    let (a, b, c) = f(this.as_str(), sep.as_str())?;
    Ok(Value::tuple(vec![
        Value::from_string(a),
        Value::from_string(b),
        Value::from_string(c),
    ]))
}

fn str_partition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    part(vm, args, kw, "partition", sm::partition)
}

fn str_rpartition(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    part(vm, args, kw, "rpartition", sm::rpartition)
}

fn test_str(args: &[Value], kw: KwArgs, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    check_args(name, args, kw, 0, 0)?;
    let this = this_str(args)?;
    Ok(Value::Bool(f(this.as_str())))
}

fn str_isdigit(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isdigit", sm::isdigit)
}

fn str_isdecimal(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isdecimal", sm::isdecimal)
}

fn str_isnumeric(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isnumeric", sm::isnumeric)
}

fn str_isalpha(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isalpha", sm::isalpha)
}

fn str_isalnum(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isalnum", sm::isalnum)
}

fn str_isspace(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isspace", sm::isspace)
}

fn str_isascii(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isascii", sm::isascii)
}

fn str_isprintable(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isprintable", sm::isprintable)
}

fn str_isupper(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isupper", sm::isupper)
}

fn str_islower(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "islower", sm::islower)
}

fn str_istitle(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "istitle", sm::istitle)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || unicode_ident::is_xid_start(c) => {
            chars.all(unicode_ident::is_xid_continue)
        }
        _ => false,
    }
}

fn str_isidentifier(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    test_str(args, kw, "isidentifier", is_identifier)
}

fn str_encode(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(PyErr::new(
        crate::vm::error::ExcType::NotImplementedError,
        "Baton does not support bytes",
    ))
}

fn str_format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let this = this_str(args)?;
    let template = sm::parse_format_template(this.as_str())?;
    let positional = &args[1..];
    let out = render_template(vm, &template, positional, &Names::Keywords(kw))?;
    s(out)
}

/// `s.format_map(mapping)`: `format` with named fields looked up in the mapping (any
/// object with `__getitem__`) as they are met.
fn str_format_map(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("format_map", args, kw, 1, 1)?;
    let this = this_str(args)?;
    let template = sm::parse_format_template(this.as_str())?;
    let out = render_template(vm, &template, &[], &Names::Mapping(&args[1]))?;
    s(out)
}

/// Where a format template's named fields come from.
enum Names<'a> {
    /// `format`'s keyword arguments.
    Keywords(KwArgs<'a>),
    /// `format_map`'s mapping.
    Mapping(&'a Value),
}

fn render_template(
    vm: &mut Vm,
    parts: &[sm::TemplatePart],
    positional: &[Value],
    names: &Names,
) -> PyResult<String> {
    let mut out = String::new();
    for part in parts {
        match part {
            sm::TemplatePart::Literal(text) => out.push_str(text),
            sm::TemplatePart::Field(field) => {
                let mut v = match &field.key {
                    sm::FieldKey::Index(i) => match (positional.get(*i), names) {
                        (Some(v), _) => v.clone(),
                        (None, Names::Mapping(_)) => {
                            return Err(PyErr::value_error(
                                "Format string contains positional fields",
                            ))
                        }
                        (None, Names::Keywords(_)) => {
                            return Err(PyErr::index_error(format!(
                                "Replacement index {} out of range for positional args tuple",
                                i
                            )))
                        }
                    },
                    sm::FieldKey::Name(name) => match names {
                        Names::Keywords(kw) => match kwarg(kw, name) {
                            Some(v) => v.clone(),
                            None => return Err(PyErr::key_error(Value::str(name))),
                        },
                        Names::Mapping(m) => vm.get_item(m, &Value::str(name))?,
                    },
                };
                for access in &field.accessors {
                    v = match access {
                        sm::FieldAccess::Attr(a) => {
                            let name = vm.intern(a);
                            vm.get_attr(&v, &name)?
                        }
                        sm::FieldAccess::Item(sm::FieldKey::Index(i)) => {
                            vm.get_item(&v, &Value::Int(*i as i64))?
                        }
                        sm::FieldAccess::Item(sm::FieldKey::Name(k)) => {
                            vm.get_item(&v, &Value::str(k))?
                        }
                    };
                }
                v = match field.conversion {
                    Some('r') => vm.repr(&v)?,
                    Some('a') => vm.ascii(&v)?,
                    Some('s') => vm.to_str(&v)?,
                    _ => v,
                };
                let spec = render_template(vm, &field.spec, positional, names)?;
                out.push_str(&vm.format(&v, &spec)?);
            }
        }
    }
    Ok(out)
}
