//! Methods of str. The text algorithms live in `vm::strmethods` as pure functions; this
//! file adapts them to Baton values and argument conventions.

use super::check_args;
use crate::vm::error::{PyErr, PyResult};
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    add_methods(&vm.types.str_, "str", &[("join", str_join)]);
}

fn this_str(args: &[Value]) -> PyResult<Rc<PyStr>> {
    match args.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'str' object")),
    }
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
    Ok(Value::from_string(out))
}
