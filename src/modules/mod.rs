//! Built-in functions and the native modules (`sys`, `time`, `math`, `random`), and the
//! import system that also finds Baton modules under stdlib/ and beside the script.

pub mod builtins;
pub mod dis;
pub mod import;
pub mod math;
pub mod random;
pub mod stdin;
pub mod sys;
pub mod time;

use crate::vm::value::{Module, NativeFn, NativeFunction, Value};
use std::rc::Rc;

/// Defines native functions in a module, each reporting `owner` as its module.
pub fn add_functions(m: &Module, owner: &'static str, functions: &[(&'static str, NativeFn)]) {
    for (name, func) in functions {
        m.set(
            name,
            Value::Native(Rc::new(NativeFunction {
                name,
                func: *func,
                owner,
                self_class: None,
            })),
        );
    }
}
