//! Text formatting of numbers and strings with CPython 3.11's exact output: `repr()` of
//! floats and strings, and the format-spec mini-language used by `format()`, f-strings
//! and `str.format` (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`).
//!
//! Everything here is a pure function over Rust types; the VM chooses which one to call
//! from the value's type. Number parsing, int/str conversion and float arithmetic live
//! in the [`num`] submodule and are re-exported here.

pub mod num;
pub mod unicode_tables;

pub use num::*;

use crate::vm::error::{ExcType, PyErr, PyResult};
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// Formatting a width or precision this large would exhaust memory; refuse it.
const MAX_PAD: usize = 1 << 28;

/// Which kind of object a spec is being parsed for: decides the default type and
/// alignment and the type name in error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatKind {
    Int,
    Float,
    Str,
}

impl FormatKind {
    fn type_name(self) -> &'static str {
        match self {
            FormatKind::Int => "int",
            FormatKind::Float => "float",
            FormatKind::Str => "str",
        }
    }
    fn default_type(self) -> Option<char> {
        match self {
            FormatKind::Int => Some('d'),
            FormatKind::Float => None,
            FormatKind::Str => Some('s'),
        }
    }
}

/// A parsed format spec (`[[fill]align][sign][z][#][0][width][,|_][.precision][type]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (already resolved: `' '`, the given one, or `'0'` from the
    /// zero flag).
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` means the kind's default.
    pub align: Option<char>,
    /// `+`, `-` or `' '`.
    pub sign: Option<char>,
    /// The `z` flag (negative zero coercion, floats only).
    pub no_neg_0: bool,
    /// The `#` flag.
    pub alternate: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type; `None` for floats without one.
    pub ty: Option<char>,
}

fn err(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ValueError, msg)
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Reads a run of decimal digits at `pos`; returns (value, new position).
fn read_int(chars: &[char], mut pos: usize) -> PyResult<(Option<usize>, usize)> {
    let start = pos;
    let mut value: usize = 0;
    while pos < chars.len() && chars[pos].is_ascii_digit() {
        let d = chars[pos] as usize - '0' as usize;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|v| *v <= i64::MAX as usize)
            .ok_or_else(|| err("Too many decimal digits in format string"))?;
        pos += 1;
    }
    Ok((if pos == start { None } else { Some(value) }, pos))
}

impl FormatSpec {
    /// Parses a spec for a value of the given kind, with CPython's checks and messages
    /// (the ones `parse_internal_render_format_spec` makes).
    pub fn parse(spec: &str, kind: FormatKind) -> PyResult<FormatSpec> {
        let c: Vec<char> = spec.chars().collect();
        let mut pos = 0;
        let mut fill = ' ';
        let mut fill_given = false;
        let mut align = None;
        if c.len() >= 2 && is_align(c[1]) {
            fill = c[0];
            fill_given = true;
            align = Some(c[1]);
            pos = 2;
        } else if !c.is_empty() && is_align(c[0]) {
            align = Some(c[0]);
            pos = 1;
        }
        let mut sign = None;
        if pos < c.len() && matches!(c[pos], '+' | '-' | ' ') {
            sign = Some(c[pos]);
            pos += 1;
        }
        let mut no_neg_0 = false;
        if pos < c.len() && c[pos] == 'z' {
            no_neg_0 = true;
            pos += 1;
        }
        let mut alternate = false;
        if pos < c.len() && c[pos] == '#' {
            alternate = true;
            pos += 1;
        }
        if !fill_given && pos < c.len() && c[pos] == '0' {
            fill = '0';
            if align.is_none() && kind != FormatKind::Str {
                align = Some('=');
            }
            pos += 1;
        }
        let (width, p) = read_int(&c, pos)?;
        pos = p;
        let mut grouping = None;
        if pos < c.len() && c[pos] == ',' {
            grouping = Some(',');
            pos += 1;
        }
        if pos < c.len() && c[pos] == '_' {
            if grouping.is_some() {
                return Err(err("Cannot specify both ',' and '_'."));
            }
            grouping = Some('_');
            pos += 1;
        }
        if pos < c.len() && c[pos] == ',' && grouping == Some('_') {
            return Err(err("Cannot specify both ',' and '_'."));
        }
        let mut precision = None;
        if pos < c.len() && c[pos] == '.' {
            pos += 1;
            let (p, np) = read_int(&c, pos)?;
            if p.is_none() {
                return Err(err("Format specifier missing precision"));
            }
            precision = p;
            pos = np;
        }
        if c.len() - pos > 1 {
            return Err(err(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec,
                kind.type_name()
            )));
        }
        let ty = if pos < c.len() {
            Some(c[pos])
        } else {
            kind.default_type()
        };
        if let Some(g) = grouping {
            match ty {
                None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
                Some('b' | 'o' | 'x' | 'X') if g == '_' => {}
                Some(t) => {
                    return Err(err(if (t as u32) > 32 && (t as u32) < 128 {
                        format!("Cannot specify '{}' with '{}'.", g, t)
                    } else {
                        format!("Cannot specify '{}' with '\\x{:x}'.", g, t as u32)
                    }))
                }
            }
        }
        if width.is_some_and(|w| w > MAX_PAD) || precision.is_some_and(|p| p > MAX_PAD) {
            return Err(PyErr::new(ExcType::MemoryError, ""));
        }
        Ok(FormatSpec {
            fill,
            align,
            sign,
            no_neg_0,
            alternate,
            width,
            grouping,
            precision,
            ty,
        })
    }
}

fn unknown_code(t: char, type_name: &str) -> PyErr {
    if (t as u32) > 32 && (t as u32) < 128 {
        err(format!(
            "Unknown format code '{}' for object of type '{}'",
            t, type_name
        ))
    } else {
        err(format!(
            "Unknown format code '\\x{:x}' for object of type '{}'",
            t as u32, type_name
        ))
    }
}

/// Pads `body` (already complete) to the spec's width. For `=` alignment, the fill
/// goes after the first `split` characters (sign and prefix).
fn pad(body: String, split: usize, spec: &FormatSpec, default_align: char) -> String {
    let len = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if len >= width {
        return body;
    }
    let n = width - len;
    let fill = |k: usize| std::iter::repeat_n(spec.fill, k).collect::<String>();
    match spec.align.unwrap_or(default_align) {
        '<' => body + &fill(n),
        '^' => fill(n / 2) + &body + &fill(n - n / 2),
        '=' => {
            let idx = body
                .char_indices()
                .nth(split)
                .map_or(body.len(), |(i, _)| i);
            format!("{}{}{}", &body[..idx], fill(n), &body[idx..])
        }
        _ => fill(n) + &body,
    }
}

/// Inserts `sep` every `size` digits from the right, padding with zeros to at least
/// `min_width` characters the way CPython's `_PyUnicode_InsertThousandsGrouping` does.
fn group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as isize;
    let mut min_width = min_width as isize;
    let mut out: Vec<u8> = Vec::new(); // reversed
    let mut first = true;
    loop {
        let l = (size as isize).min(remaining.max(min_width).max(1));
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if !first {
            out.push(sep as u8);
        }
        for k in 0..n_chars {
            out.push(d[(remaining - 1 - k) as usize]);
        }
        out.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        first = false;
        remaining -= n_chars;
        min_width -= l;
        if remaining <= 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Assembles sign, prefix, integer digits (grouped), and the rest (fraction, exponent,
/// `%`) and pads the result. `sep` is the grouping separator and group size.
fn render_number(
    spec: &FormatSpec,
    negative: bool,
    prefix: &str,
    intpart: &str,
    rest: &str,
    sep: Option<(char, usize)>,
) -> String {
    let sign = if negative {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let lead = sign.len() + prefix.len();
    let digits = match sep {
        Some((c, size)) if !intpart.is_empty() => {
            let min_width = if spec.fill == '0' && spec.align == Some('=') {
                spec.width
                    .unwrap_or(0)
                    .saturating_sub(lead + rest.chars().count())
            } else {
                0
            };
            group_digits(intpart, c, size, min_width)
        }
        _ => intpart.to_string(),
    };
    let body = format!("{}{}{}{}", sign, prefix, digits, rest);
    pad(body, lead, spec, '>')
}

// ---------------------------------------------------------------------------------
// Floats

/// Shortest round-trip digits of a finite, non-negative `x`: (digits without trailing
/// zeros, decpt) where x = 0.d1d2... * 10**decpt (dtoa mode 0).
fn shortest_digits(x: f64) -> (String, i32) {
    let (digits, decpt) = split_exp(&format!("{:e}", x));
    // Rust may pick either of two equally short candidates; dtoa picks the one
    // closest to x (half-even on ties), i.e. x correctly rounded to that many digits,
    // which round-trips whenever any string of that length does.
    let n = digits.len();
    if n > 1 {
        let (close, p) = sig_digits(x, n);
        if close.len() == n && close != digits {
            return (close, p);
        }
    }
    (digits, decpt)
}

/// `n` significant digits, correctly rounded (dtoa mode 2), trailing zeros stripped.
fn sig_digits(x: f64, n: usize) -> (String, i32) {
    // Rust's formatter rejects precisions above 65,535; an f64 has at most 767
    // significant digits, so asking for EXACT_DIGITS is exact (and zeros follow).
    split_exp(&format!("{:.*e}", n.saturating_sub(1).min(EXACT_DIGITS), x))
}

/// Splits Rust's `d.ddde[-]N` into (digits without trailing zeros, N + 1).
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let mut digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    let exp: i32 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

/// Decimal places (or significant digits) past which an f64 has only zeros.
const EXACT_DIGITS: usize = 1100;

/// CPython's `format_float_short` for a finite, non-negative `x`; `code` is one of
/// `e f g r`; `precision` as given (already defaulted).
fn float_short(x: f64, code: char, precision: usize, alt: bool, add_dot_0: bool) -> String {
    if code == 'f' {
        // Past EXACT_DIGITS decimals an f64's exact expansion has only zeros (it ends
        // within 1,074 places), and Rust's formatter rejects precisions above 65,535.
        let shown = precision.min(EXACT_DIGITS);
        let mut s = format!("{:.*}", shown, x);
        s.extend(std::iter::repeat_n('0', precision - shown));
        if alt && precision == 0 {
            s.push('.');
        }
        return s;
    }
    let (digits, mut decpt, precision) = match code {
        'e' => {
            let (d, p) = sig_digits(x, precision + 1);
            (d, p, precision + 1)
        }
        'g' => {
            let precision = precision.max(1);
            let (d, p) = sig_digits(x, precision);
            (d, p, precision)
        }
        _ => {
            let (d, p) = shortest_digits(x);
            (d, p, 0)
        }
    };
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    let prec = precision as i64;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = prec;
        }
        'g' => {
            let limit = if add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt as i64 > limit {
                use_exp = true;
            }
            if alt {
                vdigits_end = prec;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let decpt = decpt as i64;
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |n: i64| "0".repeat(n.max(0) as usize);
    let mut s = String::new();
    if decpt <= 0 {
        s += &zeros(decpt - vdigits_start);
        s.push('.');
        s += &zeros(-decpt);
    } else {
        s += &zeros(-vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        s += &digits[..decpt as usize];
        s.push('.');
        s += &digits[decpt as usize..];
    } else {
        s += &digits;
    }
    if digits_len < decpt {
        s += &zeros(decpt - digits_len);
        s.push('.');
        s += &zeros(vdigits_end - decpt);
    } else {
        s += &zeros(vdigits_end - digits_len);
    }
    if s.ends_with('.') && !alt {
        s.pop();
    }
    if use_exp {
        let sign = if exp < 0 { '-' } else { '+' };
        s += &format!("e{}{:02}", sign, exp.unsigned_abs());
    }
    s
}

/// `repr(x)` / `str(x)` for a float: shortest round-trip digits, exponent notation
/// when the decimal exponent is < -4 or >= 16 (`1e+16`, `1e-05`, `0.0001`, `1.0`,
/// `inf`, `nan`, `-0.0`).
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let body = float_short(x.abs(), 'r', 0, false, true);
    if x.is_sign_negative() {
        format!("-{}", body)
    } else {
        body
    }
}

/// `format(x, spec)` for a float (also what `'{:spec}'.format(x)` and f-strings use).
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let spec = FormatSpec::parse(spec, FormatKind::Float)?;
    format_float_spec(x, &spec)
}

/// Formats a float with an already-parsed spec (types `e E f F g G n %` or none).
pub fn format_float_spec(x: f64, spec: &FormatSpec) -> PyResult<String> {
    let ty = spec.ty;
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(unknown_code(t, "float"));
        }
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    let (mut code, add_dot_0) = match ty {
        None => ('r', true),
        Some('n') => ('g', false),
        Some('%') => ('f', false),
        Some(t) => (t.to_ascii_lowercase(), false),
    };
    let val = if ty == Some('%') { x * 100.0 } else { x };
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None if code == 'r' => 0,
        None => 6,
    };
    let mut negative = val.is_sign_negative() && !val.is_nan();
    let mut body = if val.is_nan() {
        "nan".to_string()
    } else if val.is_infinite() {
        "inf".to_string()
    } else {
        float_short(val.abs(), code, precision, spec.alternate, add_dot_0)
    };
    if negative && spec.no_neg_0 && val.is_finite() {
        // `z`: drop the sign when the mantissa rounded to zero.
        let mant = body.split('e').next().unwrap_or("");
        negative = mant.chars().any(|c| ('1'..='9').contains(&c));
    }
    if upper {
        body = body.to_uppercase();
    }
    if ty == Some('%') {
        body.push('%');
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (intpart, rest) = body.split_at(split);
    let sep = spec.grouping.map(|g| (g, 3));
    Ok(render_number(spec, negative, "", intpart, rest, sep))
}

// ---------------------------------------------------------------------------------
// Ints

/// `format(n, spec)` for an int that fits in i64.
pub fn format_int_i64(n: i64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    format_bigint(&BigInt::from(n), spec)
}

/// `format(n, spec)` for any int: types `d n x X o b c` and none, and `e E f F g G %`
/// (converted to float first).
pub fn format_bigint(n: &BigInt, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    let spec = FormatSpec::parse(spec, FormatKind::Int)?;
    format_bigint_spec(n, &spec)
}

/// Formats an int with an already-parsed spec.
pub fn format_bigint_spec(n: &BigInt, spec: &FormatSpec) -> PyResult<String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_spec(bigint_to_f64(n)?, spec);
        }
        t => return Err(unknown_code(t, "int")),
    }
    if spec.precision.is_some() {
        return Err(err("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(err(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(err("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(err(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = n.to_i64().ok_or_else(|| {
            PyErr::new(
                ExcType::OverflowError,
                "Python int too large to convert to C long",
            )
        })?;
        let ch = u32::try_from(v)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::new(ExcType::OverflowError, "%c arg not in range(0x110000)"))?;
        let mut s = spec.clone();
        s.sign = None;
        return Ok(render_number(&s, false, "", "", &ch.to_string(), None));
    }
    let (radix, prefix, size) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = n.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let sep = spec.grouping.map(|g| (g, size));
    Ok(render_number(
        spec,
        n.sign() == Sign::Minus,
        prefix,
        &digits,
        "",
        sep,
    ))
}

// ---------------------------------------------------------------------------------
// Strings

/// `format(s, spec)` for a str: type `s` or none, precision truncates, default
/// alignment left.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let spec = FormatSpec::parse(spec, FormatKind::Str)?;
    format_str_spec(s, &spec)
}

/// Formats a str with an already-parsed spec.
pub fn format_str_spec(s: &str, spec: &FormatSpec) -> PyResult<String> {
    match spec.ty {
        Some('s') | None => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if spec.sign.is_some() {
        return Err(err("Sign not allowed in string format specifier"));
    }
    if spec.no_neg_0 {
        return Err(err(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(err(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some('=') {
        return Err(err("'=' alignment not allowed in string format specifier"));
    }
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(body, 0, spec, '<'))
}

// ---------------------------------------------------------------------------------
// repr of str

/// `str.isprintable()` for one character (CPython 3.11's Unicode 14 tables: false
/// for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than space).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !unicode_tables::in_ranges(c, unicode_tables::NOT_PRINTABLE)
}

/// `repr(s)` for a str: single quotes unless the text has `'` and no `"`; escapes
/// `\\ \n \r \t`, other non-printables as `\xhh`, `\uhhhh`, `\Uhhhhhhhh`.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x7f || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `repr` text with every non-ASCII character escaped, as `ascii()` and `%a` write it.
pub fn ascii_escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{:02x}", n)),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{:04x}", n)),
            n => out.push_str(&format!("\\U{:08x}", n)),
        }
    }
    out
}

#[cfg(test)]
#[rustfmt::skip]
mod tests;
