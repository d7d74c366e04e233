//! Heap frames: the state of one running (or parked) code object.

use crate::compile::code::CodeObject;
use crate::vm::value::{Module, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A frame: code, instruction pointer, locals and operand stack, cells, and the stack
/// of active handler blocks. Generators and coroutines park their frame in their own
/// object between resumptions.
pub struct Frame {
    pub code: Rc<CodeObject>,
    pub ip: usize,
    /// Locals in `[0, nlocals)`, then the operand stack.
    pub stack: Vec<Value>,
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub globals: Rc<Module>,
}
