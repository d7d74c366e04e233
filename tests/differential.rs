//! Differential test: every example program under `tests/programs` must give the
//! same stdout (byte for byte) and the same exit status under `baton` as under
//! CPython 3.11 (`python3` on PATH). Programs whose header has the line
//! `# differential: no` (Baton's own wording for unsupported features) and helper
//! modules (`# helper: ...`) are skipped. Without a usable python3 3.11 the test
//! prints a notice and passes. All mismatches are reported together.

mod common;

use common::{baton, run, split_path, Run, TIMEOUT};
use std::path::{Path, PathBuf};
use std::process::Command;

fn run_python(path: &Path) -> Run {
    let (dir, name) = split_path(path);
    let mut cmd = Command::new("python3");
    // -B: no __pycache__ beside helper modules; -X utf8: UTF-8 stdout whatever the locale.
    cmd.args(["-B", "-X", "utf8"])
        .arg(&name)
        .current_dir(dir)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONSTARTUP")
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONWARNINGS");
    run(&mut cmd, None, TIMEOUT)
}

fn run_baton(path: &Path) -> Run {
    let (dir, name) = split_path(path);
    // The options a program's header asks for (`# baton-args: --virtual-time`).
    let args = common::baton_args(&std::fs::read(path).unwrap_or_default());
    run(
        Command::new(baton())
            .args(&args)
            .arg(&name)
            .current_dir(dir),
        None,
        TIMEOUT,
    )
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    for i in 0..e.len().max(g.len()) {
        let (el, gl) = (e.get(i), g.get(i));
        if el != gl {
            return format!(
                "first difference at stdout line {}:\n    python3: {:?}\n    baton:   {:?}",
                i + 1,
                el.copied().unwrap_or("<end of output>"),
                gl.copied().unwrap_or("<end of output>")
            );
        }
    }
    "stdout differs only in its final newline".to_string()
}

fn compare(root: &Path, path: &Path) -> Option<String> {
    let rel = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    let expected = run_python(path);
    if expected.exit == common::Exit::Timeout {
        return Some(format!("{rel}: python3 itself timed out"));
    }
    let got = run_baton(path);
    let mut why = Vec::new();
    if got.exit != expected.exit {
        why.push(format!("exit {} (python3: {})", got.exit, expected.exit));
    }
    if got.stdout != expected.stdout {
        why.push(first_difference(
            &expected.stdout_text(),
            &got.stdout_text(),
        ));
    }
    if why.is_empty() {
        return None;
    }
    let stderr = got.stderr_text();
    let stderr = if stderr.trim().is_empty() {
        "    (empty)".to_string()
    } else {
        common::tail(&stderr, 600)
            .lines()
            .map(|l| format!("    {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(format!(
        "{rel}: {}\n  baton stderr (tail):\n{stderr}",
        why.join("; ")
    ))
}

#[test]
fn programs_match_cpython() {
    let Some(version) = common::python311_version() else {
        println!("differential test skipped: python3 (CPython 3.11) is not on PATH");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let programs: Vec<PathBuf> = common::program_files()
        .into_iter()
        .chain(common::example_files())
        .filter(|p| {
            let src = std::fs::read(p).unwrap_or_default();
            !common::is_helper(&src) && common::is_differential(&src)
        })
        .collect();
    assert!(!programs.is_empty(), "no programs found under {root:?}");

    let mut failures: Vec<String> = common::parallel_map(&programs, |p| compare(&root, p))
        .into_iter()
        .flatten()
        .collect();
    failures.sort();
    println!(
        "differential: {} programs against {version}, {} mismatches",
        programs.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from {version}:\n\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n\n")
    );
}
