//! Generated bad and extreme inputs, written to a fresh temp directory at test
//! time rather than committed: a 10 MB program, 10,000 nested parentheses,
//! 100,000 nested `[`, a non-UTF-8 file, a file with a NUL byte and an empty
//! file. Each must give CPython's diagnostic (or run correctly) and never a
//! Rust panic.

mod common;

use common::{baton, run, Exit, Run, TempDir};
use std::process::Command;
use std::time::Duration;

/// Writes `source` as `name` in a fresh temp dir and runs it there with baton.
fn run_source(tag: &str, name: &str, source: &[u8], timeout: Duration) -> Run {
    let dir = TempDir::new(tag);
    dir.write(name, source);
    let result = run(
        Command::new(baton()).arg(name).current_dir(&dir.path),
        None,
        timeout,
    );
    result.assert_no_panic();
    result
}

/// Asserts a SyntaxError run: exit 1, nothing on stdout, `needle` on stderr.
fn assert_syntax_error(result: &Run, needle: &str) {
    assert_eq!(result.exit, Exit::Code(1), "{}", result.describe());
    assert!(result.stdout.is_empty(), "{}", result.describe());
    assert!(
        result.stderr_text().contains(needle),
        "stderr lacks {needle:?}\n{}",
        result.describe()
    );
}

#[test]
fn ten_megabyte_program_runs() {
    let mut src = String::from("# generated: a 10 MB program\ntotal = 0\n");
    let mut i: u64 = 0;
    let mut expected: u64 = 0;
    while src.len() < 10 * 1024 * 1024 {
        if i.is_multiple_of(1000) {
            src.push_str(&format!(
                "def f{i}(x):\n    return x + {i}\ntotal = f{i}(total)\n"
            ));
            expected += i;
        }
        src.push_str(&format!("total = total + {i} * 2 - {i}  # line {i}\n"));
        expected += i;
        i += 1;
    }
    src.push_str(&format!("print(\"lines\", {i}, \"total\", total)\n"));
    let result = run_source("big", "big.py", src.as_bytes(), Duration::from_secs(120));
    assert_eq!(result.exit, Exit::Code(0), "{}", result.describe());
    assert_eq!(
        result.stdout_text(),
        format!("lines {i} total {expected}\n"),
        "{}",
        result.describe()
    );
}

#[test]
fn ten_thousand_nested_parentheses() {
    let n = 10_000;
    let src = format!("x = {}1{}\nprint(x)\n", "(".repeat(n), ")".repeat(n));
    let result = run_source("parens", "parens.py", src.as_bytes(), common::TIMEOUT);
    assert_syntax_error(&result, "SyntaxError: too many nested parentheses");
}

#[test]
fn hundred_thousand_nested_lists() {
    let n = 100_000;
    let src = format!("x = {}\nprint(x)\n", "[".repeat(n));
    let result = run_source("lists", "lists.py", src.as_bytes(), common::TIMEOUT);
    assert_syntax_error(&result, "SyntaxError: too many nested parentheses");
}

#[test]
fn moderate_nesting_is_fine() {
    // CPython's limit is 200 levels; 100 must parse and run.
    let n = 100;
    let src = format!(
        "print({}1{})\nprint({}{})\n",
        "(".repeat(n),
        ")".repeat(n),
        "[".repeat(n),
        "]".repeat(n)
    );
    let result = run_source("nest-ok", "nest.py", src.as_bytes(), common::TIMEOUT);
    assert_eq!(result.exit, Exit::Code(0), "{}", result.describe());
    assert_eq!(
        result.stdout_text(),
        format!("1\n{}{}\n", "[".repeat(n), "]".repeat(n)),
        "{}",
        result.describe()
    );
}

#[test]
fn non_utf8_source() {
    // CPython names the file by its absolute path in this message.
    let dir = TempDir::new("nonutf8");
    let file = dir.write("latin.py", b"x = '\xff'\nprint(x)\n");
    let result = run(
        Command::new(baton()).arg("latin.py").current_dir(&dir.path),
        None,
        common::TIMEOUT,
    );
    result.assert_no_panic();
    assert_syntax_error(
        &result,
        &format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file {} on line 1, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details",
            file.display()
        ),
    );
}

#[test]
fn nul_byte_in_source() {
    let result = run_source("nul", "nul.py", b"x = 1\n\x00\n", common::TIMEOUT);
    assert_syntax_error(
        &result,
        "SyntaxError: source code cannot contain null bytes",
    );
}

#[test]
fn empty_file() {
    let result = run_source("empty", "empty.py", b"", common::TIMEOUT);
    assert_eq!(result.exit, Exit::Code(0), "{}", result.describe());
    assert!(result.stdout.is_empty(), "{}", result.describe());
    assert!(result.stderr.is_empty(), "{}", result.describe());
}

#[test]
fn no_trailing_newline_and_crlf() {
    let result = run_source(
        "eol",
        "eol.py",
        b"if True:\r\n    print('crlf')\r\nprint('last')",
        common::TIMEOUT,
    );
    assert_eq!(result.exit, Exit::Code(0), "{}", result.describe());
    assert_eq!(
        result.stdout_text(),
        "crlf\nlast\n",
        "{}",
        result.describe()
    );
}
