//! AST to bytecode: the symbol table, code generation, code objects and the
//! disassembler.

pub mod code;
