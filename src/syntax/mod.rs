//! Source text to AST: the logos lexer with its layout pass, the LALRPOP parser, and
//! syntax errors in CPython's wording. The entry point is [`parse_module`].
//!
//! Files: `token.rs` (logos tokens, number and string scanning), `lexer.rs` (layout pass:
//! NEWLINE/INDENT/DEDENT, brackets, tokenizer errors), `grammar/baton.lalrpop` (the
//! grammar), `parser.rs` (driver, CPython error messages, fallible grammar actions,
//! depth limits), `chain.rs` (precedence of the flat operator chains), `fstring.rs`
//! (string concatenation and f-strings).
//!
//! AST conventions the compiler can rely on:
//! - `Stmt.span.start` is the first byte of the statement; for a decorated `def`/`class`
//!   it is the `def`/`async`/`class` keyword (decorators keep their own spans).
//! - `elif` becomes a nested `If` (spanning from the `elif` keyword) as the only
//!   statement of `orelse`.
//! - A parenthesised expression `(x)` is `x` itself with its own span; tuples written
//!   with parentheses span them.
//! - `Constant::Int` holds the literal's digits with its prefix, underscores removed
//!   (`"0xFF"`, `"123"`); leading-zero decimals are rejected here.
//! - f-strings are always `JoinedStr` (adjacent literal parts merged); `{x=}` has
//!   `debug_text` and, without a spec or conversion, `conversion == Some('r')`.
//! - `f(x for x in y)` puts the `GeneratorExp` in `args`; `**m` is a `Keyword` with
//!   `arg == None`; `*a` is a `Starred` in `args`.
//! - `with (a as b, c as d):` gives the same tree as `with a as b, c as d:`.
//! - `from . import x` keeps `level` (the parser does not reject relative imports).
//! - Expression trees are at most `parser::MAX_DEPTH` (3,000) deep; blocks at most 100.
//!
//! Left to the compiler (CPython raises them after parsing): `'return' outside
//! function`, `'await'`/`'yield'` outside function, `'break' outside loop`, `nonlocal`
//! at module level, "multiple starred expressions in assignment", "can't use starred
//! expression here", `global` after use.

pub mod ast;
pub mod chain;
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
