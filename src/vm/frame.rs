//! Heap frames: the state of one running (or parked) code object, and the handler
//! blocks that make `try` work.

use crate::compile::code::CodeObject;
use crate::vm::dict::Dict;
use crate::vm::value::{Generator, Module, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A frame: code, instruction pointer, locals and operand stack, cells, and the stack
/// of active handler blocks. Generators and coroutines park their whole frame in their
/// own object between resumptions, so nothing is lost or re-executed.
pub struct Frame {
    pub code: Rc<CodeObject>,
    /// The next instruction to execute.
    pub ip: usize,
    /// Locals in `[0, nlocals)`, then the operand stack.
    pub stack: Vec<Value>,
    /// Cell variables, then free variables (shared with the closure).
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub globals: Rc<Module>,
    /// Active `try`/`with` handlers and the except-handlers being run.
    pub blocks: Vec<Block>,
    /// A class body's namespace.
    pub namespace: Option<Rc<RefCell<Dict>>>,
    /// What happens to the value this frame returns.
    pub on_return: OnReturn,
    /// The generator, coroutine or async generator this frame belongs to.
    pub generator: Option<Rc<Generator>>,
    /// True for the bottom frame of a run-loop invocation: its return (or yield, or
    /// escaping exception) leaves the loop.
    pub is_entry: bool,
}

/// A handler block on a frame's block stack.
#[derive(Clone, Debug)]
pub enum Block {
    /// A protected region (`try`, `with`): on an exception, jump to `handler` with the
    /// operand stack cut back to `level`.
    Setup { handler: u32, level: u32 },
    /// An except/finally handler is running; `prev` is the exception that was being
    /// handled before it, restored when the handler ends.
    ExceptHandler { prev: Value },
}

/// What the caller gets when a frame returns.
pub enum OnReturn {
    /// The value is pushed onto the caller's operand stack (or returned from the run
    /// loop for an entry frame).
    Value,
    /// `__init__` returned: it must be None, and the caller gets the instance.
    Init(Value),
    /// A class body returned its namespace: build the class.
    BuildClass { name: Value, bases: Vec<Value> },
}

impl Frame {
    /// A frame for `code` with empty locals, stack and blocks.
    pub fn new(code: Rc<CodeObject>, globals: Rc<Module>) -> Frame {
        Frame {
            code,
            ip: 0,
            stack: Vec::new(),
            cells: Vec::new(),
            globals,
            blocks: Vec::new(),
            namespace: None,
            on_return: OnReturn::Value,
            generator: None,
            is_entry: false,
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }
    #[inline]
    pub fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }
    #[inline]
    pub fn top(&self) -> &Value {
        self.stack
            .last()
            .expect("operand stack underflow: a compiler bug")
    }
    /// The value `depth` below the top (0 = top).
    #[inline]
    pub fn peek(&self, depth: usize) -> &Value {
        let n = self.stack.len();
        &self.stack[n - 1 - depth]
    }
    /// Removes the top `n` values and returns them in stack order.
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }
    /// The line of the instruction being executed.
    pub fn current_line(&self) -> u32 {
        self.code.line_at(self.ip.saturating_sub(1))
    }
}
#[cfg(test)]
mod size_tests {
    #[test]
    fn sizes() {
        eprintln!("Frame {} Value {} PyErr {} OnReturn {} Instr {} RunExit {}", std::mem::size_of::<super::Frame>(), std::mem::size_of::<crate::vm::Value>(), std::mem::size_of::<crate::vm::PyErr>(), std::mem::size_of::<super::OnReturn>(), std::mem::size_of::<crate::compile::code::Instr>(), std::mem::size_of::<crate::vm::interp::RunExit>());
    }
}
