//! Methods of int and float.

use super::check_args;
use crate::vm::error::{PyErr, PyResult};
use crate::vm::types::add_methods;
use crate::vm::value::{KwArgs, Value};
use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    add_methods(
        &vm.types.int,
        "int",
        &[("bit_length", int_bit_length), ("conjugate", int_conjugate)],
    );
    add_methods(
        &vm.types.float,
        "float",
        &[("is_integer", float_is_integer)],
    );
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("bit_length", args, kw, 0, 0)?;
    Ok(Value::Int(match &args[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => b.bits() as i64,
        _ => return Err(PyErr::type_error("descriptor 'bit_length' requires an int")),
    }))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("conjugate", args, kw, 0, 0)?;
    vm.to_int(&args[0])
}

fn float_is_integer(_vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("is_integer", args, kw, 0, 0)?;
    match &args[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(PyErr::type_error(
            "descriptor 'is_integer' requires a float",
        )),
    }
}
