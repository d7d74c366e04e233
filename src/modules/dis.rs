//! The `dis` module: `dis.dis(x)` prints Baton's own bytecode for a function, method,
//! class body, code object, generator or coroutine (not CPython's bytecode).

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{KwArgs, Module, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn module(_vm: &mut Vm) -> Rc<Module> {
    let m = Rc::new(Module::new("dis", "<dis>"));
    crate::modules::add_functions(&m, "dis", &[("dis", dis)]);
    m
}

fn dis(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(x) = args.first() else {
        return Err(PyErr::type_error(
            "Baton's dis.dis() needs an argument (a function, method or code object)",
        ));
    };
    let code = match x {
        Value::Code(c) => c.clone(),
        Value::Function(f) => f.code.clone(),
        Value::BoundMethod(m) => match &m.func {
            Value::Function(f) => f.code.clone(),
            other => return Err(cannot(vm, other)),
        },
        Value::Generator(g) => g.code.clone(),
        Value::StaticMethod(f) | Value::ClassMethod(f) => match &**f {
            Value::Function(func) => func.code.clone(),
            other => return Err(cannot(vm, other)),
        },
        other => return Err(cannot(vm, other)),
    };
    let text = crate::compile::dis::disassemble(&code);
    vm.print_line(text.trim_end_matches('\n'));
    Ok(Value::None)
}

fn cannot(vm: &Vm, v: &Value) -> PyErr {
    PyErr::type_error(format!(
        "don't know how to disassemble {} objects",
        vm.type_name(v)
    ))
}
