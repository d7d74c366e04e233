//! The objects annotations are made of: `list[int]` (`types.GenericAlias`) and
//! `int | None` (`types.UnionType`). Both are written in Baton (stdlib/types.py);
//! this module is where the VM meets them: a built-in generic class subscripted, and
//! `|` between classes (or None), which CPython's `type` implements.

use crate::vm::error::PyResult;
use crate::vm::value::{Class, Value};
use crate::vm::Vm;

/// The built-in classes that can be subscripted (those with `__class_getitem__` in
/// CPython 3.11).
const GENERIC_BUILTINS: &[&str] = &[
    "list",
    "dict",
    "tuple",
    "set",
    "frozenset",
    "type",
    "enumerate",
];

/// Is `c` a built-in class that `list[int]` style subscription applies to?
pub fn is_generic_builtin(c: &Class) -> bool {
    c.module.as_str() == "builtins" && GENERIC_BUILTINS.contains(&c.name.as_str())
}

/// Can `v` stand on either side of `type.__or__`? (A union needs at least one class;
/// `None | None` stays a TypeError.)
fn is_union_operand(v: &Value) -> bool {
    matches!(v, Value::Class(_) | Value::None)
}

impl Vm {
    /// `cls[args]` for a built-in generic class: a `types.GenericAlias`.
    pub fn generic_alias(&mut self, class: &Value, args: &Value) -> PyResult<Value> {
        self.call_types("GenericAlias", vec![class.clone(), args.clone()])
    }

    /// `a | b` where the operands' own methods gave no answer: a `types.UnionType`
    /// when both are classes or None, else None (the caller raises the TypeError).
    pub fn type_union(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if !is_union_operand(a) || !is_union_operand(b) || (a.is_none() && b.is_none()) {
            return Ok(None);
        }
        let r = self.call_types("_union", vec![a.clone(), b.clone()])?;
        Ok((!matches!(r, Value::NotImplemented)).then_some(r))
    }

    /// Calls the function or class `name` of the `types` module.
    fn call_types(&mut self, name: &str, args: Vec<Value>) -> PyResult<Value> {
        let module = self.import_module("types")?;
        let name = self.intern(name);
        let f = self.get_attr(&module, &name)?;
        self.call(&f, args)
    }
}
