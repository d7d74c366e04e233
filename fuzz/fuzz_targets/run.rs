//! Fuzz target: the whole pipeline with execution, under a step budget
//! (`baton_fuzz::FUZZ_MAX_STEPS`) so that infinite loops and runaway recursion end.
//! Any input may print, raise or exhaust the budget; it must never panic, abort or hang.
//! Inputs that would block on the outside world (reading stdin, real sleeps and timeouts;
//! only `sleep(0)` stays) are skipped: wall-clock waiting is not the VM's to bound.
//! Imports look in a directory that does not exist.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let without_zero_sleeps = src.replace("sleep(0)", "");
    if [
        "input",
        "sleep",
        "wait_for",
        "timeout",
        "call_later",
        "call_at",
    ]
    .iter()
    .any(|w| without_zero_sleeps.contains(w))
    {
        return;
    }
    let src = src.to_string();
    baton_fuzz::on_big_stack(move || {
        let program = baton::run::Program {
            filename: "<fuzz>".into(),
            source: src,
            argv: vec!["<fuzz>".into()],
            script_dir: std::path::PathBuf::from("/nonexistent-baton-fuzz-dir"),
        };
        std::hint::black_box(baton::run::run_on_this_thread(
            program,
            Some(baton_fuzz::FUZZ_MAX_STEPS),
        ));
    });
});
