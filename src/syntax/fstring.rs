//! String literals after lexing: concatenation of adjacent literals and the parsing of
//! f-strings into `JoinedStr` parts (`{expr}`, `!r/!s/!a`, `:spec` with nested fields,
//! `{{`/`}}`, the `{x=}` debug form). Field expressions are parsed by the parser itself,
//! on the original source offsets.

use super::ast::*;
use super::error::SyntaxError;
use super::parser::{parse_fexpr, PResult};
use super::token::{decode_escapes, StrTok};
use lalrpop_util::ParseError;

fn user(e: SyntaxError) -> super::parser::PError {
    ParseError::User { error: e }
}

fn push_literal(parts: &mut Vec<FStringPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(s);
    } else {
        parts.push(FStringPart::Literal(s.to_string()));
    }
}

/// Concatenates adjacent string literals; any f-string among them makes a JoinedStr.
pub fn strings(span: Span, toks: Vec<Box<StrTok>>) -> PResult<Expr> {
    if toks.iter().all(|t| !t.fstring) {
        let mut s = String::new();
        for t in &toks {
            s.push_str(&t.value);
        }
        return Ok(Expr::new(span, ExprKind::Constant(Constant::Str(s))));
    }
    let mut parts = Vec::new();
    for t in &toks {
        if !t.fstring {
            push_literal(&mut parts, &t.value);
            continue;
        }
        let mut f = FParser { tok: t, nesting: 0 };
        // CPython 3.11 puts the caret of f-string errors after the whole literal.
        let tok_end = t.body_start + t.body.len() + if t.triple { 3 } else { 1 };
        let (p, end) = f.parts(0, false).map_err(|e| {
            user(SyntaxError {
                offset: tok_end,
                end: None,
                ..e
            })
        })?;
        debug_assert_eq!(end, t.body.len());
        for part in p {
            match part {
                FStringPart::Literal(s) => push_literal(&mut parts, &s),
                other => parts.push(other),
            }
        }
    }
    Ok(Expr::new(span, ExprKind::JoinedStr(parts)))
}

struct FParser<'a> {
    tok: &'a StrTok,
    nesting: u32,
}

impl FParser<'_> {
    fn abs(&self, i: usize) -> usize {
        self.tok.body_start + i
    }

    fn flush(
        &self,
        parts: &mut Vec<FStringPart>,
        from: usize,
        to: usize,
    ) -> Result<(), SyntaxError> {
        let seg = &self.tok.body[from..to];
        if seg.is_empty() {
            return Ok(());
        }
        let s = if self.tok.raw {
            seg.replace("\r\n", "\n")
        } else {
            decode_escapes(seg, self.abs(from)).map_err(|(m, o)| SyntaxError::new(m, o))?
        };
        push_literal(parts, &s);
        Ok(())
    }

    /// Literal text and fields from byte `i` to the end of the body, or (in a format
    /// spec) to the closing `}`, whose index is returned.
    fn parts(
        &mut self,
        mut i: usize,
        in_spec: bool,
    ) -> Result<(Vec<FStringPart>, usize), SyntaxError> {
        let b = self.tok.body.as_bytes();
        let mut parts = Vec::new();
        let mut lit = i;
        while i < b.len() {
            match b[i] {
                b'{' => {
                    if !in_spec && b.get(i + 1) == Some(&b'{') {
                        self.flush(&mut parts, lit, i + 1)?;
                        i += 2;
                        lit = i;
                        continue;
                    }
                    self.flush(&mut parts, lit, i)?;
                    let (part, next) = self.field(i + 1)?;
                    parts.push(part);
                    i = next;
                    lit = i;
                }
                b'}' => {
                    if in_spec {
                        self.flush(&mut parts, lit, i)?;
                        return Ok((parts, i));
                    }
                    if b.get(i + 1) == Some(&b'}') {
                        self.flush(&mut parts, lit, i + 1)?;
                        i += 2;
                        lit = i;
                        continue;
                    }
                    return Err(SyntaxError::new(
                        "f-string: single '}' is not allowed",
                        self.abs(i),
                    ));
                }
                b'\\' if !self.tok.raw => i += 2,
                _ => i += 1,
            }
        }
        if in_spec {
            return Err(SyntaxError::new(
                "f-string: expecting '}'",
                self.abs(b.len()),
            ));
        }
        self.flush(&mut parts, lit, b.len().min(i))?;
        Ok((parts, b.len()))
    }

    /// One `{…}` field whose expression starts at byte `start`; returns the index after
    /// its closing brace.
    fn field(&mut self, start: usize) -> Result<(FStringPart, usize), SyntaxError> {
        let body = &self.tok.body;
        let b = body.as_bytes();
        let base = self.tok.body_start;
        let expecting = |i: usize| SyntaxError::new("f-string: expecting '}'", base + i);
        let mut i = start;
        let mut depth = 0usize;
        let mut in_str: Option<(u8, bool)> = None;
        loop {
            let Some(&c) = b.get(i) else {
                return Err(expecting(i));
            };
            if let Some((q, triple)) = in_str {
                if c == q {
                    if !triple {
                        in_str = None;
                    } else if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                        in_str = None;
                        i += 2;
                    }
                }
                if c == b'\\' {
                    return Err(SyntaxError::new(
                        "f-string expression part cannot include a backslash",
                        self.abs(i),
                    ));
                }
                i += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(SyntaxError::new(
                        "f-string expression part cannot include a backslash",
                        self.abs(i),
                    ))
                }
                b'#' => {
                    return Err(SyntaxError::new(
                        "f-string expression part cannot include '#'",
                        self.abs(i),
                    ))
                }
                b'\'' | b'"' => {
                    let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                    in_str = Some((c, triple));
                    if triple {
                        i += 2;
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'}' if depth == 0 => break,
                b'}' => depth -= 1,
                b'!' | b'<' | b'>' | b'=' if b.get(i + 1) == Some(&b'=') => {
                    i += 2;
                    continue;
                }
                b'!' | b':' | b'=' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        let text = &body[start..i];
        if text.trim().is_empty() {
            return Err(SyntaxError::new(
                "f-string: empty expression not allowed",
                self.abs(i),
            ));
        }
        let value = parse_fexpr(text, self.abs(start))?;
        let mut debug_text = None;
        if b[i] == b'=' {
            i += 1;
            while i < b.len() && (b[i] as char).is_ascii_whitespace() {
                i += 1;
            }
            debug_text = Some(body[start..i].to_string());
        }
        let mut conversion = None;
        if b.get(i) == Some(&b'!') {
            let c = b.get(i + 1).copied();
            match c {
                Some(c @ (b's' | b'r' | b'a')) => conversion = Some(c as char),
                _ => {
                    return Err(SyntaxError::new(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        self.abs(i + 1),
                    ))
                }
            }
            i += 2;
        }
        let mut spec = None;
        if b.get(i) == Some(&b':') {
            if self.nesting >= 1 {
                return Err(SyntaxError::new(
                    "f-string: expressions nested too deeply",
                    self.abs(i),
                ));
            }
            self.nesting += 1;
            let (parts, end) = self.parts(i + 1, true)?;
            self.nesting -= 1;
            spec = Some(parts);
            i = end;
        }
        if b.get(i) != Some(&b'}') {
            return Err(expecting(i));
        }
        i += 1;
        if debug_text.is_some() && conversion.is_none() && spec.is_none() {
            conversion = Some('r');
        }
        Ok((
            FStringPart::Formatted {
                value: Box::new(value),
                conversion,
                spec,
                debug_text,
            },
            i,
        ))
    }
}
