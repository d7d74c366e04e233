//! The layout pass around the logos lexer: turns physical lines into NEWLINE, INDENT and
//! DEDENT tokens with CPython's rules (newlines ignored inside brackets and on blank or
//! comment-only lines, backslash continuation, tab/space consistency), tracks bracket
//! nesting, and reports tokenizer errors with CPython's wording and caret position.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{invalid_character, LexError, Tok};
use logos::Logos;

/// A token with its absolute byte span, as LALRPOP wants it.
pub type Spanned = (usize, Tok, usize);

/// CPython's MAXLEVEL: the deepest bracket nesting the tokenizer accepts.
pub const MAX_NESTING: usize = 200;

/// CPython's MAXINDENT: the deepest block nesting the tokenizer accepts.
pub const MAX_INDENT: usize = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A whole file: statements, with NEWLINE/INDENT/DEDENT.
    Module,
    /// The expression inside an f-string field: no layout tokens at all.
    Expr,
}

/// How the token stream ended.
#[derive(Clone, Debug)]
pub enum LexEnd {
    Ok,
    /// A tokenizer error: it wins over any parser error (CPython re-tokenizes the rest of
    /// the file after a parser error and reports tokenizer errors first).
    Error(SyntaxError),
    /// End of input inside brackets; `line` is the line of the unclosed bracket.
    Unclosed(SyntaxError, usize),
}

pub struct Lexed {
    pub tokens: Vec<Spanned>,
    pub end: LexEnd,
}

fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn closing_name(c: u8) -> char {
    c as char
}

/// Tokenizes `src`, whose first byte sits at offset `base` of the whole source (f-string
/// fields are tokenized in place). All spans in the result are absolute.
pub fn tokenize(src: &str, base: usize, mode: Mode) -> Lexed {
    let mut tokens: Vec<Spanned> = Vec::with_capacity(src.len() / 3 + 4);
    let mut lex = Tok::lexer(src);
    // Indentation stack: (column with tabs to 8, column with tabs to 1).
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut brackets: Vec<(u8, usize)> = Vec::new();
    let mut at_line_start = true;
    let mut line_has_tokens = false;
    let tokens_out = |tokens: Vec<Spanned>, e: SyntaxError| Lexed {
        tokens,
        end: LexEnd::Error(e),
    };
    while let Some(res) = lex.next() {
        let span = lex.span();
        let (start, end) = (span.start, span.end);
        let tok = match res {
            Ok(t) => t,
            Err(e) => {
                let e = lex_error(src, base, e, start);
                return tokens_out(tokens, e);
            }
        };
        if matches!(tok, Tok::Newline) {
            if mode == Mode::Module && brackets.is_empty() && line_has_tokens {
                tokens.push((base + start, Tok::Newline, base + end));
                at_line_start = true;
                line_has_tokens = false;
            }
            continue;
        }
        if matches!(tok, Tok::Backslash) && src[end..].trim().is_empty() {
            let e = SyntaxError::new("unexpected EOF while parsing", base + end).incomplete();
            return tokens_out(tokens, e);
        }
        if matches!(tok, Tok::Backslash) {
            let e = SyntaxError::new(
                "unexpected character after line continuation character",
                base + start + 1,
            );
            return tokens_out(tokens, e);
        }
        if at_line_start && mode == Mode::Module {
            at_line_start = false;
            let line_start = src[..start].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let (mut col, mut alt) = (0usize, 0usize);
            for b in src[line_start..start].bytes() {
                match b {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    0x0c => {
                        col = 0;
                        alt = 0;
                    }
                    _ => {}
                }
            }
            let tab_error = || {
                SyntaxError::new(
                    "inconsistent use of tabs and spaces in indentation",
                    base + line_start,
                )
                .with_kind(SyntaxErrorKind::TabError)
            };
            let (top, top_alt) = *indents.last().expect("indent stack never empty");
            if col == top {
                if alt != top_alt {
                    return tokens_out(tokens, tab_error());
                }
            } else if col > top {
                if alt <= top_alt {
                    return tokens_out(tokens, tab_error());
                }
                if indents.len() >= MAX_INDENT {
                    let e = SyntaxError::new("too many levels of indentation", base + start)
                        .with_kind(SyntaxErrorKind::IndentationError);
                    return tokens_out(tokens, e);
                }
                indents.push((col, alt));
                tokens.push((base + start, Tok::Indent, base + start));
            } else {
                while indents.len() > 1 && col < indents[indents.len() - 1].0 {
                    indents.pop();
                    tokens.push((base + start, Tok::Dedent, base + start));
                }
                let (top, top_alt) = *indents.last().expect("indent stack never empty");
                if col != top {
                    let line_end = src[start..]
                        .find('\n')
                        .map(|p| p + start)
                        .unwrap_or(src.len());
                    let line_end = if src[..line_end].ends_with('\r') {
                        line_end - 1
                    } else {
                        line_end
                    };
                    let e = SyntaxError::new(
                        "unindent does not match any outer indentation level",
                        base + line_end,
                    )
                    .with_kind(SyntaxErrorKind::IndentationError);
                    return tokens_out(tokens, e);
                }
                if alt != top_alt {
                    return tokens_out(tokens, tab_error());
                }
            }
        }
        line_has_tokens = true;
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if brackets.len() >= MAX_NESTING {
                    let e = SyntaxError::new("too many nested parentheses", base + start);
                    return tokens_out(tokens, e);
                }
                let c = src.as_bytes()[start];
                brackets.push((c, start));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let c = src.as_bytes()[start];
                match brackets.pop() {
                    None => {
                        let e = SyntaxError::new(
                            format!("unmatched '{}'", closing_name(c)),
                            base + start,
                        );
                        return tokens_out(tokens, e);
                    }
                    Some((open, open_at)) => {
                        let expected = match open {
                            b'(' => b')',
                            b'[' => b']',
                            _ => b'}',
                        };
                        if c != expected {
                            let open_line = line_of(src, open_at);
                            let msg = if open_line != line_of(src, start) {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    c as char, open as char, open_line
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    c as char, open as char
                                )
                            };
                            return tokens_out(tokens, SyntaxError::new(msg, base + start));
                        }
                    }
                }
            }
            _ => {}
        }
        let tok = match tok {
            Tok::Str(mut s) => {
                s.body_start += base;
                Tok::Str(s)
            }
            t => t,
        };
        tokens.push((base + start, tok, base + end));
    }
    if let Some(&(open, at)) = brackets.last() {
        let e = SyntaxError::new(format!("'{}' was never closed", open as char), base + at)
            .incomplete();
        let line = line_of(src, at);
        return Lexed {
            tokens,
            end: LexEnd::Unclosed(e, line),
        };
    }
    let trimmed = src.trim_end_matches(['\n', '\r']);
    let last_line = &trimmed[trimmed.rfind('\n').map(|p| p + 1).unwrap_or(0)..];
    if trimmed.len() < src.len() && trimmed.ends_with('\\') && !last_line.contains('#') {
        let e = SyntaxError::new("unexpected EOF while parsing", base + trimmed.len()).incomplete();
        return tokens_out(tokens, e);
    }
    if mode == Mode::Module {
        let n = base + src.len();
        if line_has_tokens {
            tokens.push((n, Tok::Newline, n));
        }
        for _ in 1..indents.len() {
            tokens.push((n, Tok::Dedent, n));
        }
    }
    Lexed {
        tokens,
        end: LexEnd::Ok,
    }
}

fn lex_error(src: &str, base: usize, e: LexError, start: usize) -> SyntaxError {
    if e.msg.is_empty() {
        let c = src[start..].chars().next().unwrap_or(' ');
        if c.is_ascii() && !c.is_ascii_control() {
            return SyntaxError::new("invalid syntax", base + start).with_end(base + start + 1);
        }
        let e = invalid_character(c, start);
        return SyntaxError::new(e.msg, base + start);
    }
    let mut out = SyntaxError::new(e.msg, base + e.offset);
    if let Some(end) = e.end {
        out = out.with_end(base + end);
    }
    if e.incomplete {
        out = out.incomplete();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let l = tokenize(src, 0, Mode::Module);
        assert!(matches!(l.end, LexEnd::Ok), "{:?}", l.end);
        l.tokens.into_iter().map(|t| t.1).collect()
    }

    fn error(src: &str) -> SyntaxError {
        match tokenize(src, 0, Mode::Module).end {
            LexEnd::Error(e) | LexEnd::Unclosed(e, _) => e,
            LexEnd::Ok => panic!("no error for {:?}", src),
        }
    }

    #[test]
    fn layout_tokens() {
        use Tok::*;
        let t = kinds("if x:\n  y\n\n  # c\nz\n");
        assert_eq!(
            t,
            vec![
                If,
                Name("x".into()),
                Colon,
                Newline,
                Indent,
                Name("y".into()),
                Newline,
                Dedent,
                Name("z".into()),
                Newline
            ]
        );
        assert_eq!(kinds(""), vec![]);
        assert_eq!(kinds("# only\n\n# comments"), vec![]);
        assert_eq!(
            kinds("(1,\n 2)"),
            vec![LPar, Int("1".into()), Comma, Int("2".into()), RPar, Newline]
        );
        assert_eq!(
            kinds("x = 1 + \\\n  2"),
            vec![
                Name("x".into()),
                Equal,
                Int("1".into()),
                Plus,
                Int("2".into()),
                Newline
            ]
        );
    }

    #[test]
    fn numbers() {
        use Tok::*;
        assert_eq!(
            kinds("0x_ff 1_000 0o17 0b1 00 1.5 .5 5. 1e-3 1_000.5"),
            vec![
                Int("0xff".into()),
                Int("1000".into()),
                Int("0o17".into()),
                Int("0b1".into()),
                Int("00".into()),
                Float(1.5),
                Float(0.5),
                Float(5.0),
                Float(0.001),
                Float(1000.5),
                Newline
            ]
        );
        assert!(error("012").msg.starts_with("leading zeros"));
        assert_eq!(error("x = 1__0").msg, "invalid decimal literal");
        assert_eq!(error("x = 0x").msg, "invalid hexadecimal literal");
        assert_eq!(error("1j").msg, "Baton does not support complex numbers");
    }

    #[test]
    fn errors() {
        let e = error("if x:\n\ta\n        b\n");
        assert_eq!(e.kind, SyntaxErrorKind::TabError);
        let e = error("if x:\n    a\n  b\n");
        assert_eq!(e.msg, "unindent does not match any outer indentation level");
        assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
        assert_eq!(e.offset, 15);
        let e = error("x = (1,\n");
        assert_eq!(e.msg, "'(' was never closed");
        assert!(e.incomplete);
        assert_eq!(e.offset, 4);
        assert_eq!(
            error("(]").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(
            error("(\n]").msg,
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        assert_eq!(error(")").msg, "unmatched ')'");
        assert_eq!(error("x = 1 €").msg, "invalid character '€' (U+20AC)");
        assert_eq!(error("x = $").msg, "invalid syntax");
        let e = error("x = \"abc\ny");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        assert_eq!(e.offset, 4);
        let e = error("x = '''abc\n\n");
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
        assert!(e.incomplete);
        assert!(error("x = b'a'").msg.contains("does not support bytes"));
        let deep = "(".repeat(10_000);
        assert_eq!(error(&deep).msg, "too many nested parentheses");
        let deep = "[".repeat(100_000);
        assert_eq!(error(&deep).msg, "too many nested parentheses");
    }

    #[test]
    fn strings() {
        let t = kinds(r#"'a\n\x41\u00e9\101\q' r'\n' """x"y""" f'{a}'"#);
        let Tok::Str(s) = &t[0] else { panic!() };
        assert_eq!(s.value, "a\nAéA\\q");
        let Tok::Str(s) = &t[1] else { panic!() };
        assert_eq!(s.value, "\\n");
        let Tok::Str(s) = &t[2] else { panic!() };
        assert_eq!(s.value, "x\"y");
        let Tok::Str(s) = &t[3] else { panic!() };
        assert!(s.fstring);
        assert_eq!(s.body, "{a}");
        assert_eq!(s.body_start, 40);
    }
}
