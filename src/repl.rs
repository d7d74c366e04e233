//! The REPL: `baton` with no arguments on a terminal. Input is read with rustyline;
//! whether a block is finished is decided by Baton's own parser (an unclosed bracket,
//! an unterminated triple-quoted string or an unfinished block asks for more), and a
//! compound statement ends with a blank line, as in CPython's REPL. Expression values
//! are echoed with `repr` and kept in `_`; errors print their traceback and keep all
//! state. History persists in `~/.baton_history` (`BATON_HISTORY` overrides the path;
//! empty disables it). Tab completes names, keywords and attributes; the input is
//! coloured unless `NO_COLOR` is set or the terminal is dumb. Ctrl-C clears the line,
//! or interrupts running code with KeyboardInterrupt; Ctrl-D, `exit` or `quit` leave.

use crate::modules::import::RunError;
use crate::vm::value::{Module, PyStr, Value};
use crate::vm::Vm;
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Editor, Helper};
use std::borrow::Cow;
use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// What tab completion can offer, refreshed after every input.
#[derive(Default)]
struct Completions {
    /// Global and builtin names.
    names: Vec<String>,
    /// Attribute names of each global, by the global's name.
    attrs: Vec<(String, Vec<String>)>,
}

struct ReplHelper {
    completions: Rc<RefCell<Completions>>,
    color: bool,
}

impl Helper for ReplHelper {}

impl Hinter for ReplHelper {
    type Hint = String;
}

impl Validator for ReplHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        Ok(if needs_more_input(ctx.input()) {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

/// Does this input need more lines? Decided by the parser, plus CPython's rule that a
/// compound statement ends with a blank line.
fn needs_more_input(input: &str) -> bool {
    if input.trim().is_empty() {
        return false;
    }
    match crate::syntax::parse_module(input) {
        Err(e) => e.incomplete,
        Ok(module) => {
            use crate::syntax::ast::StmtKind;
            // A compound statement may go on with more indented lines: it ends only
            // with an empty line.
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
            compound && !input.ends_with('\n')
        }
    }
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map_or(0, |i| i + 1);
        let word = &before[start..];
        let comp = self.completions.borrow();
        let (offset, prefix, pool): (usize, &str, Vec<&String>) = match word.rfind('.') {
            Some(dot) => {
                let owner = &word[..dot];
                let attrs = comp
                    .attrs
                    .iter()
                    .find(|(n, _)| n == owner)
                    .map(|(_, a)| a.iter().collect())
                    .unwrap_or_default();
                (start + dot + 1, &word[dot + 1..], attrs)
            }
            None => (start, word, comp.names.iter().collect()),
        };
        let mut out: Vec<Pair> = pool
            .into_iter()
            .map(String::as_str)
            .chain(
                if word.contains('.') {
                    &[][..]
                } else {
                    KEYWORDS
                }
                .iter()
                .copied(),
            )
            .filter(|n| n.starts_with(prefix) && !n.starts_with("__"))
            .map(|n| Pair {
                display: n.to_string(),
                replacement: n.to_string(),
            })
            .collect();
        out.sort_by(|a, b| a.display.cmp(&b.display));
        out.dedup_by(|a, b| a.display == b.display);
        Ok((offset, out))
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color {
            return Cow::Borrowed(line);
        }
        Cow::Owned(colorize(line))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        self.color
    }
}

/// Keywords bold blue, strings green, numbers cyan, comments grey.
fn colorize(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let rest: String = chars[i..].iter().collect();
            out.push_str(&format!("\x1b[90m{}\x1b[0m", rest));
            break;
        } else if c == '"' || c == '\'' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = (i + 1).min(chars.len());
            let s: String = chars[start..end].iter().collect();
            out.push_str(&format!("\x1b[32m{}\x1b[0m", s));
            i = end;
            continue;
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push_str(&format!("\x1b[36m{}\x1b[0m", s));
            continue;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if KEYWORDS.contains(&word.as_str()) {
                out.push_str(&format!("\x1b[1;34m{}\x1b[0m", word));
            } else {
                out.push_str(&word);
            }
            continue;
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

fn history_path() -> Option<PathBuf> {
    match std::env::var("BATON_HISTORY") {
        Ok(p) if p.is_empty() => None,
        Ok(p) => Some(PathBuf::from(p)),
        Err(_) => std::env::var("HOME")
            .ok()
            .map(|h| PathBuf::from(h).join(".baton_history")),
    }
}

fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// Refreshes what tab completion offers from the session's namespace.
fn refresh_completions(vm: &mut Vm, main: &Rc<Module>, into: &Rc<RefCell<Completions>>) {
    let mut names: Vec<String> = main
        .names()
        .iter()
        .map(|(n, _)| n.as_str().to_string())
        .collect();
    names.extend(
        vm.builtins
            .names()
            .iter()
            .map(|(n, _)| n.as_str().to_string()),
    );
    let mut attrs = Vec::new();
    for (name, value) in main.names() {
        let mut list: Vec<String> = Vec::new();
        match &value {
            Value::Module(m) => list.extend(m.names().iter().map(|(n, _)| n.as_str().to_string())),
            Value::Instance(inst) => {
                list.extend(inst.dict.borrow().keys().iter().filter_map(|k| match k {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                }));
            }
            _ => {}
        }
        let class = match &value {
            Value::Class(c) => c.clone(),
            other => vm.type_of(other),
        };
        for c in class.mro_iter() {
            list.extend(c.dict.borrow().keys().iter().filter_map(|k| match k {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            }));
        }
        attrs.push((name.as_str().to_string(), list));
    }
    *into.borrow_mut() = Completions { names, attrs };
}

/// Runs one input; `Some(status)` when the session must end (SystemExit).
fn run_input(vm: &mut Vm, main: &Rc<Module>, source: &str) -> Option<i32> {
    let code = match vm.compile_source(main, "<stdin>", source, true) {
        Ok(code) => code,
        Err(RunError::Syntax(e)) => {
            vm.write_stderr(&e.render("<stdin>", source));
            return None;
        }
        Err(RunError::Exception(e)) => return report(vm, e),
    };
    crate::vm::signals::clear_interrupt();
    let result = vm.run_code(main, code);
    vm.run_finalizers();
    match result {
        Ok(Value::None) => {}
        Ok(v) => match vm.repr_string(&v) {
            Ok(text) => {
                vm.print_line(&text);
                vm.builtins.set("_", v);
            }
            Err(e) => return report(vm, e),
        },
        Err(e) => return report(vm, e),
    }
    vm.flush_stdout();
    None
}

fn report(vm: &mut Vm, err: crate::vm::PyErr) -> Option<i32> {
    // The frames of a failed input are gone; the session carries on.
    vm.frames.clear();
    vm.stack.clear();
    vm.exc_info = Value::None;
    if vm.err_is(&err, crate::vm::ExcType::SystemExit) {
        return Some(crate::run::report_uncaught(vm, err));
    }
    crate::run::report_uncaught(vm, err);
    None
}

/// Runs the interactive session (on a thread with a large stack, like scripts) and
/// returns the exit status.
pub fn run_repl() -> i32 {
    std::thread::Builder::new()
        .name("baton-repl".into())
        .stack_size(crate::run::STACK_SIZE)
        .spawn(repl_session)
        .ok()
        .and_then(|h| h.join().ok())
        .unwrap_or(70)
}

fn repl_session() -> i32 {
    let mut vm = Vm::new();
    vm.argv = vec![String::new()];
    vm.script_dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let main = Rc::new(Module::new("__main__", "<stdin>"));
    vm.modules
        .insert("__main__".into(), Value::Module(main.clone()));
    main.set("__name__", Value::Str(Rc::new(PyStr::new("__main__"))));
    crate::vm::signals::install_interrupt_handler();

    let completions = Rc::new(RefCell::new(Completions::default()));
    let helper = ReplHelper {
        completions: completions.clone(),
        color: color_enabled(),
    };
    let Ok(mut editor) = Editor::<ReplHelper, rustyline::history::DefaultHistory>::new() else {
        eprintln!("baton: cannot start the line editor");
        return 1;
    };
    editor.set_helper(Some(helper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    println!(
        "Baton {} (a subset of Python 3.11). Ctrl-D or exit to leave.",
        env!("CARGO_PKG_VERSION")
    );
    refresh_completions(&mut vm, &main, &completions);
    let status = loop {
        match editor.readline(">>> ") {
            Ok(input) => {
                let trimmed = input.trim();
                if trimmed.is_empty() {
                    continue;
                }
                let _ = editor.add_history_entry(input.as_str());
                if trimmed == "exit" || trimmed == "quit" {
                    break 0;
                }
                if let Some(code) = run_input(&mut vm, &main, &input) {
                    break code;
                }
                refresh_completions(&mut vm, &main, &completions);
            }
            Err(ReadlineError::Interrupted) => {
                println!("KeyboardInterrupt");
                continue;
            }
            Err(ReadlineError::Eof) => {
                println!();
                break 0;
            }
            Err(e) => {
                eprintln!("baton: {}", e);
                break 1;
            }
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    vm.flush_stdout();
    status
}

#[cfg(test)]
mod tests {
    use super::needs_more_input;

    #[test]
    fn continuation_is_decided_by_the_parser() {
        assert!(!needs_more_input("x = 1"));
        assert!(needs_more_input("x = (1,"));
        assert!(needs_more_input("s = \"\"\"abc"));
        assert!(needs_more_input("if x:"));
        assert!(needs_more_input("if x:\n    y = 1"));
        assert!(!needs_more_input("if x:\n    y = 1\n"));
        assert!(!needs_more_input("x = )"));
        assert!(!needs_more_input("x = (1,\n2)"));
    }
}
