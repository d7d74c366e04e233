//! Fuzz target: the compiler fed by parsed input. Whatever parses must compile or give a
//! syntax error (rendered), the code must pass `compile::verify` (stack and block
//! discipline on every path) and disassemble.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let src = src.to_string();
    baton_fuzz::on_big_stack(move || {
        let Ok(ast) = baton::syntax::parse_module(&src) else {
            return;
        };
        let mut globals = baton::compile::SimpleResolver::default();
        match baton::compile::compile_module(&ast, &src, "<fuzz>", &mut globals) {
            Ok(code) => {
                if let Err(e) = baton::compile::verify(&code) {
                    panic!("compiled code fails verification: {e}");
                }
                std::hint::black_box(baton::compile::dis::disassemble(&code));
            }
            Err(e) => {
                std::hint::black_box(e.render("<fuzz>", &src));
            }
        }
    });
});
