//! Helpers shared by the integration tests: running a child process with a timeout
//! and null (or given) stdin, rendering its result as snapshot text, and finding
//! the example programs under `tests/programs/`.
//!
//! Each test crate includes this module with `mod common;` and uses only part of
//! it, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The `baton` binary built by this `cargo test` run (same profile as the tests),
/// or the program named by `BATON_TEST_BIN` when that is set (to check another
/// build, or to dry-run the harness against `python3` through a wrapper script).
pub fn baton() -> PathBuf {
    match std::env::var_os("BATON_TEST_BIN") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_BIN_EXE_baton")),
    }
}

/// Default time limit for one program run.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// How a child process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Exited normally with this status code.
    Code(i32),
    /// Killed by a signal (Unix), e.g. a crash.
    Signal(i32),
    /// Ran past the time limit and was killed by the harness.
    Timeout,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "{c}"),
            Exit::Signal(s) => write!(f, "signal {s}"),
            Exit::Timeout => write!(f, "timeout"),
        }
    }
}

/// Captured result of one child process.
#[derive(Debug, Clone)]
pub struct Run {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub exit: Exit,
}

impl Run {
    pub fn stdout_text(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// The exit code, or `None` after a signal or timeout.
    pub fn code(&self) -> Option<i32> {
        match self.exit {
            Exit::Code(c) => Some(c),
            _ => None,
        }
    }

    /// A readable dump for assertion messages.
    pub fn describe(&self) -> String {
        format!(
            "exit: {}\n--- stdout\n{}\n--- stderr\n{}",
            self.exit,
            tail(&self.stdout_text(), 2000),
            tail(&self.stderr_text(), 2000)
        )
    }

    /// Fails if stderr shows a Rust panic: any input must give a language-level error.
    pub fn assert_no_panic(&self) {
        let err = self.stderr_text();
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "baton panicked:\n{}",
            self.describe()
        );
        assert!(
            !matches!(self.exit, Exit::Signal(_)),
            "baton was killed by a signal:\n{}",
            self.describe()
        );
    }
}

/// The last `max` bytes of `text` (on a char boundary), for readable failure output.
pub fn tail(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Runs `cmd` with the given stdin bytes (or a null stdin), capturing stdout and
/// stderr, and kills it once `timeout` has passed.
pub fn run(cmd: &mut Command, stdin: Option<&[u8]>, timeout: Duration) -> Run {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    // Keep Rust's own diagnostics out of the child's behaviour.
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));

    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        let bytes = bytes.to_vec();
        // A child that exits early closes the pipe; that write error is expected.
        thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        })
    });
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });

    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_of(status),
            Ok(None) if start.elapsed() >= timeout => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::Timeout;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for {cmd:?} failed: {e}"),
        }
    };
    if let Some(w) = writer {
        let _ = w.join();
    }
    Run {
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        exit,
    }
}

/// How a finished child process ended.
#[cfg(unix)]
pub fn exit_of(status: std::process::ExitStatus) -> Exit {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(c), _) => Exit::Code(c),
        (None, Some(s)) => Exit::Signal(s),
        (None, None) => Exit::Code(-1),
    }
}

/// How a finished child process ended.
#[cfg(not(unix))]
pub fn exit_of(status: std::process::ExitStatus) -> Exit {
    Exit::Code(status.code().unwrap_or(-1))
}

/// A `baton` command running `file` (a path relative to `dir`) with `dir` as cwd,
/// so tracebacks show the bare file name whatever machine runs the tests.
pub fn baton_in(dir: &Path, file: &str) -> Command {
    let mut cmd = Command::new(baton());
    cmd.arg(file).current_dir(dir);
    cmd
}

/// Runs a program file with `baton`, its directory as cwd, null stdin and the
/// default timeout, with the options its header asks for (`# baton-args: ...`).
pub fn run_program(path: &Path) -> Run {
    let (dir, name) = split_path(path);
    let args = baton_args(&std::fs::read(path).unwrap_or_default());
    let mut cmd = Command::new(baton());
    cmd.args(&args).arg(&name).current_dir(&dir);
    run(&mut cmd, None, TIMEOUT)
}

/// Removes the program's own directory from paths in its output, so a message
/// that names `/abs/dir/NAME.py` (as CPython's tracebacks do) reads `NAME.py`
/// on every machine.
pub fn strip_dir(run: &Run, path: &Path) -> Run {
    let (dir, _) = split_path(path);
    let prefix = format!("{}{}", dir.display(), std::path::MAIN_SEPARATOR);
    let strip = |bytes: &[u8]| -> Vec<u8> {
        String::from_utf8_lossy(bytes)
            .replace(&prefix, "")
            .into_bytes()
    };
    Run {
        stdout: strip(&run.stdout),
        stderr: strip(&run.stderr),
        exit: run.exit.clone(),
    }
}

/// Splits a program path into its (absolute) directory and bare file name.
pub fn split_path(path: &Path) -> (PathBuf, String) {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
    };
    let dir = abs
        .parent()
        .expect("a program lives in a directory")
        .to_path_buf();
    let name = abs
        .file_name()
        .expect("a program has a file name")
        .to_string_lossy()
        .into_owned();
    (dir, name)
}

/// Renders a run as snapshot text: stdout, stderr and an `exit:` footer. Each
/// stream notes a missing final newline, because insta trims trailing whitespace.
pub fn render(run: &Run) -> String {
    let mut text = String::new();
    for (label, bytes) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        text.push_str(&format!("--- {label}\n"));
        let body = String::from_utf8_lossy(bytes);
        text.push_str(&body);
        if !body.is_empty() && !body.ends_with('\n') {
            text.push_str("\n\\ no newline at end\n");
        }
    }
    text.push_str(&format!("--- exit: {}\n", run.exit));
    text
}

/// The header comment block of a program: its leading lines that start with `#`.
pub fn header(source: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(source)
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect()
}

/// Helper modules (imported by other programs) say `# helper: ...` in their header.
pub fn is_helper(source: &[u8]) -> bool {
    header(source).iter().any(|l| l.starts_with("helper:"))
}

/// Programs whose behaviour differs from CPython on purpose say `# differential: no`.
pub fn is_differential(source: &[u8]) -> bool {
    !header(source)
        .iter()
        .any(|l| l.replace(' ', "") == "differential:no")
}

/// Applies `f` to every item on a few worker threads (one per core, at most 8) and
/// returns the results in the items' order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let workers = thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let r = f(item);
                results.lock().unwrap()[i] = Some(r);
            });
        }
    });
    results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

/// Every `.py` file under `tests/programs`, sorted, helpers included.
pub fn program_files() -> Vec<PathBuf> {
    files_under("tests/programs")
}

/// The teaching examples of the coroutine lifecycle (`tests/examples/*.py`).
pub fn example_files() -> Vec<PathBuf> {
    files_under("tests/examples")
}

fn files_under(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    collect_py(&root, &mut files);
    files.sort();
    files
}

fn collect_py(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_py(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// A fresh, empty directory under the system temp dir, removed on drop.
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "baton-test-{tag}-{}-{nanos}-{n}",
            std::process::id()
        ));
        std::fs::create_dir_all(&path).expect("create temp dir");
        // Canonical, so paths in messages match what the child sees as its cwd.
        let path = path.canonicalize().unwrap_or(path);
        TempDir { path }
    }

    /// Writes `bytes` to `name` inside the directory and returns the full path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path.join(name);
        std::fs::write(&p, bytes).expect("write temp file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Extra command-line options a program asks for in its header, as in
/// `# baton-args: --virtual-time` (placed before the file name).
pub fn baton_args(source: &[u8]) -> Vec<String> {
    header(source)
        .iter()
        .filter_map(|l| l.strip_prefix("baton-args:"))
        .flat_map(|a| a.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// `Some(version)` when `python3` runs and is CPython 3.11 (the differential oracle);
/// tests that need it skip cleanly otherwise.
pub fn python311_version() -> Option<String> {
    let out = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    text.starts_with("Python 3.11").then_some(text)
}
