//! Baton: a small async language whose programs are a strict subset of Python 3.11.
//!
//! The pipeline, one module per stage:
//! `syntax` (lexer, layout, LALRPOP parser, AST) → `compile` (symbol table, code
//! generation, code objects, disassembler) → `vm` (values, heap frames, the run loop,
//! exceptions) with `modules` (builtins and native modules) and `stdlib/` (modules
//! written in Baton).

pub mod check;
pub mod compile;
pub mod modules;
pub mod repl;
pub mod run;
pub mod runtime;
pub mod syntax;
pub mod vm;
