//! The `time` module: wall clock, monotonic clocks and a blocking sleep.

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{KwArgs, Module, Value};
use crate::vm::Vm;
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

pub fn module(_vm: &mut Vm) -> Rc<Module> {
    start();
    let m = Rc::new(Module::new("time", "<time>"));
    let functions: &[(&'static str, crate::vm::value::NativeFn)] = &[
        ("time", time),
        ("monotonic", monotonic),
        ("perf_counter", monotonic),
        ("sleep", sleep),
        ("time_ns", time_ns),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter_ns", monotonic_ns),
    ];
    crate::modules::add_functions(&m, "time", functions);
    m
}

fn time(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Int(d.as_nanos() as i64))
}

fn monotonic(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(start().elapsed().as_secs_f64() + 1000.0))
}

fn monotonic_ns(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(
        start().elapsed().as_nanos() as i64 + 1_000_000_000_000,
    ))
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(s) = args.first() else {
        return Err(PyErr::type_error(
            "sleep() takes exactly one argument (0 given)",
        ));
    };
    let secs = vm.to_float(s)?;
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    // A Ctrl-C cuts the sleep short with KeyboardInterrupt, as in CPython.
    vm.sleep_interruptibly(std::time::Duration::from_secs_f64(secs.min(1e9)))?;
    Ok(Value::None)
}
