//! Mutated programs never crash Baton. Every example program is cut short, given a
//! stray token, or has its lines shuffled (deterministically, by a fixed-seed
//! generator); whatever Baton makes of the result (a SyntaxError, an exception, a
//! normal run), it must not panic or die from a signal.

mod common;

use common::{baton, run, TempDir};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// A small xorshift generator: the same mutations on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(", ")", ":", "\n    ", "await ", "yield ", "\"", "[", "}", "lambda", ",", "*", "**", ".",
    "=", "async ", "return ", "\\", "'''",
];

/// One mutation of `src`, chosen by `rng`.
fn mutate(src: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = src.chars().collect();
    match rng.below(3) {
        0 => chars[..rng.below(chars.len() + 1)].iter().collect(),
        1 => {
            let at = rng.below(chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push_str(TOKENS[rng.below(TOKENS.len())]);
            out.extend(&chars[at..]);
            out
        }
        _ => {
            let mut lines: Vec<&str> = src.lines().collect();
            for i in (1..lines.len()).rev() {
                let j = rng.below(i + 1);
                lines.swap(i, j);
            }
            lines.join("\n")
        }
    }
}

#[test]
fn mutated_programs_never_crash() {
    let files: Vec<PathBuf> = common::program_files()
        .into_iter()
        .chain(common::example_files())
        .collect();
    let mut cases = Vec::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap_or_default();
        for _ in 0..3 {
            cases.push(mutate(&src, &mut rng));
        }
    }
    let failures: Vec<String> = common::parallel_map(&cases, |source| {
        let dir = TempDir::new("mutation");
        dir.write("case.py", source.as_bytes());
        let result = run(
            Command::new(baton()).arg("case.py").current_dir(&dir.path),
            None,
            Duration::from_secs(20),
        );
        let err = result.stderr_text();
        // A mutated program may legitimately loop forever (a shuffled `break`), so a
        // time-out is not a crash; a panic, a signal or an internal-error status is.
        let crashed = err.contains("panicked")
            || err.contains("RUST_BACKTRACE")
            || matches!(result.exit, common::Exit::Signal(_))
            || matches!(result.exit, common::Exit::Code(101 | 70));
        crashed.then(|| format!("{}\n--- source ---\n{}", result.describe(), source))
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(
        failures.is_empty(),
        "{} of {} mutated programs crashed Baton:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
