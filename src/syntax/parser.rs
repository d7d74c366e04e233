//! Parser glue: runs the LALRPOP parser over the layout pass's tokens, turns parse
//! failures into CPython's SyntaxError messages, and holds the grammar's fallible actions
//! (assignment-target checks, argument and parameter order, f-string parsing).

use super::ast::*;
use super::baton::TopParser;
pub use super::chain::{bool_chain, op_chain, ChainOp};
use super::error::{line_of, SyntaxError, SyntaxErrorKind};
use super::lexer::{tokenize, LexEnd, Lexed, Mode, Spanned};
use super::token::Tok;
use lalrpop_util::ParseError;
use std::cell::Cell;

pub type PError = ParseError<usize, Tok, SyntaxError>;
pub type PResult<T> = Result<T, PError>;

/// What the one start symbol of the grammar produces.
pub enum Top {
    Module(Vec<Stmt>),
    Expr(Expr),
}

/// One argument of a call, before ordering checks.
pub enum Arg {
    Pos(Expr),
    Genexp(Expr),
    Star(Expr),
    DoubleStar(Expr, Span),
    Keyword(Expr, Expr, Span),
}

/// One entry of a parameter list, before ordering checks.
pub enum ParamItem {
    Plain(Param, Option<Expr>),
    Star(Option<Param>, Span),
    DoubleStar(Param, Span),
    Slash(Span),
}

/// Deepest expression nesting accepted: about where CPython 3.11's compiler gives up
/// (`1 + 1 + ... + 1` compiles with 2,500 terms and fails with 3,000). Block nesting is
/// limited to 100 by the tokenizer; `elif` chains (nested `If`s in `orelse`) are not
/// counted, as CPython compiles 2,000 of them.
pub const MAX_DEPTH: usize = 3000;

fn user(e: SyntaxError) -> PError {
    ParseError::User { error: e }
}

fn err_at(msg: impl Into<String>, span: Span) -> PError {
    user(SyntaxError::new(msg, span.start as usize).with_end(span.end as usize))
}

/// Parses a whole file (or one REPL input).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    // A UTF-8 byte order mark is skipped, as CPython does when it reads a file.
    let skip = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let relex = || tokenize(&source[skip..], skip, Mode::Module);
    match parse_tokens(source, 0, &relex, false)? {
        Top::Module(body) => Ok(Module { body }),
        Top::Expr(_) => Err(SyntaxError::new("invalid syntax", 0)),
    }
}

/// Parses the expression of an f-string field, `text` starting at byte `base` of the
/// whole source.
pub(crate) fn parse_fexpr(text: &str, base: usize) -> Result<Expr, SyntaxError> {
    if let Some(e) = simple_fexpr(text, base) {
        return Ok(e);
    }
    let relex = || tokenize(text, base, Mode::Expr);
    let prefix = |mut e: SyntaxError| {
        if !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        e
    };
    match parse_tokens(text, base, &relex, true).map_err(prefix)? {
        Top::Expr(e) => Ok(e),
        Top::Module(_) => Err(SyntaxError::new("f-string: invalid syntax", base)),
    }
}

/// The keywords of the lexer: never plain names.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// The tree of the commonest f-string fields, a name or a dotted name (`{x}`,
/// `{self.name}`), built directly: running the tokenizer and a parser for each costs
/// more than the rest of the string. `None` for anything else, which the parser takes.
fn simple_fexpr(text: &str, base: usize) -> Option<Expr> {
    let start = text.len() - text.trim_start_matches(' ').len();
    let body = text.trim_matches(' ');
    let is_name = |part: &str| {
        let mut bytes = part.bytes();
        bytes
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
            && !KEYWORDS.contains(&part)
    };
    let mut expr: Option<Expr> = None;
    let mut at = base + start;
    let first = base + start;
    for part in body.split('.') {
        if !is_name(part) {
            return None;
        }
        let end = at + part.len();
        expr = Some(match expr {
            None => Expr::new(Span::new(at, end), ExprKind::Name(part.to_string())),
            Some(value) => Expr::new(
                Span::new(first, end),
                ExprKind::Attribute {
                    value: Box::new(value),
                    attr: part.to_string(),
                },
            ),
        });
        at = end + 1;
    }
    expr
}

/// Logical lines longer than this are parsed on a thread with a stack big enough to
/// drop (or reject) the deepest tree they could build; shorter ones cannot build a tree
/// deep enough to matter.
const LONG_LINE_TOKENS: usize = 1000;

/// Tokenizes the input (again, for the error path: see [`run`]).
type Relex<'a> = dyn Fn() -> Lexed + Sync + 'a;

fn parse_tokens(
    src: &str,
    base: usize,
    relex: &Relex,
    expr_mode: bool,
) -> Result<Top, SyntaxError> {
    let lexed = relex();
    let mut longest = 0;
    let mut current = 0;
    for t in &lexed.tokens {
        if matches!(t.1, Tok::Newline) {
            current = 0;
        } else {
            current += 1;
            longest = longest.max(current);
        }
    }
    if longest <= LONG_LINE_TOKENS {
        return parse_checked(src, base, lexed, relex, expr_mode);
    }
    let stack = longest
        .saturating_mul(512)
        .saturating_add(16 << 20)
        .min(1 << 32);
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .stack_size(stack)
            .spawn_scoped(scope, move || {
                parse_checked(src, base, lexed, relex, expr_mode)
            });
        match handle {
            Ok(h) => h.join().unwrap_or_else(|_| {
                Err(SyntaxError::new(
                    "internal error: the parser thread failed",
                    0,
                ))
            }),
            Err(_) => Err(SyntaxError::new("too many nested expressions", 0)),
        }
    })
}

fn parse_checked(
    src: &str,
    base: usize,
    lexed: Lexed,
    relex: &Relex,
    expr_mode: bool,
) -> Result<Top, SyntaxError> {
    let top = run(src, base, lexed, relex, expr_mode)?;
    match &top {
        Top::Module(body) => check_depth(body, None)?,
        Top::Expr(e) => check_depth(&[], Some(e))?,
    }
    Ok(top)
}

/// Runs the parser over the tokens, moving them into it. A parse error needs them again
/// to choose CPython's message: they are made again then, by the same deterministic
/// tokenizer, which keeps the successful path free of a copy of every token.
fn run(
    src: &str,
    base: usize,
    lexed: Lexed,
    relex: &Relex,
    expr_mode: bool,
) -> Result<Top, SyntaxError> {
    let Lexed { mut tokens, end } = lexed;
    unwrap_with_parens(&mut tokens);
    let ntokens = tokens.len();
    let consumed = Cell::new(0usize);
    let end_err = match &end {
        LexEnd::Ok => None,
        LexEnd::Error(e) | LexEnd::Unclosed(e, _) => Some(e.clone()),
    };
    let start = if expr_mode {
        let at = tokens.first().map(|t| t.0).unwrap_or(0);
        Some(Ok((at, Tok::FExprStart, at)))
    } else {
        None
    };
    let iter = start
        .into_iter()
        .chain(tokens.into_iter().map(|t| {
            consumed.set(consumed.get() + 1);
            Ok(t)
        }))
        .chain(end_err.map(Err));
    let result = TopParser::new().parse(iter);
    match result {
        Ok(top) => Ok(top),
        Err(ParseError::User { error })
            if consumed.get() == ntokens && !matches!(end, LexEnd::Ok) =>
        {
            Err(error)
        }
        Err(pe) => {
            let failed_at = match &pe {
                ParseError::UnrecognizedToken { token, .. } => token.0,
                ParseError::ExtraToken { token } => token.0,
                ParseError::InvalidToken { location }
                | ParseError::UnrecognizedEof { location, .. } => *location,
                ParseError::User { error } => error.offset,
            };
            let mut tokens = relex().tokens;
            unwrap_with_parens(&mut tokens);
            let perr = convert(src, pe, &tokens, consumed.get(), expr_mode);
            match end {
                LexEnd::Ok => Err(perr),
                LexEnd::Error(e) => Err(e),
                LexEnd::Unclosed(e, line) => {
                    let perr_line = line_of(src, failed_at.saturating_sub(base)) as usize;
                    if perr_line > line {
                        Err(e)
                    } else {
                        Err(perr)
                    }
                }
            }
        }
    }
}

/// The parenthesised form `with (a as b, c as d):` is rewritten to `with a as b, c as d:`
/// (the meaning CPython gives it), which keeps the grammar LR(1). Only done when the
/// parentheses hold a top-level `as` or `,` and are followed directly by `:`.
fn unwrap_with_parens(tokens: &mut Vec<Spanned>) {
    let mut drop = Vec::new();
    for i in 0..tokens.len().saturating_sub(1) {
        if !(matches!(tokens[i].1, Tok::With) && matches!(tokens[i + 1].1, Tok::LPar)) {
            continue;
        }
        let mut depth = 0usize;
        let mut top_level_sep = false;
        let mut close = None;
        for (j, t) in tokens.iter().enumerate().skip(i + 1) {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                Tok::As | Tok::Comma if depth == 1 => top_level_sep = true,
                Tok::Newline => break,
                _ => {}
            }
        }
        let Some(j) = close else { continue };
        if !top_level_sep || !matches!(tokens.get(j + 1).map(|t| &t.1), Some(Tok::Colon)) {
            continue;
        }
        drop.push(i + 1);
        if matches!(tokens[j - 1].1, Tok::Comma) {
            drop.push(j - 1);
        }
        drop.push(j);
    }
    if drop.is_empty() {
        return;
    }
    let mut k = 0;
    let mut idx = 0;
    tokens.retain(|_| {
        let keep = !(k < drop.len() && drop[k] == idx);
        if !keep {
            k += 1;
        }
        idx += 1;
        keep
    });
}

fn is_line_break(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent)
}

/// Index of the first token of the logical line containing token `i`.
fn line_start(tokens: &[Spanned], i: usize) -> usize {
    let mut j = i.min(tokens.len());
    while j > 0 && !is_line_break(&tokens[j - 1].1) {
        j -= 1;
    }
    j
}

fn indented_block_error(src: &str, tokens: &[Spanned], idx: usize, at_eof: bool) -> SyntaxError {
    // tokens[idx - 1] is the NEWLINE after the header's ':'.
    let newline = idx.saturating_sub(1).min(tokens.len().saturating_sub(1));
    let colon = newline.saturating_sub(1);
    let mut h = line_start(tokens, colon);
    if matches!(tokens.get(h).map(|t| &t.1), Some(Tok::Async)) {
        h += 1;
    }
    let what = match tokens.get(h).map(|t| &t.1) {
        Some(Tok::If) => "'if' statement",
        Some(Tok::Elif) => "'elif' statement",
        Some(Tok::Else) => "'else' statement",
        Some(Tok::While) => "'while' statement",
        Some(Tok::For) => "'for' statement",
        Some(Tok::With) => "'with' statement",
        Some(Tok::Try) => "'try' statement",
        Some(Tok::Except) => "'except' statement",
        Some(Tok::Finally) => "'finally' statement",
        Some(Tok::Def) => "function definition",
        Some(Tok::Class) => "class definition",
        _ => "statement",
    };
    let line = tokens.get(h).map(|t| line_of(src, t.0)).unwrap_or(1);
    let offset = if at_eof {
        tokens.get(newline).map(|t| t.0).unwrap_or(src.len())
    } else {
        tokens.get(idx).map(|t| t.0).unwrap_or(src.len())
    };
    let e = SyntaxError::new(
        format!("expected an indented block after {} on line {}", what, line),
        offset,
    )
    .with_kind(SyntaxErrorKind::IndentationError);
    if at_eof {
        e.incomplete()
    } else {
        e
    }
}

fn convert(
    src: &str,
    pe: PError,
    tokens: &[Spanned],
    consumed: usize,
    expr_mode: bool,
) -> SyntaxError {
    // The parser stopped at the closing DEDENTs of the input: a nested block was cut
    // short by the end of the input, so more input could complete it (the REPL asks).
    let cut_short = matches!(&pe, ParseError::UnrecognizedToken { token, .. } if matches!(token.1, Tok::Dedent))
        && tokens
            .get(consumed.saturating_sub(1)..)
            .is_some_and(|rest| rest.iter().all(|t| matches!(t.1, Tok::Dedent)));
    let e = convert_error(src, pe, tokens, consumed, expr_mode);
    if cut_short {
        e.incomplete()
    } else {
        e
    }
}

fn convert_error(
    src: &str,
    pe: PError,
    tokens: &[Spanned],
    consumed: usize,
    expr_mode: bool,
) -> SyntaxError {
    let wants_indent = |expected: &[String]| expected.iter().any(|e| e == "\"INDENT\"");
    match pe {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::new("invalid syntax", location),
        ParseError::ExtraToken { token } => {
            SyntaxError::new("invalid syntax", token.0).with_end(token.2)
        }
        ParseError::UnrecognizedEof { location, expected } => {
            if !expr_mode && wants_indent(&expected) {
                return indented_block_error(src, tokens, tokens.len(), true);
            }
            if expr_mode {
                return SyntaxError::new("f-string: invalid syntax", location);
            }
            let expects = |t: &str| expected.iter().any(|x| x.trim_matches('"') == t);
            if expects("except") && expects("finally") && !expects("pass") {
                return SyntaxError::new("expected 'except' or 'finally' block", location)
                    .incomplete();
            }
            SyntaxError::new("unexpected EOF while parsing", location).incomplete()
        }
        ParseError::UnrecognizedToken { token, expected } => {
            let (s, tok, e) = token;
            let idx = consumed.saturating_sub(1);
            if matches!(tok, Tok::ColonEqual) {
                return SyntaxError::new(
                    "Baton does not support assignment expressions (the walrus operator ':=')",
                    s,
                )
                .with_end(e);
            }
            if expr_mode {
                return SyntaxError::new("f-string: invalid syntax", s).with_end(e);
            }
            if matches!(tok, Tok::Indent) {
                let ls = src[..s].rfind('\n').map(|p| p + 1).unwrap_or(0);
                let off = if s > ls { s - 1 } else { s };
                return SyntaxError::new("unexpected indent", off)
                    .with_kind(SyntaxErrorKind::IndentationError)
                    .without_caret();
            }
            if wants_indent(&expected) {
                return indented_block_error(src, tokens, idx, false);
            }
            let ls = line_start(tokens, idx);
            if let Some((ms, Tok::Name(n), me)) = tokens.get(ls) {
                if n == "match" && idx > ls {
                    return SyntaxError::new("Baton does not support the match statement", *ms)
                        .with_end(*me);
                }
                if n == "print"
                    && idx == ls + 1
                    && matches!(
                        tok,
                        Tok::Name(_) | Tok::Str(_) | Tok::Int(_) | Tok::Float(_)
                    )
                {
                    // Underlined to the end of the statement, as CPython does.
                    let last = tokens[idx..]
                        .iter()
                        .take_while(|t| !matches!(t.1, Tok::Newline | Tok::Semi))
                        .last()
                        .map_or(e, |t| t.2);
                    return SyntaxError::new(
                        "Missing parentheses in call to 'print'. Did you mean print(...)?",
                        *ms,
                    )
                    .with_end(last);
                }
            }
            if matches!(tok, Tok::Star) && idx > 0 && matches!(tokens[idx - 1].1, Tok::Except) {
                return SyntaxError::new("Baton does not support 'except*'", tokens[idx - 1].0)
                    .with_end(e);
            }
            let expects = |t: &str| expected.iter().any(|x| x.trim_matches('"') == t);
            if expects("except") && expects("finally") && !expects("pass") {
                return SyntaxError::new("expected 'except' or 'finally' block", s).with_end(e);
            }
            if matches!(tok, Tok::Equal) && idx > 0 {
                if let (ys, Tok::Yield, ye) = &tokens[idx - 1] {
                    return SyntaxError::new("assignment to yield expression not possible", *ys)
                        .with_end(*ye);
                }
                if let (ps, Tok::Name(_), _) = &tokens[idx - 1] {
                    return SyntaxError::new(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        *ps,
                    )
                    .with_end(e);
                }
            }
            if expects("else") && !expects("pass") && !matches!(tok, Tok::Else) {
                if let Some(at) = if_expression_start(tokens, idx) {
                    return SyntaxError::new("expected 'else' after 'if' expression", at)
                        .with_end(s);
                }
            }
            if matches!(tok, Tok::Comma | Tok::RBrace)
                && idx > 0
                && matches!(innermost_open(tokens, idx), Some(Tok::LBrace))
            {
                if matches!(tokens[idx - 1].1, Tok::Colon) {
                    return SyntaxError::new(
                        "expression expected after dictionary key and ':'",
                        tokens[idx - 1].0,
                    );
                }
                if expects(":") {
                    return SyntaxError::new(
                        "':' expected after dictionary key",
                        tokens[idx - 1].0,
                    );
                }
            }
            if let Some(at) = forgot_comma(tokens, idx) {
                return SyntaxError::new("invalid syntax. Perhaps you forgot a comma?", at)
                    .with_end(e);
            }
            if matches!(tok, Tok::Newline) && expected.iter().any(|x| x == "\":\"") {
                return SyntaxError::new("expected ':'", s);
            }
            if matches!(tok, Tok::Dedent) {
                return SyntaxError::new("unexpected unindent", s)
                    .with_kind(SyntaxErrorKind::IndentationError);
            }
            SyntaxError::new("invalid syntax", s).with_end(e.max(s + 1))
        }
    }
}

/// Start of the `a if b` expression that lacks its `else`, for CPython's message.
fn if_expression_start(tokens: &[Spanned], idx: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut j = idx;
    let mut seen_if = false;
    while j > 0 {
        j -= 1;
        match &tokens[j].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
            Tok::If if depth == 0 => seen_if = true,
            Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
            | Tok::Equal
            | Tok::Comma
            | Tok::Colon
            | Tok::Newline
            | Tok::Indent
            | Tok::Dedent
            | Tok::Return
            | Tok::Yield
            | Tok::Semi
                if depth == 0 =>
            {
                return if seen_if {
                    tokens.get(j + 1).map(|t| t.0)
                } else {
                    None
                };
            }
            _ => {}
        }
    }
    if seen_if {
        tokens.first().map(|t| t.0)
    } else {
        None
    }
}

/// The innermost bracket still open before token `idx` on its logical line.
fn innermost_open(tokens: &[Spanned], idx: usize) -> Option<&Tok> {
    let mut depth = 0usize;
    let mut j = idx.min(tokens.len());
    while j > 0 {
        j -= 1;
        match &tokens[j].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            t @ (Tok::LPar | Tok::LSqb | Tok::LBrace) => {
                if depth == 0 {
                    return Some(t);
                }
                depth -= 1;
            }
            Tok::Newline | Tok::Indent | Tok::Dedent => return None,
            _ => {}
        }
    }
    None
}

fn starts_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::LPar
            | Tok::LSqb
            | Tok::LBrace
    )
}

/// CPython's "Perhaps you forgot a comma?": two expressions side by side inside
/// brackets. Returns the start of the first one.
fn forgot_comma(tokens: &[Spanned], idx: usize) -> Option<usize> {
    let tok = &tokens.get(idx)?.1;
    let prev = &tokens.get(idx.checked_sub(1)?)?.1;
    if !starts_atom(tok) || matches!(tok, Tok::LPar | Tok::LSqb) {
        return None;
    }
    if matches!(prev, Tok::Name(_)) && matches!(tok, Tok::Str(_)) {
        return None;
    }
    let ends_atom = matches!(
        prev,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Str(_)
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    );
    if !ends_atom {
        return None;
    }
    // Inside brackets? Walk back to the line start counting brackets.
    let mut depth = 0i32;
    let mut j = idx;
    let mut first = None;
    while j > 0 {
        j -= 1;
        match &tokens[j].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                depth += 1;
                if depth > 0 {
                    break;
                }
            }
            Tok::Comma | Tok::Colon | Tok::Equal if depth == 0 && first.is_none() => {
                first = Some(tokens[j + 1].0);
            }
            Tok::Newline | Tok::Indent | Tok::Dedent => return None,
            _ => {}
        }
    }
    if depth <= 0 {
        return None;
    }
    Some(first.unwrap_or(tokens[j + 1].0))
}

// ---- Depth check ----

/// Rejects trees nested deeper than MAX_DEPTH (the compiler recurses over the tree),
/// walking with an explicit stack.
fn check_depth(body: &[Stmt], expr: Option<&Expr>) -> Result<(), SyntaxError> {
    let mut stack: Vec<(&Expr, usize)> = expr.into_iter().map(|e| (e, 1)).collect();
    let mut stmts: Vec<(&Stmt, usize)> = body.iter().map(|s| (s, 1)).collect();
    loop {
        match stmts.pop() {
            Some((s, d)) => check_stmt(s, d, &mut stmts, &mut stack)?,
            None if stack.is_empty() => return Ok(()),
            None => {}
        }
        while let Some((e, d)) = stack.pop() {
            if d > MAX_DEPTH {
                return Err(SyntaxError::new(
                    "too many nested expressions",
                    e.span.start as usize,
                ));
            }
            push_children(e, d + 1, &mut stack);
        }
    }
}

fn check_stmt<'a>(
    s: &'a Stmt,
    d: usize,
    stmts: &mut Vec<(&'a Stmt, usize)>,
    stack: &mut Vec<(&'a Expr, usize)>,
) -> Result<(), SyntaxError> {
    if d > MAX_DEPTH {
        return Err(SyntaxError::new(
            "too many statically nested blocks",
            s.span.start as usize,
        ));
    }
    let body = |b: &'a [Stmt], stmts: &mut Vec<(&'a Stmt, usize)>| {
        stmts.extend(b.iter().map(|x| (x, d + 1)));
    };
    match &s.kind {
        StmtKind::If {
            body: b,
            orelse,
            test,
        } if orelse.len() == 1 && matches!(orelse[0].kind, StmtKind::If { .. }) => {
            // An `elif` chain: the nested If sits at the same depth.
            stack.push((test, d));
            body(b, stmts);
            stmts.push((&orelse[0], d));
        }
        StmtKind::If {
            body: b,
            orelse,
            test,
        }
        | StmtKind::While {
            body: b,
            orelse,
            test,
        } => {
            stack.push((test, d));
            body(b, stmts);
            body(orelse, stmts);
        }
        StmtKind::For {
            body: b,
            orelse,
            target,
            iter,
            ..
        } => {
            stack.push((target, d));
            stack.push((iter, d));
            body(b, stmts);
            body(orelse, stmts);
        }
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
        } => {
            body(b, stmts);
            body(orelse, stmts);
            body(finalbody, stmts);
            for h in handlers {
                stack.extend(h.typ.iter().map(|x| (x, d)));
                body(&h.body, stmts);
            }
        }
        StmtKind::With { body: b, items, .. } => {
            for i in items {
                stack.push((&i.context, d));
                stack.extend(i.target.iter().map(|x| (x, d)));
            }
            body(b, stmts);
        }
        StmtKind::FunctionDef(f) => {
            stack.extend(f.decorators.iter().map(|x| (x, d)));
            stack.extend(f.params.defaults.iter().map(|x| (x, d)));
            stack.extend(f.params.kw_defaults.iter().flatten().map(|x| (x, d)));
            body(&f.body, stmts);
        }
        StmtKind::ClassDef(c) => {
            stack.extend(c.decorators.iter().chain(c.bases.iter()).map(|x| (x, d)));
            stack.extend(c.keywords.iter().map(|k| (&k.value, d)));
            body(&c.body, stmts);
        }
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => stack.push((e, d)),
        StmtKind::Assign { targets, value } => {
            stack.push((value, d));
            stack.extend(targets.iter().map(|t| (t, d)));
        }
        StmtKind::AugAssign { target, value, .. } => {
            stack.push((target, d));
            stack.push((value, d));
        }
        StmtKind::AnnAssign { target, value, .. } => {
            stack.push((target, d));
            stack.extend(value.iter().map(|x| (&**x, d)));
        }
        StmtKind::Raise { exc, cause } => {
            stack.extend(exc.iter().chain(cause.iter()).map(|x| (&**x, d)));
        }
        StmtKind::Assert { test, msg } => {
            stack.push((test, d));
            stack.extend(msg.iter().map(|x| (&**x, d)));
        }
        StmtKind::Delete(v) => stack.extend(v.iter().map(|x| (x, d))),
        _ => {}
    }
    Ok(())
}

fn push_children<'a>(e: &'a Expr, d: usize, stack: &mut Vec<(&'a Expr, usize)>) {
    let comps = |gens: &'a [Comprehension], stack: &mut Vec<(&'a Expr, usize)>| {
        for g in gens {
            stack.push((&g.target, d));
            stack.push((&g.iter, d));
            stack.extend(g.ifs.iter().map(|x| (x, d)));
        }
    };
    match &e.kind {
        ExprKind::BoolOp { values, .. } => stack.extend(values.iter().map(|x| (x, d))),
        ExprKind::BinOp { left, right, .. } => {
            stack.push((left, d));
            stack.push((right, d));
        }
        ExprKind::UnaryOp { operand, .. } => stack.push((operand, d)),
        ExprKind::Await(x) | ExprKind::YieldFrom(x) | ExprKind::Starred(x) => stack.push((x, d)),
        ExprKind::Yield(Some(x)) => stack.push((x, d)),
        ExprKind::Attribute { value, .. } => stack.push((value, d)),
        ExprKind::Subscript { value, index } => {
            stack.push((value, d));
            stack.push((index, d));
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                stack.push((x, d));
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            stack.push((func, d));
            stack.extend(args.iter().map(|x| (x, d)));
            stack.extend(keywords.iter().map(|k| (&k.value, d)));
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            stack.push((left, d));
            stack.extend(comparators.iter().map(|x| (x, d)));
        }
        ExprKind::IfExp { test, body, orelse } => {
            stack.push((test, d));
            stack.push((body, d));
            stack.push((orelse, d));
        }
        ExprKind::Lambda { body, params } => {
            stack.push((body, d));
            stack.extend(params.defaults.iter().map(|x| (x, d)));
            stack.extend(params.kw_defaults.iter().flatten().map(|x| (x, d)));
        }
        ExprKind::List(v) | ExprKind::Tuple(v) | ExprKind::Set(v) => {
            stack.extend(v.iter().map(|x| (x, d)))
        }
        ExprKind::Dict { keys, values } => {
            stack.extend(keys.iter().flatten().map(|x| (x, d)));
            stack.extend(values.iter().map(|x| (x, d)));
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            stack.push((elt, d));
            comps(generators, stack);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            stack.push((key, d));
            stack.push((value, d));
            comps(generators, stack);
        }
        ExprKind::JoinedStr(parts) => push_fstring(parts, d, stack),
        ExprKind::Yield(None) | ExprKind::Constant(_) | ExprKind::Name(_) => {}
    }
}

fn push_fstring<'a>(parts: &'a [FStringPart], d: usize, stack: &mut Vec<(&'a Expr, usize)>) {
    for p in parts {
        if let FStringPart::Formatted { value, spec, .. } = p {
            stack.push((value, d));
            if let Some(spec) = spec {
                push_fstring(spec, d, stack);
            }
        }
    }
}

// ---- Grammar actions ----

pub fn tuple(span: Span, first: Expr, rest: Vec<Expr>) -> Expr {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(rest);
    Expr::new(span, ExprKind::Tuple(v))
}

pub fn bin(span: Span, left: Expr, op: BinOp, right: Expr) -> Expr {
    Expr::new(
        span,
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
    )
}

/// The statements of a block, in one vector of exactly their number (collecting a
/// flattened iterator would grow it by doubling: blocks are most of a module's tree).
pub fn concat(lines: Vec<Vec<Stmt>>) -> Vec<Stmt> {
    let mut out = Vec::with_capacity(lines.iter().map(Vec::len).sum());
    for line in lines {
        out.extend(line);
    }
    out
}

pub fn dict(span: Span, items: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    Expr::new(span, ExprKind::Dict { keys, values })
}

/// CPython's name for an expression kind in "cannot assign to …" messages.
fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression of a target that cannot be assigned to (or deleted).
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred(inner) if !del => invalid_target(inner, del),
        ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().find_map(|x| invalid_target(x, del)),
        _ => Some(e),
    }
}

fn check_store(e: &Expr) -> PResult<()> {
    match invalid_target(e, false) {
        Some(bad) => Err(err_at(
            format!("cannot assign to {}", expr_name(bad)),
            bad.span,
        )),
        None => Ok(()),
    }
}

pub fn assign(span: Span, first: Expr, mut rest: Vec<Expr>) -> PResult<Stmt> {
    let value = rest.pop().expect("grammar gives at least one '=' value");
    let mut targets = Vec::with_capacity(rest.len() + 1);
    targets.push(first);
    targets.extend(rest);
    let single = targets.len() == 1;
    for t in &targets {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Err(err_at(
                "assignment to yield expression not possible",
                t.span,
            ));
        }
        if matches!(t.kind, ExprKind::Starred(_)) {
            return Err(err_at(
                "starred assignment target must be in a list or tuple",
                t.span,
            ));
        }
        if let Some(bad) = invalid_target(t, false) {
            let top = std::ptr::eq(bad, t);
            let here = top
                && single
                && !matches!(
                    bad.kind,
                    ExprKind::Constant(Constant::None | Constant::True | Constant::False)
                        | ExprKind::Compare { .. }
                        | ExprKind::BoolOp { .. }
                        | ExprKind::IfExp { .. }
                        | ExprKind::Lambda { .. }
                        | ExprKind::UnaryOp {
                            op: UnaryOp::Not,
                            ..
                        }
                        | ExprKind::GeneratorExp { .. }
                );
            let msg = if here {
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                )
            } else {
                format!("cannot assign to {}", expr_name(bad))
            };
            return Err(err_at(msg, bad.span));
        }
    }
    Ok(Stmt::new(span, StmtKind::Assign { targets, value }))
}

pub fn aug_assign(span: Span, target: Expr, op: BinOp, value: Expr) -> PResult<Stmt> {
    if !matches!(
        target.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        return Err(err_at(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            ),
            target.span,
        ));
    }
    Ok(Stmt::new(
        span,
        StmtKind::AugAssign {
            target: Box::new(target),
            op,
            value: Box::new(value),
        },
    ))
}

pub fn ann_assign(
    span: Span,
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
) -> PResult<Stmt> {
    let msg = match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple(_) => Some("only single target (not tuple) can be annotated"),
        ExprKind::List(_) => Some("only single target (not list) can be annotated"),
        _ => Some("illegal target for annotation"),
    };
    if let Some(msg) = msg {
        return Err(err_at(msg, target.span));
    }
    Ok(Stmt::new(
        span,
        StmtKind::AnnAssign {
            target: Box::new(target),
            annotation: Box::new(annotation),
            value: value.map(Box::new),
        },
    ))
}

pub fn delete(span: Span, targets: Vec<Expr>) -> PResult<Stmt> {
    for t in &targets {
        if let Some(bad) = invalid_target(t, true) {
            return Err(err_at(
                format!("cannot delete {}", expr_name(bad)),
                bad.span,
            ));
        }
    }
    Ok(Stmt::new(span, StmtKind::Delete(targets)))
}

pub fn import_from(
    span: Span,
    level: u32,
    module: Option<String>,
    names: Vec<Alias>,
) -> PResult<Stmt> {
    if level == 0 && module.is_none() {
        return Err(err_at("invalid syntax", span));
    }
    Ok(Stmt::new(
        span,
        StmtKind::ImportFrom {
            module: module.unwrap_or_default(),
            names,
            level,
        },
    ))
}

pub fn decorate(decorators: Vec<Expr>, mut stmt: Stmt) -> Stmt {
    match &mut stmt.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    stmt
}

pub fn if_stmt(
    span: Span,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    let mut orelse = orelse.unwrap_or_default();
    for (l, t, b) in elifs.into_iter().rev() {
        orelse = vec![Stmt::new(
            Span::new(l, span.end as usize),
            StmtKind::If {
                test: Box::new(t),
                body: b,
                orelse,
            },
        )];
    }
    Stmt::new(
        span,
        StmtKind::If {
            test: Box::new(test),
            body,
            orelse,
        },
    )
}

pub fn for_stmt(
    span: Span,
    is_async: bool,
    target: Expr,
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    check_store(&target)?;
    Ok(Stmt::new(
        span,
        StmtKind::For {
            is_async,
            target: Box::new(target),
            iter: Box::new(iter),
            body,
            orelse: orelse.unwrap_or_default(),
        },
    ))
}

pub fn with_stmt(
    span: Span,
    is_async: bool,
    items: Vec<(Expr, Option<Expr>)>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let mut out = Vec::with_capacity(items.len());
    for (context, target) in items {
        if let Some(t) = &target {
            check_store(t)?;
        }
        out.push(WithItem { context, target });
    }
    Ok(Stmt::new(
        span,
        StmtKind::With {
            is_async,
            items: out,
            body,
        },
    ))
}

pub fn comprehension(
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> PResult<Comprehension> {
    check_store(&target)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

fn build_params(items: Vec<ParamItem>) -> PResult<Parameters> {
    let mut p = Parameters::default();
    let mut seen_star: Option<Span> = None;
    let mut seen_slash = false;
    let mut seen_kwarg = false;
    let mut seen_default = false;
    p.args.reserve_exact(items.len());
    for item in items {
        if seen_kwarg {
            let span = match &item {
                ParamItem::Plain(p, _) => p.span,
                ParamItem::Star(_, s) | ParamItem::DoubleStar(_, s) | ParamItem::Slash(s) => *s,
            };
            return Err(err_at("arguments cannot follow var-keyword argument", span));
        }
        match item {
            ParamItem::Slash(span) => {
                if seen_slash {
                    return Err(err_at("/ may appear only once", span));
                }
                if seen_star.is_some() {
                    return Err(err_at("/ must be ahead of *", span));
                }
                if p.args.is_empty() {
                    return Err(err_at("at least one argument must precede /", span));
                }
                seen_slash = true;
                p.posonly = p.args.len();
            }
            ParamItem::Star(param, span) => {
                if seen_star.is_some() {
                    return Err(err_at("* argument may appear only once", span));
                }
                seen_star = Some(span);
                if let Some(param) = param {
                    p.vararg = Some(param);
                }
            }
            ParamItem::DoubleStar(param, _) => {
                if let Some(span) = seen_star {
                    if p.vararg.is_none() && p.kwonlyargs.is_empty() {
                        return Err(err_at("named arguments must follow bare *", span));
                    }
                }
                p.kwarg = Some(param);
                seen_kwarg = true;
            }
            ParamItem::Plain(param, default) => {
                if seen_star.is_some() {
                    p.kwonlyargs.push(param);
                    p.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            p.defaults.push(d);
                        }
                        None if seen_default => {
                            return Err(err_at(
                                "non-default argument follows default argument",
                                param.span,
                            ))
                        }
                        None => {}
                    }
                    p.args.push(param);
                }
            }
        }
    }
    if let Some(span) = seen_star {
        if p.vararg.is_none() && p.kwonlyargs.is_empty() {
            return Err(err_at("named arguments must follow bare *", span));
        }
    }
    // In the order they were written: positional, *args, keyword-only, **kwargs.
    let names: Vec<&Param> = p
        .args
        .iter()
        .chain(&p.vararg)
        .chain(&p.kwonlyargs)
        .chain(&p.kwarg)
        .collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].iter().any(|m| m.name == n.name) {
            return Err(err_at(
                format!("duplicate argument '{}' in function definition", n.name),
                n.span,
            ));
        }
    }
    Ok(p)
}

pub fn lambda(span: Span, items: Vec<ParamItem>, body: Expr) -> PResult<Expr> {
    let params = build_params(items)?;
    Ok(Expr::new(
        span,
        ExprKind::Lambda {
            params: Box::new(params),
            body: Box::new(body),
        },
    ))
}

pub fn func_def(
    span: Span,
    is_async: bool,
    name: String,
    items: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let params = build_params(items)?;
    Ok(Stmt::new(
        span,
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            is_async,
            params,
            body,
            decorators: Vec::new(),
            returns,
        })),
    ))
}

/// `close` is the offset of the closing parenthesis, where CPython puts the caret of
/// argument-order errors.
fn build_args(items: Vec<Arg>, close: usize) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let at_close = |msg: &str| user(SyntaxError::new(msg, close).with_end(close + 1));
    let n = items.len();
    // Sized exactly: the tree keeps these vectors.
    let npos = items
        .iter()
        .filter(|a| matches!(a, Arg::Pos(_) | Arg::Genexp(_) | Arg::Star(_)))
        .count();
    let mut args = Vec::with_capacity(npos);
    let mut keywords: Vec<Keyword> = Vec::with_capacity(n - npos);
    let mut seen_kw = false;
    let mut seen_dstar = false;
    for item in items {
        match item {
            Arg::Pos(_) | Arg::Genexp(_) if seen_dstar => {
                return Err(at_close(
                    "positional argument follows keyword argument unpacking",
                ))
            }
            Arg::Pos(_) | Arg::Genexp(_) if seen_kw => {
                return Err(at_close("positional argument follows keyword argument"))
            }
            Arg::Genexp(e) if n > 1 => {
                return Err(err_at("Generator expression must be parenthesized", e.span))
            }
            Arg::Pos(e) | Arg::Genexp(e) => args.push(e),
            Arg::Star(e) => {
                if seen_dstar {
                    return Err(err_at(
                        "iterable argument unpacking follows keyword argument unpacking",
                        e.span,
                    ));
                }
                args.push(e);
            }
            Arg::DoubleStar(e, span) => {
                seen_dstar = true;
                keywords.push(Keyword {
                    arg: None,
                    value: e,
                    span,
                });
            }
            Arg::Keyword(k, v, span) => {
                let ExprKind::Name(name) = k.kind else {
                    return Err(err_at(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        Span::new(k.span.start as usize, v.span.end as usize),
                    ));
                };
                if keywords
                    .iter()
                    .any(|kw| kw.arg.as_deref() == Some(name.as_str()))
                {
                    return Err(err_at(format!("keyword argument repeated: {}", name), span));
                }
                seen_kw = true;
                keywords.push(Keyword {
                    arg: Some(name),
                    value: v,
                    span,
                });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(span: Span, func: Expr, items: Vec<Arg>) -> PResult<Expr> {
    let (args, keywords) = build_args(items, (span.end as usize).saturating_sub(1))?;
    Ok(Expr::new(
        span,
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
    ))
}

pub fn class_def(
    span: Span,
    name: String,
    args: Option<(Vec<Arg>, usize)>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let (items, close) = args.unwrap_or_default();
    for item in &items {
        if let Arg::Genexp(Expr {
            kind: ExprKind::GeneratorExp { elt, .. },
            ..
        }) = item
        {
            let at = elt.span.end as usize + 1;
            return Err(user(SyntaxError::new("invalid syntax", at)));
        }
    }
    let (bases, keywords) = build_args(items, close)?;
    Ok(Stmt::new(
        span,
        StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators: Vec::new(),
        })),
    ))
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
