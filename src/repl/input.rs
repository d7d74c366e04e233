//! The input side of the REPL, on the main thread: rustyline with Baton's completion
//! and colouring, the `>>> ` / `... ` prompts with auto-indent, the decision (by Baton's
//! own parser) whether a block is finished, and the history file. It never touches VM
//! values: it sends finished inputs to the VM thread and gets back, with each "ready",
//! the names tab completion may offer.

use super::highlight;
use super::{Completions, FromVm, ToVm};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::history::{DefaultHistory, History};
use rustyline::validate::Validator;
use rustyline::{Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::mpsc::{Receiver, Sender};

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub struct ReplHelper {
    pub completions: Rc<RefCell<Completions>>,
    pub color: bool,
}

impl Helper for ReplHelper {}

impl Hinter for ReplHelper {
    type Hint = String;
}

/// Every line is accepted as typed: whether the block goes on is decided after each
/// line (see `status`), so that each continuation line gets its own `... ` prompt.
impl Validator for ReplHelper {}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let comp = self.completions.borrow();
        Ok(complete(&comp, line, pos))
    }
}

/// Candidates for the word before `pos`: attributes after a dot, otherwise names in
/// scope and keywords. Names starting with `__` are offered only when typed.
pub fn complete(comp: &Completions, line: &str, pos: usize) -> (usize, Vec<Pair>) {
    let Some(before) = line.get(..pos) else {
        return (pos, Vec::new());
    };
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    let word = &before[start..];
    let (offset, prefix, pool): (usize, &str, Vec<&str>) = match word.rfind('.') {
        Some(dot) => {
            let owner = &word[..dot];
            let attrs = comp
                .attrs
                .iter()
                .find(|(n, _)| n == owner)
                .map(|(_, a)| a.iter().map(String::as_str).collect())
                .unwrap_or_default();
            (start + dot + 1, &word[dot + 1..], attrs)
        }
        None => {
            let mut pool: Vec<&str> = comp.names.iter().map(String::as_str).collect();
            pool.extend(KEYWORDS.iter().copied());
            (start, word, pool)
        }
    };
    let mut out: Vec<Pair> = pool
        .into_iter()
        .filter(|n| n.starts_with(prefix) && (prefix.starts_with("__") || !n.starts_with("__")))
        .map(|n| Pair {
            display: n.to_string(),
            replacement: n.to_string(),
        })
        .collect();
    out.sort_by(|a, b| a.display.cmp(&b.display));
    out.dedup_by(|a, b| a.display == b.display);
    (offset, out)
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        match highlight::colorize(line) {
            Some(s) => Cow::Owned(s),
            None => Cow::Borrowed(line),
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Where the block being typed stands after its latest line.
#[derive(Debug, PartialEq)]
pub enum Status {
    /// Run it.
    Complete,
    /// Ask for another line with `... `.
    More,
}

/// Decided by Baton's parser: an input that merely ended too early (an open bracket,
/// an unterminated triple-quoted string, an unfinished block) goes on, and so does a
/// compound statement, which ends only with a blank line (as in CPython's REPL). A
/// blank line ends a block even when it is unfinished (the error is then reported),
/// but not inside brackets or a triple-quoted string.
pub fn status(block: &str) -> Status {
    let last_blank = block
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim().is_empty());
    if block.trim().is_empty() {
        return Status::Complete;
    }
    match crate::syntax::parse_module(block) {
        Err(e) if e.incomplete => {
            let spans_blank = e.msg.contains("was never closed") || e.msg.contains("triple-quoted");
            if last_blank && !spans_blank {
                Status::Complete
            } else {
                Status::More
            }
        }
        Err(_) => Status::Complete,
        Ok(module) => {
            use crate::syntax::ast::StmtKind;
            let compound = module.body.last().is_some_and(|s| {
                matches!(
                    s.kind,
                    StmtKind::If { .. }
                        | StmtKind::While { .. }
                        | StmtKind::For { .. }
                        | StmtKind::Try { .. }
                        | StmtKind::With { .. }
                        | StmtKind::FunctionDef(_)
                        | StmtKind::ClassDef(_)
                )
            });
            if compound && !last_blank {
                Status::More
            } else {
                Status::Complete
            }
        }
    }
}

/// The indentation offered on the next `... ` line: the last line's, one level deeper
/// after a line ending in `:`.
pub fn next_indent(block: &str) -> String {
    let last = block
        .trim_end_matches('\n')
        .rsplit('\n')
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let indent: String = last
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = match last.find('#') {
        Some(i) if !last[..i].contains(['\'', '"']) => &last[..i],
        _ => last,
    };
    if code.trim_end().ends_with(':') {
        format!("{}    ", indent)
    } else {
        indent
    }
}

pub fn history_path() -> Option<PathBuf> {
    match std::env::var_os("BATON_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(|h| PathBuf::from(h).join(".baton_history")),
    }
}

/// Loads the history file; on failure says why, and returns false (the file is then
/// left alone rather than overwritten).
fn load_history(editor: &mut Editor<ReplHelper, DefaultHistory>, path: &PathBuf) -> bool {
    if !path.exists() {
        return true;
    }
    match editor.load_history(path) {
        Ok(()) => true,
        Err(e) => {
            let why = match &e {
                ReadlineError::Io(io) if io.kind() == std::io::ErrorKind::InvalidData => {
                    "it is not a readable history file (not UTF-8)".to_string()
                }
                other => other.to_string(),
            };
            eprintln!(
                "baton: cannot read the history file {} ({}); history will not be saved this session",
                path.display(),
                why
            );
            let _ = editor.clear_history();
            false
        }
    }
}

fn save_history(editor: &mut Editor<ReplHelper, DefaultHistory>, path: &PathBuf) {
    if let Err(e) = editor.save_history(path) {
        eprintln!(
            "baton: cannot write the history file {}: {}",
            path.display(),
            e
        );
    }
}

/// Reads inputs until the session ends; returns the exit status.
pub fn input_loop(
    mut editor: Editor<ReplHelper, DefaultHistory>,
    completions: Rc<RefCell<Completions>>,
    to_vm: Sender<ToVm>,
    from_vm: Receiver<FromVm>,
) -> i32 {
    let history = history_path();
    let save = match &history {
        Some(h) => load_history(&mut editor, h),
        None => false,
    };
    let _ = editor.history_mut().ignore_dups(true);
    let status = loop {
        // Wait until the VM has finished the previous input.
        match from_vm.recv() {
            Ok(FromVm::Ready(c)) => *completions.borrow_mut() = c,
            Ok(FromVm::Exit(code)) => break code,
            Err(_) => {
                eprintln!("baton: internal error: the interpreter stopped");
                break 70;
            }
        }
        match read_block(&mut editor) {
            Read::Block(block) => {
                let entry = block.trim_end();
                let _ = editor.add_history_entry(entry);
                let word = block.trim();
                if word == "exit" || word == "quit" {
                    let _ = to_vm.send(ToVm::Exit);
                    break wait_exit(&from_vm);
                }
                if to_vm.send(ToVm::Run(block)).is_err() {
                    break 70;
                }
            }
            Read::Eof => {
                println!();
                let _ = to_vm.send(ToVm::Exit);
                break wait_exit(&from_vm);
            }
            Read::Failed(e) => {
                eprintln!("baton: cannot read the terminal: {}", e);
                let _ = to_vm.send(ToVm::Exit);
                break 1;
            }
        }
    };
    if let (Some(h), true) = (&history, save) {
        save_history(&mut editor, h);
    }
    status
}

/// The VM's status once it has ended the session (bounded: a VM stuck in a task that
/// never yields must not keep the terminal).
fn wait_exit(from_vm: &Receiver<FromVm>) -> i32 {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        match from_vm.recv_timeout(left) {
            Ok(FromVm::Exit(code)) => return code,
            Ok(FromVm::Ready(_)) => continue,
            Err(_) => return 0,
        }
    }
}

enum Read {
    Block(String),
    Eof,
    Failed(ReadlineError),
}

/// A terminal rustyline cannot drive (it would read it line by line itself, but drop
/// lines typed ahead): read it plainly, without editing.
fn plain_terminal() -> bool {
    matches!(
        std::env::var("TERM").as_deref(),
        Ok("dumb") | Ok("cons25") | Ok("emacs")
    )
}

fn plain_readline(prompt: &str) -> rustyline::Result<String> {
    use std::io::{BufRead, Write};
    print!("{}", prompt);
    let _ = std::io::stdout().flush();
    let mut bytes = Vec::new();
    if std::io::stdin().lock().read_until(b'\n', &mut bytes)? == 0 {
        return Err(ReadlineError::Eof);
    }
    while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        bytes.pop();
    }
    String::from_utf8(bytes).map_err(|_| ReadlineError::Io(std::io::ErrorKind::InvalidData.into()))
}

/// Reads one input: a line, or a block of lines with `... ` prompts.
fn read_block(editor: &mut Editor<ReplHelper, DefaultHistory>) -> Read {
    let mut block = String::new();
    loop {
        let (prompt, indent) = if block.is_empty() {
            (">>> ", String::new())
        } else {
            ("... ", next_indent(&block))
        };
        // A Ctrl-C typed between two prompts (the terminal is not raw then) must not
        // interrupt the next input, unless background code is running to take it.
        if !super::session::busy_for(0) {
            crate::vm::signals::clear_interrupt();
        }
        let got = if plain_terminal() {
            plain_readline(prompt)
        } else {
            editor.readline_with_initial(prompt, (&indent, ""))
        };
        match got {
            Ok(line) => {
                if block.is_empty() && line.trim().is_empty() {
                    continue;
                }
                if !block.is_empty() {
                    block.push('\n');
                }
                block.push_str(&line);
                if block.trim_start().starts_with('%') {
                    return Read::Block(block);
                }
                if status(&block) == Status::Complete {
                    return Read::Block(block);
                }
            }
            Err(ReadlineError::Interrupted) => {
                // Ctrl-C clears the line (and any unfinished block). When a background
                // task has held the interpreter for a while (a loop that never awaits),
                // it also interrupts that task, or the prompt could never run anything.
                if super::session::busy_for(500) {
                    crate::vm::signals::interrupt();
                    println!("KeyboardInterrupt (sent to the task that is running)");
                } else {
                    println!("KeyboardInterrupt");
                }
                block.clear();
            }
            Err(ReadlineError::Eof) => {
                if block.is_empty() {
                    return Read::Eof;
                }
                // Ctrl-D inside a block ends the block, as a blank line would.
                return Read::Block(block);
            }
            Err(ReadlineError::Io(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                eprintln!("baton: the input was not valid UTF-8; the line was discarded");
                block.clear();
            }
            Err(e) => return Read::Failed(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{complete, next_indent, status, Completions, Status};

    #[test]
    fn blocks_are_decided_by_the_parser() {
        assert_eq!(status("x = 1"), Status::Complete);
        assert_eq!(status("x = (1,"), Status::More);
        assert_eq!(status("x = (1,\n"), Status::More);
        assert_eq!(status("s = \"\"\"abc"), Status::More);
        assert_eq!(status("s = \"\"\"abc\n"), Status::More);
        assert_eq!(status("if x:"), Status::More);
        assert_eq!(status("if x: pass"), Status::More);
        assert_eq!(status("if x:\n    y = 1"), Status::More);
        assert_eq!(status("async def f():\n    for i in x:"), Status::More);
        assert_eq!(
            status("async def f():\n    for i in x:\n"),
            Status::Complete
        );
        assert_eq!(status("if x:\n    y = 1\n"), Status::Complete);
        assert_eq!(status("if x:\n    y = 1\n    "), Status::Complete);
        assert_eq!(status("if x:\n"), Status::Complete);
        assert_eq!(status("x = )"), Status::Complete);
        assert_eq!(status("x = (1,\n2)"), Status::Complete);
        assert_eq!(status("s = 'abc"), Status::Complete);
        assert_eq!(status("await asyncio.sleep(0)"), Status::Complete);
    }

    #[test]
    fn indent_follows_the_block() {
        assert_eq!(next_indent("def f():"), "    ");
        assert_eq!(next_indent("def f():\n    if x:  # why"), "        ");
        assert_eq!(next_indent("def f():\n    x = 1"), "    ");
        assert_eq!(next_indent("x = (1,"), "");
    }

    #[test]
    fn completion_offers_names_attributes_and_keywords() {
        let comp = Completions {
            names: vec!["print".into(), "prices".into(), "__name__".into()],
            attrs: vec![("s".into(), vec!["upper".into(), "split".into()])],
        };
        let names = |line: &str| -> Vec<String> {
            complete(&comp, line, line.len())
                .1
                .into_iter()
                .map(|p| p.replacement)
                .collect()
        };
        assert_eq!(names("pr"), ["prices", "print"]);
        assert_eq!(names("x = s.u"), ["upper"]);
        assert_eq!(names("whi"), ["while"]);
        assert_eq!(names("__n"), ["__name__"]);
        assert!(names("").iter().all(|n| !n.starts_with("__")));
        assert_eq!(complete(&comp, "x = s.sp", 8).0, 6);
    }
}
