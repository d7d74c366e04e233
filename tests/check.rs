//! Tests of `baton check FILE`: snapshots of its report on the fixtures in
//! `tests/check/` (every kind of finding, a syntax error, a clean program), and a run
//! over every program in `tests/programs/` and `tests/examples/`, which must come out
//! clean except the intentional-error programs (`tests/programs/errors/`) and the
//! never-awaited example; their reports are snapshotted too.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

/// Programs outside `tests/programs/errors/` that show a mistake on purpose.
const INTENDED: &[&str] = &["tests/examples/06_never_awaited.py"];

fn check(rel: &str) -> common::Run {
    let mut cmd = Command::new(common::baton());
    cmd.args(["check", rel])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let run = common::run(&mut cmd, None, common::TIMEOUT);
    run.assert_no_panic();
    run
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn check_fixtures() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        insta::glob!("check/*.py", |path| {
            let rel = relative(path);
            insta::assert_snapshot!(common::render(&check(&rel)));
        });
    });
}

/// Exit status and output agree: 0 with nothing printed, or 1 with one line per
/// finding, each `file:line:col: message`.
fn well_formed(rel: &str, run: &common::Run) {
    let out = run.stdout_text();
    assert!(run.stderr.is_empty(), "{rel}: stderr {}", run.stderr_text());
    match run.code() {
        Some(0) => assert!(out.is_empty(), "{rel}: exit 0 but printed {out}"),
        Some(1) => {
            assert!(!out.is_empty(), "{rel}: exit 1 with no finding");
            for line in out.lines() {
                let rest = line
                    .strip_prefix(&format!("{rel}:"))
                    .unwrap_or_else(|| panic!("{rel}: finding without the file name: {line}"));
                let mut parts = rest.splitn(3, ':');
                let nums: Vec<_> = parts.by_ref().take(2).collect();
                assert!(
                    nums.len() == 2 && nums.iter().all(|n| n.parse::<usize>().is_ok()),
                    "{rel}: finding without line:col: {line}"
                );
                assert!(parts.next().is_some_and(|m| m.starts_with(' ')), "{line}");
            }
        }
        other => panic!("{rel}: unexpected exit {other:?}"),
    }
}

#[test]
fn corpus_is_clean_except_intended_errors() {
    let files: Vec<PathBuf> = common::program_files()
        .into_iter()
        .chain(common::example_files())
        .collect();
    let rels: Vec<String> = files.iter().map(|p| relative(p)).collect();
    let runs = common::parallel_map(&rels, |rel| check(rel));
    let mut unexpected = Vec::new();
    let mut report = String::new();
    for (rel, run) in rels.iter().zip(&runs) {
        well_formed(rel, run);
        if run.code() == Some(0) {
            continue;
        }
        let intended =
            rel.starts_with("tests/programs/errors/") || INTENDED.contains(&rel.as_str());
        if !intended {
            unexpected.push(run.stdout_text());
        }
        report.push_str(&run.stdout_text());
    }
    assert!(
        unexpected.is_empty(),
        "baton check reports findings on programs that have none:\n{}",
        unexpected.concat()
    );
    insta::assert_snapshot!("corpus_findings", report);
}

#[test]
fn missing_file() {
    let run = check("tests/check/no_such_file.py");
    assert_eq!(run.code(), Some(2));
    assert!(run.stderr_text().contains("No such file or directory"));
}
