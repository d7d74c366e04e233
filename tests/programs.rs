//! Snapshot tests of the example programs in `tests/programs/<feature>/NAME.py` and
//! the coroutine-lifecycle examples in `tests/examples/NAME.py`.
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
    let mut results = run_all(common::program_files());
    let settings = settings();
    settings.bind(|| {
        insta::glob!("programs/**/*.py", |path| {
            if let Some(text) = rendered(path, &mut results) {
                insta::assert_snapshot!(text);
            }
        });
    });
}

/// The lifecycle examples under `tests/examples/`, one per concept.
#[test]
fn examples() {
    let mut results = run_all(common::example_files());
    let settings = settings();
    settings.bind(|| {
        insta::glob!("examples/*.py", |path| {
            if let Some(text) = rendered(path, &mut results) {
                insta::assert_snapshot!(text);
            }
        });
    });
}

fn settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings
}

/// Runs every program up front on all cores; the glob then only compares.
fn run_all(files: Vec<PathBuf>) -> HashMap<PathBuf, common::Run> {
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| !common::is_helper(&fs::read(p).unwrap_or_default()))
        .collect();
    let runs = common::parallel_map(&files, |p| common::strip_dir(&common::run_program(p), p));
    files.into_iter().zip(runs).collect()
}

/// The snapshot text of one program (None for helper modules).
fn rendered(path: &std::path::Path, results: &mut HashMap<PathBuf, common::Run>) -> Option<String> {
    let source = fs::read(path).expect("read program");
    if common::is_helper(&source) {
        return None;
    }
    let run = results
        .remove(path)
        .unwrap_or_else(|| common::strip_dir(&common::run_program(path), path));
    Some(common::render(&run))
}
