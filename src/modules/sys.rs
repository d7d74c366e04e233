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
    m.set("maxunicode", Value::Int(0x10FFFF));
    m.set(
        "byteorder",
        Value::str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    // 3.11.7 final, as CPython encodes it.
    m.set("hexversion", Value::Int(0x030B07F0));
    m.set("platform", Value::str("linux"));
    let executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    m.set("executable", Value::str(&executable));
    // Where imports look: the script's directory (the stdlib is in the binary).
    m.set(
        "path",
        Value::list(vec![Value::str(&vm.script_dir.to_string_lossy())]),
    );
    m.set("implementation_name", Value::str("baton"));
    let io_class = builtin_class("TextIOWrapper", &[&vm.types.object], TypeKind::Object);
    add_methods(
        &io_class,
        "TextIOWrapper",
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("readline", stream_readline),
            ("readlines", stream_readlines),
            ("read", stream_read),
            ("__iter__", stream_iter),
            ("__next__", stream_next),
            ("fileno", stream_fileno),
        ],
    );
    for (name, fd) in [
        ("stdin", 0),
        ("stdout", 1),
        ("stderr", 2),
        ("__stdin__", 0),
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
        ("exception", exception),
        ("_getframe", getframe),
        ("getdefaultencoding", getdefaultencoding),
        ("intern", intern),
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
    if stream_fd(this) == Some(0) {
        return Err(PyErr::new(ExcType::OSError, "not writable"));
    }
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

/// The next line of `sys.stdin` with its newline, or None at the end of input.
fn stdin_line(vm: &mut Vm, this: Option<&Value>) -> PyResult<Option<String>> {
    if this.and_then(stream_fd) != Some(0) {
        return Err(PyErr::new(ExcType::OSError, "not readable"));
    }
    use crate::modules::stdin::{read_line_whole, Line};
    vm.flush_stdout();
    loop {
        return match read_line_whole() {
            Ok(Line::Text(bytes)) => match String::from_utf8(bytes) {
                Ok(line) => Ok(Some(line)),
                Err(_) => Err(PyErr::new(
                    ExcType::OSError,
                    "stream did not contain valid UTF-8",
                )),
            },
            Ok(Line::Eof) => Ok(None),
            Ok(Line::Interrupted) => {
                // As for `input()`: KeyboardInterrupt unless a handler takes it.
                vm.attend()?;
                continue;
            }
            Err(e) => Err(PyErr::new(ExcType::OSError, e.to_string())),
        };
    }
}

/// `sys.stdin.readline()`: the next line with its newline; '' at the end of input.
fn stream_readline(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("readline", args.get(1..).unwrap_or(&[]), kw, 0, 0)?;
    Ok(Value::from_string(
        stdin_line(vm, args.first())?.unwrap_or_default(),
    ))
}

/// `sys.stdin.readlines()`: the remaining lines.
fn stream_readlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("readlines", args.get(1..).unwrap_or(&[]), kw, 0, 0)?;
    let mut lines = Vec::new();
    while let Some(line) = stdin_line(vm, args.first())? {
        lines.push(Value::from_string(line));
    }
    Ok(Value::list(lines))
}

/// `sys.stdin.read()`: the rest of the input.
fn stream_read(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("read", args.get(1..).unwrap_or(&[]), kw, 0, 0)?;
    let mut text = String::new();
    while let Some(line) = stdin_line(vm, args.first())? {
        text.push_str(&line);
    }
    Ok(Value::from_string(text))
}

fn stream_iter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// `next(sys.stdin)`: the next line; StopIteration at the end of input.
fn stream_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match stdin_line(vm, args.first())? {
        Some(line) => Ok(Value::from_string(line)),
        None => Err(PyErr::new(ExcType::StopIteration, "")),
    }
}

fn stream_fileno(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(args.first().and_then(stream_fd).unwrap_or(-1)))
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

/// `sys._getframe(depth=0)`: the frame object of the calling Baton code, or of its
/// caller `depth` levels up (`vm::frame_object`).
fn getframe(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::vm::methods::check_free_args("_getframe", args, kw, 0, 1)?;
    let depth = match args.first() {
        Some(d) => int_arg(vm, d)?,
        None => 0,
    };
    usize::try_from(depth)
        .ok()
        .and_then(|d| vm.frame_object(d))
        .ok_or_else(|| PyErr::value_error("call stack is not deep enough"))
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn exception(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match &vm.exc_info {
        Value::Undefined => Value::None,
        e => e.clone(),
    })
}

fn getdefaultencoding(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

/// `sys.intern(s)`: Baton's strings need no interning table of the program's; the
/// string itself.
fn intern(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match args {
        [s @ Value::Str(_)] => Ok(s.clone()),
        [other] => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            vm.arg_type_name(other)
        ))),
        _ => Err(PyErr::type_error(format!(
            "intern() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if matches!(e, Value::None | Value::Undefined) {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Class(vm.type_of(&e));
    Ok(Value::tuple(vec![t, e, Value::None]))
}
