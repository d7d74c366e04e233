//! Source text to AST: the logos lexer with its layout pass, the LALRPOP parser, and
//! syntax errors in CPython's wording. The entry point is [`parse_module`].

pub mod ast;
pub mod error;
pub mod fstring;
pub mod lexer;
pub mod parser;
pub mod token;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        unused_parens,
        unused_imports,
        dead_code,
        clippy::pedantic
    )]
    baton
);

pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::parse_module;
