//! Syntax errors: the one error type of the lexer, parser and compiler, and its
//! rendering in CPython's format.
//!
//! ```text
//!   File "x.py", line 3
//!     x = (1,
//!         ^
//! SyntaxError: '(' was never closed
//! ```

/// Which of CPython's SyntaxError classes the error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

#[derive(Clone, Debug)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// Byte offset of the offending token (the caret goes under it).
    pub offset: usize,
    /// Byte offset just past the offending token, when the caret should span it.
    pub end: Option<usize>,
    /// False when CPython shows the line with no caret under it ("unexpected indent").
    pub caret: bool,
    /// True when the input simply ended too early (an open bracket, an unfinished
    /// block, an unterminated triple-quoted string): the REPL asks for more input.
    pub incomplete: bool,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, offset: usize) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            offset,
            end: None,
            caret: true,
            incomplete: false,
        }
    }

    pub fn with_kind(mut self, kind: SyntaxErrorKind) -> SyntaxError {
        self.kind = kind;
        self
    }

    pub fn with_end(mut self, end: usize) -> SyntaxError {
        self.end = Some(end);
        self
    }

    /// The report shows the line but no caret.
    pub fn without_caret(mut self) -> SyntaxError {
        self.caret = false;
        self
    }

    pub fn incomplete(mut self) -> SyntaxError {
        self.incomplete = true;
        self
    }

    /// 1-based line and 1-based column (in characters) of `offset` in `source`.
    pub fn line_col(&self, source: &str) -> (usize, usize) {
        line_col(source, self.offset)
    }

    /// The full report in CPython's format, ending with a newline.
    pub fn render(&self, filename: &str, source: &str) -> String {
        let (line, col) = self.line_col(source);
        let text = source.lines().nth(line - 1).unwrap_or("");
        let mut out = format!("  File \"{}\", line {}\n", filename, line);
        let trimmed = text.trim_start();
        let indent = text.chars().count() - trimmed.chars().count();
        if !trimmed.trim_end().is_empty() {
            // CPython shows the line as it is, trailing blanks included.
            let shown = trimmed;
            out.push_str("    ");
            out.push_str(shown);
            out.push('\n');
            let caret_col = col.saturating_sub(1).saturating_sub(indent);
            let width = match self.end {
                Some(end) if end > self.offset => {
                    let (eline, ecol) = line_col(source, end);
                    if eline == line {
                        ecol.saturating_sub(col).max(1)
                    } else {
                        // A range that goes on to later lines (a whole `async with`
                        // statement, a multi-line `await`) is underlined to the end
                        // of its first line.
                        shown.chars().count().saturating_sub(caret_col).max(1)
                    }
                }
                _ => 1,
            };
            let caret_col = caret_col.min(shown.chars().count());
            if self.caret {
                out.push_str("    ");
                out.push_str(&" ".repeat(caret_col));
                out.push_str(&"^".repeat(width));
                out.push('\n');
            }
        }
        out.push_str(self.kind.name());
        out.push_str(": ");
        out.push_str(&self.msg);
        out.push('\n');
        out
    }
}

/// 1-based line and 1-based character column of a byte offset.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let mut line = 1;
    let mut line_start = 0;
    for (i, b) in source.bytes().enumerate() {
        if i >= offset {
            break;
        }
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    let mut end = offset;
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let col = source[line_start..end].chars().count() + 1;
    (line, col)
}

/// 1-based line number of a byte offset (used for line tables).
pub fn line_of(source: &str, offset: usize) -> u32 {
    line_col(source, offset).0 as u32
}
