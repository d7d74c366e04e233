//! Fuzz target: the lexer and layout pass (`baton::syntax::lexer::tokenize`) on any
//! UTF-8 text. It must return tokens or a syntax error, never panic or hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(src) = std::str::from_utf8(data) {
        let lexed = baton::syntax::lexer::tokenize(src, 0, baton::syntax::lexer::Mode::Module);
        std::hint::black_box(lexed);
        let lexed = baton::syntax::lexer::tokenize(src, 0, baton::syntax::lexer::Mode::Expr);
        std::hint::black_box(lexed);
    }
});
