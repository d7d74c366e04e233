//! The report of an uncaught exception, in CPython 3.11's format: the chain of causes
//! and contexts first, each exception's traceback (source lines and PEP 657 markers,
//! runs of a repeated line folded), then its `Type: message` line; an exception group
//! (PEP 654) drawn as a box with each sub-exception's report nested inside it:
//!
//! ```text
//!   + Exception Group Traceback (most recent call last):
//!   |   File "x.py", line 9, in main
//!   |     async with asyncio.TaskGroup() as tg:
//!   | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)
//!   +-+---------------- 1 ----------------
//!     | Traceback (most recent call last):
//!     |   File "x.py", line 4, in fail
//!     |     raise KeyError("k")
//!     | KeyError: 'k'
//!     +------------------------------------
//! ```
//!
//! As in CPython, a group shows at most 15 sub-exceptions (then "and N more
//! exceptions") and nests at most 10 groups deep.

use crate::vm::error::ExcType;
use crate::vm::exceptions::exc_data;
use crate::vm::value::{Class, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The sub-exceptions a group shows before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// How deep groups nest before "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;

/// Where the report is: how deep inside exception groups, whether the innermost box
/// still needs its closing line, and the exceptions already shown (a chain that loops
/// back is cut there).
struct Report {
    out: String,
    depth: usize,
    need_close: bool,
    seen: Vec<usize>,
}

impl Report {
    /// The indentation of the current group level.
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text` (whole lines) at the current level: inside a group each line
    /// starts with the indentation and the box's margin (`margin`, then a space).
    fn emit_with(&mut self, text: &str, margin: char) {
        if self.depth == 0 {
            self.out.push_str(text);
            return;
        }
        let prefix = format!("{}{} ", self.indent(), margin);
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn emit(&mut self, text: &str) {
        self.emit_with(text, '|');
    }

    /// Starts a line at the current level: the indentation and the box's margin
    /// inside a group, nothing outside.
    fn margin(&mut self) {
        if self.depth > 0 {
            let prefix = format!("{}| ", self.indent());
            self.out.push_str(&prefix);
        }
    }

    /// Writes a box line (a group's separator or its closing line) as it is.
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }
}

impl Vm {
    /// The full report of an uncaught exception, chained exceptions first.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut report = Report {
            out: String::new(),
            depth: 0,
            need_close: false,
            seen: Vec::new(),
        };
        self.report_exception(exc, &mut report);
        report.out
    }

    /// `exc` with the exceptions it was chained from (its cause, or its context),
    /// oldest first, each with the sentence that links it to the next.
    fn report_exception(&mut self, exc: &Value, report: &mut Report) {
        let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
        let mut link = None;
        let mut current = exc.clone();
        loop {
            report.seen.push(current.id());
            chain.push((link, current.clone()));
            let Some(data) = exc_data(&current) else {
                break;
            };
            let cause = data.cause.borrow().clone();
            let context = data.context.borrow().clone();
            let (next, text) = if exc_data(&cause).is_some() {
                (
                    cause,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                )
            } else if !data.suppress_context.get() && exc_data(&context).is_some() {
                (
                    context,
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                )
            } else {
                break;
            };
            if report.seen.contains(&next.id()) {
                break;
            }
            link = Some(text);
            current = next;
        }
        for (link, exc) in chain.into_iter().rev() {
            match self.group_members(&exc) {
                None => {
                    if self.has_traceback(&exc) {
                        report.emit("Traceback (most recent call last):\n");
                        self.report_stack(&exc, report);
                    }
                    let only = self.format_exception_only(&exc);
                    report.emit(&only);
                    self.report_notes(&exc, report);
                }
                Some(members) => self.report_group(&exc, &members, report),
            }
            // The sentence goes between this exception and the one it led to.
            if let Some(text) = link {
                report.emit(text);
            }
        }
    }

    /// An exception group: its own traceback and line, then each sub-exception's
    /// report in a numbered compartment of the box.
    fn report_group(&mut self, exc: &Value, members: &[Value], report: &mut Report) {
        if report.depth > MAX_GROUP_DEPTH {
            report.emit(&format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH));
            return;
        }
        let top_level = report.depth == 0;
        if top_level {
            report.depth += 1;
        }
        if self.has_traceback(exc) {
            let margin = if top_level { '+' } else { '|' };
            report.emit_with(
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            self.report_stack(exc, report);
        }
        let only = self.format_exception_only(exc);
        report.emit(&only);
        self.report_notes(exc, report);
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        report.need_close = false;
        for (i, member) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                // A nested group may close the box itself.
                report.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            let line = format!(
                "{}{}+---------------- {} ----------------\n",
                report.indent(),
                corner,
                title
            );
            report.raw(&line);
            report.depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                let plural = if more > 1 { "s" } else { "" };
                report.emit(&format!("and {} more exception{}\n", more, plural));
            } else {
                self.report_exception(member, report);
            }
            if last && report.need_close {
                let line = format!("{}+------------------------------------\n", report.indent());
                report.raw(&line);
                report.need_close = false;
            }
            report.depth -= 1;
        }
        if top_level {
            report.depth = 0;
        }
    }

    /// Reports an exception that has nowhere to go (raised by a finalizer or a
    /// destructor-time close): `header` (`Exception ignored in: ...`), then its report,
    /// on stderr.
    pub fn report_unraisable(&mut self, header: &str, err: crate::vm::PyErr) {
        let exc = self.normalize(err);
        let text = self.format_exception(&exc);
        self.write_stderr(&format!("{header}\n{text}"));
    }

    /// The text of line `lineno` of the source file `filename`, as a traceback or a
    /// warning shows it; None for a program given with -c or on stdin, whose lines
    /// CPython cannot look up (linecache finds no file by those names).
    pub fn source_line(&self, filename: &str, lineno: u32) -> Option<&str> {
        if matches!(filename, "<string>" | "<stdin>") {
            return None;
        }
        let src = self.sources.get(filename)?;
        src.lines().nth((lineno as usize).checked_sub(1)?)
    }

    /// The sub-exceptions of an exception group; None for any other exception.
    fn group_members(&mut self, exc: &Value) -> Option<Vec<Value>> {
        let group = self.types.exc(ExcType::BaseExceptionGroup).clone();
        if !self.type_of(exc).is_subclass(&group) {
            return None;
        }
        let args = self.exc_args(exc);
        Some(match args.get(1) {
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        })
    }

    fn has_traceback(&self, exc: &Value) -> bool {
        exc_data(exc).is_some_and(|d| !d.traceback.borrow().is_empty())
    }

    /// The traceback's entries, outermost first: file, line and function, the source
    /// line with its markers; a run of more than three identical entries folded into
    /// a count, as CPython does. (CPython writes that count without a group's margin.)
    fn report_stack(&mut self, exc: &Value, report: &mut Report) {
        let Some(data) = exc_data(exc) else {
            return;
        };
        let tb = data.traceback.borrow().clone();
        let mut last: Option<(usize, u32)> = None;
        let mut repeats = 0usize;
        let flush = |report: &mut Report, repeats: usize| {
            if repeats > 3 {
                let n = repeats - 3;
                let plural = if n == 1 { "" } else { "s" };
                report.raw(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n, plural
                ));
            }
        };
        for entry in tb.iter().rev() {
            let key = (Rc::as_ptr(&entry.code) as usize, entry.line);
            if last == Some(key) {
                repeats += 1;
                if repeats > 3 {
                    continue;
                }
            } else {
                flush(report, repeats);
                last = Some(key);
                repeats = 1;
            }
            let mut text = format!(
                "  File \"{}\", line {}, in {}\n",
                entry.code.filename,
                entry.line,
                entry.code.name.as_str()
            );
            if let Some(line) = self.source_line(&entry.code.filename, entry.line) {
                // CPython keeps trailing blanks (as it reads the line).
                let t = line.trim_start();
                if !t.trim_end().is_empty() {
                    text.push_str(&format!("    {}\n", t));
                    let span = entry.span.unwrap_or_default();
                    if let Some(src) = self.sources.get(&entry.code.filename) {
                        if let Some(m) = super::carets::marker_line(src, entry.line, span) {
                            text.push_str(&m);
                        }
                    }
                }
            }
            report.emit(&text);
        }
        flush(report, repeats);
    }

    /// The notes `exc.add_note()` added (its `__notes__`), after its `Type: message`
    /// line, as CPython 3.11 prints them: each line of each note in the margin, then a
    /// line break (so a note ending in one leaves an empty line, written without the
    /// margin); a note whose `str()` fails is "<note str() failed>", and `__notes__`
    /// that is not a sequence is shown by its repr (not followed by a line break).
    fn report_notes(&mut self, exc: &Value, report: &mut Report) {
        if exc_data(exc).is_none() {
            return;
        }
        let name = self.intern("__notes__");
        let notes = match self.try_get_attr(exc, &name) {
            Ok(Some(notes)) => notes,
            _ => return,
        };
        let items: Vec<Value> = match &notes {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Str(s) => s
                .as_str()
                .chars()
                .map(|c| Value::from_string(c.to_string()))
                .collect(),
            _ => {
                report.margin();
                let text = self
                    .repr_string(&notes)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                // (CPython 3.11 ends this one without a line break.)
                report.raw(&text);
                return;
            }
        };
        for note in items {
            match self.str_string(&note) {
                Ok(text) => {
                    for line in crate::vm::strmethods::splitlines(&text, true) {
                        report.margin();
                        report.raw(&line);
                    }
                }
                Err(_) => report.raw("<note str() failed>"),
            }
            report.raw("\n");
        }
    }

    /// The `Type: message` line.
    fn format_exception_only(&mut self, exc: &Value) -> String {
        let class = self.type_of(exc);
        let name = exc_type_display(&class);
        let msg = match self.str_string(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        };
        if let Some(suggestion) = self.suggestion_for(exc) {
            line.push_str(&format!(". Did you mean: '{}'?", suggestion.as_str()));
        }
        line.push('\n');
        line
    }
}

/// The name a traceback shows for an exception's class: qualified by its module
/// unless that is `builtins` or `__main__`.
fn exc_type_display(class: &Rc<Class>) -> String {
    let module = class.module.as_str();
    if module == "builtins" || module == "__main__" {
        class.qualname.as_str().to_string()
    } else {
        format!("{}.{}", module, class.qualname.as_str())
    }
}
