//! The token type: the logos lexer over raw source text (names, keywords, operators,
//! numbers, strings), before the layout pass (src/syntax/lexer.rs) adds NEWLINE, INDENT
//! and DEDENT. String bodies and number validity are scanned in callbacks so that the
//! errors carry CPython's wording.

use logos::{Lexer, Logos};

/// An error found by a logos callback. An empty `msg` means "no rule matched": the
/// layout pass turns that into CPython's message for the offending character.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexError {
    pub msg: String,
    /// Byte offset relative to the lexed text.
    pub offset: usize,
    pub end: Option<usize>,
    pub incomplete: bool,
}

impl LexError {
    fn new(msg: impl Into<String>, offset: usize) -> LexError {
        LexError {
            msg: msg.into(),
            offset,
            end: None,
            incomplete: false,
        }
    }
}

/// A string literal as written: the parser concatenates adjacent ones and parses
/// f-strings from `body`.
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    pub fstring: bool,
    pub raw: bool,
    /// The text between the quotes, undecoded.
    pub body: String,
    /// Absolute byte offset of `body` in the source (fixed up by the layout pass).
    pub body_start: usize,
    /// The decoded value (plain strings only; empty for f-strings).
    pub value: String,
    /// The quote character (`'` or `"`).
    pub quote: char,
    pub triple: bool,
}

#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
#[logos(skip r"\\\r?\n")]
pub enum Tok {
    // Layout tokens (produced by the layout pass, never by logos directly except Newline).
    #[regex(r"\r?\n")]
    Newline,
    Indent,
    Dedent,
    /// Starts the token stream of an f-string field's expression.
    FExprStart,

    #[regex(r"[A-Za-z_][A-Za-z0-9_]*", |lex| lex.slice().to_string(), priority = 3)]
    #[regex(
        r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*",
        check_name,
        priority = 2
    )]
    Name(String),
    #[regex(r"[0-9](_?[0-9])*", lex_decimal)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", lex_radix)]
    #[regex(r"0[oO](_?[0-7])+", lex_radix)]
    #[regex(r"0[bB](_?[01])+", lex_radix)]
    Int(String),
    #[regex(
        r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?",
        lex_float
    )]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", lex_float)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", lex_float)]
    Float(f64),
    #[regex(r#"[rRuUfFbB]?['"]"#, lex_string)]
    #[regex(r#"([rR][fFbB]|[fFbB][rR])['"]"#, lex_string)]
    Str(Box<StrTok>),

    // Keywords.
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // Operators and delimiters.
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    Vbar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
    /// A backslash not followed by a newline.
    #[token("\\")]
    Backslash,
}

fn check_name(lex: &mut Lexer<Tok>) -> Result<String, LexError> {
    let s = lex.slice();
    let start = lex.span().start;
    for (i, c) in s.char_indices() {
        let ok = if i == 0 {
            c == '_' || unicode_ident::is_xid_start(c)
        } else {
            unicode_ident::is_xid_continue(c)
        };
        if !ok {
            return Err(invalid_character(c, start + i));
        }
    }
    Ok(s.to_string())
}

/// CPython's message for a character that cannot start a token.
pub fn invalid_character(c: char, offset: usize) -> LexError {
    let msg = if c.is_control() || c == '\u{a0}' {
        format!("invalid non-printable character U+{:04X}", c as u32)
    } else {
        format!("invalid character '{}' (U+{:04X})", c, c as u32)
    };
    LexError::new(msg, offset)
}

/// CPython 3.11 accepts a number followed directly by one of these keywords.
fn verify_end(lex: &Lexer<Tok>, what: &str) -> Result<(), LexError> {
    let rest = lex.remainder();
    let Some(c) = rest.chars().next() else {
        return Ok(());
    };
    if c == 'j' || c == 'J' {
        return Err(LexError::new(
            "Baton does not support complex numbers",
            lex.span().start,
        ));
    }
    if c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && unicode_ident::is_xid_continue(c))
    {
        for kw in ["and", "else", "for", "if", "in", "is", "not", "or"] {
            if rest.starts_with(kw) {
                return Ok(());
            }
        }
        let off = if c.is_ascii_digit() || c == '_' {
            lex.span().end
        } else {
            lex.span().start
        };
        return Err(LexError::new(format!("invalid {} literal", what), off));
    }
    Ok(())
}

fn lex_decimal(lex: &mut Lexer<Tok>) -> Result<String, LexError> {
    let s = lex.slice();
    if lex.remainder().starts_with(['x', 'X']) && s == "0" {
        return Err(LexError::new("invalid hexadecimal literal", lex.span().end));
    }
    for (letters, what) in [(['o', 'O'], "octal"), (['b', 'B'], "binary")] {
        if s == "0" && lex.remainder().starts_with(letters) {
            let end = lex.span().end;
            return Err(match lex.remainder()[1..].chars().next() {
                Some(d) if d.is_ascii_digit() => LexError::new(
                    format!("invalid digit '{}' in {} literal", d, what),
                    end + 1,
                ),
                _ => LexError::new(format!("invalid {} literal", what), end),
            });
        }
    }
    verify_end(lex, "decimal")?;
    let digits: String = s.chars().filter(|&c| c != '_').collect();
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
        return Err(LexError {
            msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
            offset: lex.span().start,
            end: Some(lex.span().end),
            incomplete: false,
        });
    }
    Ok(digits)
}

fn lex_radix(lex: &mut Lexer<Tok>) -> Result<String, LexError> {
    let s = lex.slice();
    let what = match s.as_bytes().get(1) {
        Some(b'x' | b'X') => "hexadecimal",
        Some(b'o' | b'O') => "octal",
        _ => "binary",
    };
    if let Some(c) = lex.remainder().chars().next() {
        if c.is_ascii_digit() {
            return Err(LexError::new(
                format!("invalid digit '{}' in {} literal", c, what),
                lex.span().end,
            ));
        }
    }
    verify_end(lex, what)?;
    Ok(s.chars().filter(|&c| c != '_').collect())
}

fn lex_float(lex: &mut Lexer<Tok>) -> Result<f64, LexError> {
    verify_end(lex, "decimal")?;
    let s: String = lex.slice().chars().filter(|&c| c != '_').collect();
    s.parse::<f64>()
        .map_err(|_| LexError::new("invalid decimal literal", lex.span().start))
}

/// 1-based line of a byte offset.
fn line_at(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn lex_string(lex: &mut Lexer<Tok>) -> Result<Box<StrTok>, LexError> {
    let slice = lex.slice();
    let start = lex.span().start;
    let quote = slice.as_bytes()[slice.len() - 1];
    let prefix = slice[..slice.len() - 1].to_ascii_lowercase();
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let body_from = if triple { 2 } else { 0 };
    let mut i = body_from;
    let body_end;
    loop {
        if i >= rest.len() {
            let src = lex.source();
            return Err(if triple {
                let mut line = line_at(src, src.len());
                if src.ends_with('\n') && line > 1 {
                    line -= 1;
                }
                LexError {
                    msg: format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        line
                    ),
                    offset: start,
                    end: None,
                    incomplete: true,
                }
            } else {
                LexError::new(
                    format!(
                        "unterminated string literal (detected at line {})",
                        line_at(src, start)
                    ),
                    start,
                )
            });
        }
        let b = rest[i];
        if b == b'\\' {
            i += 2;
            if i < rest.len() + 1 && rest.get(i - 1) == Some(&b'\r') && rest.get(i) == Some(&b'\n')
            {
                i += 1;
            }
            continue;
        }
        if (b == b'\n' || b == b'\r') && !triple {
            let src = lex.source();
            return Err(LexError::new(
                format!(
                    "unterminated string literal (detected at line {})",
                    line_at(src, start)
                ),
                start,
            ));
        }
        if b == quote {
            if !triple {
                body_end = i;
                i += 1;
                break;
            }
            if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                body_end = i;
                i += 3;
                break;
            }
        }
        i += 1;
    }
    let body_start = lex.span().end + body_from;
    let body = lex.remainder()[body_from..body_end].to_string();
    lex.bump(i);
    if prefix.contains('b') {
        return Err(LexError {
            msg: "Baton does not support bytes literals".into(),
            offset: start,
            end: Some(lex.span().end),
            incomplete: false,
        });
    }
    let raw = prefix.contains('r');
    let fstring = prefix.contains('f');
    let value = if fstring {
        String::new()
    } else if raw {
        body.replace("\r\n", "\n")
    } else {
        decode_escapes(&body, body_start).map_err(|(msg, off)| LexError::new(msg, off))?
    };
    Ok(Box::new(StrTok {
        fstring,
        raw,
        body,
        body_start,
        value,
        quote: quote as char,
        triple,
    }))
}

/// Decodes the backslash escapes of a non-raw string body. `base` is the body's offset,
/// used for error positions. Unknown escapes keep their backslash, as in CPython.
pub fn decode_escapes(body: &str, base: usize) -> Result<String, (String, usize)> {
    if !body.contains('\\') && !body.contains('\r') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            if matches!(chars.peek(), Some((_, '\n'))) {
                chars.next();
            }
            out.push('\n');
            continue;
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\u{7}'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\u{b}'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                        }
                        _ => {
                            let pos = body[..i].chars().count();
                            let what = match e {
                                'x' => "truncated \\xXX escape",
                                'u' => "truncated \\uXXXX escape",
                                _ => "truncated \\UXXXXXXXX escape",
                            };
                            return Err((
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                                    pos,
                                    pos + 1 + k,
                                    what
                                ),
                                base,
                            ));
                        }
                    }
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        let pos = body[..i].chars().count();
                        return Err((
                            format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                pos,
                                pos + 1 + n
                            ),
                            base,
                        ));
                    }
                }
            }
            'N' => {
                return Err((
                    "Baton does not support \\N{...} escapes".to_string(),
                    base + i,
                ))
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
