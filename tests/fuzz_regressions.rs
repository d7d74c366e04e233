//! Regression tests for what the fuzzers and the program generator found: every file in
//! `tests/fuzz_regressions/` runs under `baton --max-steps 1000000` and must end without
//! a panic, a signal or a timeout. Files whose header does not say `# differential: no`
//! must also give python3's stdout and exit status (when CPython 3.11 is on PATH).
//! Inputs that are not valid UTF-8 keep the `.bin` extension and are checked for no
//! crash only.

mod common;

use common::{baton, parallel_map, run, split_path, Run, TIMEOUT};
use std::path::{Path, PathBuf};
use std::process::Command;

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("py" | "bin")));
    files.sort();
    files
}

fn run_baton(path: &Path) -> Run {
    let (dir, name) = split_path(path);
    run(
        Command::new(baton())
            .args(["--max-steps", "1000000"])
            .arg(&name)
            .current_dir(dir),
        None,
        TIMEOUT,
    )
}

fn run_python(path: &Path) -> Run {
    let (dir, name) = split_path(path);
    run(
        Command::new("python3")
            .args(["-B", "-X", "utf8"])
            .arg(&name)
            .current_dir(dir),
        None,
        TIMEOUT,
    )
}

#[test]
fn fuzz_regressions_do_not_crash_and_agree() {
    let files = cases();
    assert!(!files.is_empty(), "tests/fuzz_regressions/ is empty");
    let python = common::python311_version().is_some();
    let problems: Vec<String> = parallel_map(&files, |path| {
        let b = run_baton(path);
        let err = b.stderr_text();
        if err.contains("panicked") || err.contains("internal error") || b.code().is_none() {
            return Some(format!("{}: crashed\n{}", path.display(), b.describe()));
        }
        let bytes = std::fs::read(path).unwrap_or_default();
        let differential = path.extension().is_some_and(|e| e == "py")
            && !String::from_utf8_lossy(&bytes).contains("# differential: no");
        if python && differential {
            let p = run_python(path);
            if p.stdout != b.stdout || p.code() != b.code() {
                return Some(format!(
                    "{}: differs from python3\n--- python3\n{}\n--- baton\n{}",
                    path.display(),
                    p.describe(),
                    b.describe()
                ));
            }
        }
        None
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
