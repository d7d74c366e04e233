//! Source text to AST: the logos lexer with its layout pass, the LALRPOP parser, and
//! syntax errors in CPython's wording.

pub mod ast;
pub mod error;

pub use error::{SyntaxError, SyntaxErrorKind};
