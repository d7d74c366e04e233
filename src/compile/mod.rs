//! AST to bytecode: the symbol table, code generation, code objects and the
//! disassembler. The public entry points are `compile_module` and
//! `compile_module_interactive`; module globals are resolved to slots at compile time
//! through a `GlobalResolver`.

pub mod code;
mod codegen;
pub(crate) use codegen::docstring;
pub mod dis;
pub mod quicken;
mod smallmap;
pub mod symtable;
mod unparse;

use crate::syntax::ast;
use crate::syntax::error::SyntaxError;
use code::CodeObject;
use std::rc::Rc;

/// Maps module-global names to the module's slots (creating a slot on first use).
pub trait GlobalResolver {
    fn slot(&mut self, name: &str) -> u32;

    /// The module whose slots these are, when there is one (the code compiled here
    /// keeps it: `CodeObject::module`). Tools and tests that only compile have none.
    fn module(&self) -> Option<Rc<crate::vm::value::Module>> {
        None
    }

    /// A SyntaxWarning about the code at `line` (code that can only fail, such as
    /// calling a literal: `codegen/warnings.rs`). The resolver is the compiler's one
    /// link to whoever compiles, so warnings go here; by default they are dropped.
    fn warn(&mut self, _line: u32, _message: String) {}
}

/// A resolver that numbers names in order of first use (for tools and tests).
#[derive(Default, Debug)]
pub struct SimpleResolver {
    pub names: Vec<String>,
}

impl GlobalResolver for SimpleResolver {
    fn slot(&mut self, name: &str) -> u32 {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return i as u32;
        }
        self.names.push(name.to_string());
        (self.names.len() - 1) as u32
    }
}

/// Compiles a module: its code object returns None.
pub fn compile_module(
    module: &ast::Module,
    source: &str,
    filename: &str,
    globals: &mut dyn GlobalResolver,
) -> Result<Rc<CodeObject>, SyntaxError> {
    compile(module, source, filename, globals, false)
}

/// Compiles one REPL input: when the last top-level statement is an expression
/// statement, the module code returns its value (for the REPL to echo) instead of None.
pub fn compile_module_interactive(
    module: &ast::Module,
    source: &str,
    filename: &str,
    globals: &mut dyn GlobalResolver,
) -> Result<Rc<CodeObject>, SyntaxError> {
    compile(module, source, filename, globals, true)
}

/// Compiles one input of the REPL: interactive (the last expression's value is
/// returned) and with top-level `await` allowed, as CPython's asyncio REPL compiles with
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`. When the input awaits, the code object is a coroutine
/// (`flags.coroutine`): calling it as a function with the module's globals gives the
/// coroutine to run as a task.
pub fn compile_repl_input(
    module: &ast::Module,
    source: &str,
    filename: &str,
    globals: &mut dyn GlobalResolver,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let st = symtable::build_top_level_await(module)?;
    let mut c = codegen::Compiler::new(st, source, filename, globals);
    c.compile_module(module, true)
}

fn compile(
    module: &ast::Module,
    source: &str,
    filename: &str,
    globals: &mut dyn GlobalResolver,
    interactive: bool,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let st = symtable::build(module)?;
    let mut c = codegen::Compiler::new(st, source, filename, globals);
    c.compile_module(module, interactive)
}

/// Checks the stack and block-stack discipline of `code` and every code object nested
/// in it: depths agree where paths meet, handler blocks are pushed and popped in pairs,
/// and every ReturnValue runs with one value and no active block. A debugging aid for
/// compiler and VM work; returns the first violation found.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    codegen::verify(code).map_err(|e| format!("{}: {}", code.qualname.as_str(), e))?;
    for c in &code.consts {
        if let crate::vm::value::Value::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_run;
#[cfg(test)]
mod testvm;
