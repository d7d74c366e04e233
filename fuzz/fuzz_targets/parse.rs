//! Fuzz target: the parser (`baton::syntax::parse_module`, lexer included) on any UTF-8
//! text; a syntax error must render in CPython's format without panicking.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let src = src.to_string();
    baton_fuzz::on_big_stack(move || match baton::syntax::parse_module(&src) {
        Ok(m) => {
            std::hint::black_box(m);
        }
        Err(e) => {
            std::hint::black_box(e.render("<fuzz>", &src));
        }
    });
});
