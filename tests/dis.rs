//! Snapshot tests of `baton dis FILE` on the tiny programs in `tests/dis/`.
//!
//! The disassembly format is Baton's own (not CPython's), so these snapshots are
//! reviewed by hand whenever the compiler or the instruction set changes.

mod common;

use std::process::Command;

#[test]
fn disassembly() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::glob!("dis/*.py", |path| {
            let name = path.file_name().expect("file name").to_string_lossy();
            let rel = format!("tests/dis/{name}");
            let mut cmd = Command::new(common::baton());
            cmd.args(["dis", &rel])
                .current_dir(env!("CARGO_MANIFEST_DIR"));
            let result = common::run(&mut cmd, None, common::TIMEOUT);
            result.assert_no_panic();
            insta::assert_snapshot!(common::render(&result));
        });
    });
}
