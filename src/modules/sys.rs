//! The `sys` module: argv, exit, stdout/stderr, the recursion limit, version, and the
//! int-to-str digit limit.

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::methods::int_arg;
use crate::vm::types::{add_methods, builtin_class};
use crate::vm::value::{Instance, KwArgs, Module, PyStr, TypeKind, Value};
use crate::vm::Vm;
use std::io::Write;
use std::rc::Rc;

pub const VERSION: &str = "3.11.7 (Baton 0.1.0)";

pub fn module(vm: &mut Vm) -> Rc<Module> {
    let m = Rc::new(Module::new("sys", "<sys>"));
    let argv: Vec<Value> = vm.argv.iter().map(|a| Value::str(a)).collect();
    m.set("argv", Value::list(argv));
    m.set("version", Value::str(VERSION));
    m.set(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(7),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    m.set("maxsize", Value::Int(i64::MAX));
    m.set("platform", Value::str("linux"));
    m.set("implementation_name", Value::str("baton"));
    let io_class = builtin_class("TextIOWrapper", &[&vm.types.object], TypeKind::Object);
    add_methods(
        &io_class,
        "TextIOWrapper",
        &[("write", stream_write), ("flush", stream_flush)],
    );
    for (name, fd) in [
        ("stdout", 1),
        ("stderr", 2),
        ("__stdout__", 1),
        ("__stderr__", 2),
    ] {
        let inst = Instance {
            class: io_class.clone(),
            attrs: crate::vm::shape::AttrCell::default(),
        };
        inst.attrs
            .with_mut(|a| a.set_str(Rc::new(PyStr::new("_fd")), Value::Int(fd)));
        m.set(name, Value::Instance(Rc::new(inst)));
    }
    let functions: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("exc_info", exc_info),
    ];
    crate::modules::add_functions(&m, "sys", functions);
    m
}

/// The file descriptor of `sys.stdout` (1) or `sys.stderr` (2); None for any other
/// object.
pub fn stream_fd(v: &Value) -> Option<i64> {
    match v {
        Value::Instance(i) => match i.attrs.with(|a| a.get_str(&PyStr::new("_fd"))) {
            Some(Value::Int(fd)) => Some(fd),
            _ => None,
        },
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (Some(this), Some(text)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("write() takes exactly one argument"));
    };
    let Value::Str(s) = text else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            vm.arg_type_name(text)
        )));
    };
    if stream_fd(this) == Some(2) {
        vm.write_stderr(s.as_str());
    } else {
        let _ = vm.stdout.write_all(s.as_str().as_bytes());
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.flush_stdout();
    Ok(Value::None)
}

fn exit(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let args = match args {
        [Value::None] => Vec::new(),
        other => other.to_vec(),
    };
    Err(PyErr::with_args(ExcType::SystemExit, args))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(n) = args.first() else {
        return Err(PyErr::type_error(
            "setrecursionlimit() takes exactly one argument (0 given)",
        ));
    };
    let n = int_arg(vm, n)?;
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.recursion_limit = (n as usize).min(1_000_000);
    Ok(Value::None)
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let v = args
        .first()
        .or_else(|| crate::vm::methods::kwarg(kw, "maxdigits"))
        .cloned()
        .unwrap_or(Value::Int(0));
    let n = int_arg(vm, &v)?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    vm.int_max_str_digits = if n == 0 { usize::MAX } else { n as usize };
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(if vm.int_max_str_digits == usize::MAX {
        0
    } else {
        vm.int_max_str_digits as i64
    }))
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if matches!(e, Value::None | Value::Undefined) {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Class(vm.type_of(&e));
    Ok(Value::tuple(vec![t, e, Value::None]))
}
