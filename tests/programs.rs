//! Snapshot tests of the example programs in `tests/programs/<feature>/NAME.py`.
//!
//! One glob-driven insta test runs `baton NAME.py` in each program's directory
//! (stdin null, 20 s limit) and snapshots stdout, stderr and the exit status
//! into `tests/snapshots/programs@<feature>__NAME.py.snap`. The program's own
//! directory is stripped from paths in the output, so snapshots are
//! machine-independent whether tracebacks name the file as given or absolute.
//! Helper modules (header line `# helper: ...`) are imported by other programs
//! and not run on their own.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

#[test]
fn programs() {
    // Run every program up front on all cores; the glob below then only compares.
    let files: Vec<PathBuf> = common::program_files()
        .into_iter()
        .filter(|p| !common::is_helper(&fs::read(p).unwrap_or_default()))
        .collect();
    let runs = common::parallel_map(&files, |p| common::strip_dir(&common::run_program(p), p));
    let mut results: HashMap<PathBuf, common::Run> = files.into_iter().zip(runs).collect();

    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::glob!("programs/**/*.py", |path| {
            let source = fs::read(path).expect("read program");
            if common::is_helper(&source) {
                return;
            }
            let run = results
                .remove(path)
                .unwrap_or_else(|| common::strip_dir(&common::run_program(path), path));
            insta::assert_snapshot!(common::render(&run));
        });
    });
}
