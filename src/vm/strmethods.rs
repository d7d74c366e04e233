//! Pure implementations of Python's `str` methods over `&str`, with CPython 3.11's
//! semantics: all indexes and lengths are in characters (code points), never bytes.
//! Also the `str.format` template parser and the slice-index helpers shared with
//! lists and tuples. The VM converts arguments (None → `None`, tuples of prefixes →
//! several calls) and wraps the results.

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::format::is_py_space;
use crate::vm::format::unicode_tables::{in_ranges, ALPHA, NUMERIC};
use crate::vm::value::PyStr;

fn value_error(msg: impl Into<String>) -> PyErr {
    PyErr::new(ExcType::ValueError, msg)
}

// ---------------------------------------------------------------------------------
// Index helpers

/// Number of characters.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of character index `ci` (clamped to the end).
fn byte_at(s: &str, ci: usize) -> usize {
    if s.is_ascii() {
        ci.min(s.len())
    } else {
        s.char_indices().nth(ci).map_or(s.len(), |(b, _)| b)
    }
}

/// CPython's ADJUST_INDICES for find/count/startswith: negative indexes count from
/// the end, `end` is clamped to len, `start` is not clamped above.
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}

/// `s[start:end]` as a str, for already-adjusted indexes with start <= end <= len.
fn sub(s: &str, start: i64, end: i64) -> (&str, usize) {
    let b0 = byte_at(s, start as usize);
    let b1 = byte_at(s, end as usize);
    (&s[b0..b1.max(b0)], b0)
}

/// `PySlice_AdjustIndices`: (start, stop, step, slicelength) for a sequence of `len`
/// items. "slice step cannot be zero".
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> PyResult<(i64, i64, i64, usize)> {
    let step = step.unwrap_or(1).max(-i64::MAX);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let len = len as i64;
    let fix = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut v) => {
                if v < 0 {
                    v += len;
                    if v < 0 {
                        v = if step < 0 { -1 } else { 0 };
                    }
                } else if v >= len {
                    v = if step < 0 { len - 1 } else { len };
                }
                v
            }
        }
    };
    let start = fix(start, if step < 0 { len - 1 } else { 0 });
    let stop = fix(stop, if step < 0 { -1 } else { len });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n as usize))
}

/// `s[start:stop:step]` for indexes already normalised by [`slice_indices`].
pub fn char_slice(s: &str, start: i64, stop: i64, step: i64) -> String {
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    if n <= 0 {
        return String::new();
    }
    if step == 1 {
        return sub(s, start, stop).0.to_string();
    }
    if s.is_ascii() {
        let b = s.as_bytes();
        return (0..n)
            .filter_map(|i| b.get((start + i * step) as usize).map(|&c| c as char))
            .collect();
    }
    let chars: Vec<char> = s.chars().collect();
    (0..n)
        .filter_map(|i| chars.get((start + i * step) as usize).copied())
        .collect()
}

// ---------------------------------------------------------------------------------
// Splitting and stripping

/// `s.split(sep, maxsplit)`; `sep == None` splits on runs of whitespace and drops
/// empty strings. "empty separator" for `sep == Some("")`. maxsplit < 0 = no limit.
pub fn split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(value_error("empty separator")),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while max > 0 {
                match rest.find(sep) {
                    Some(i) => {
                        out.push(rest[..i].to_string());
                        rest = &rest[i + sep.len()..];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(is_py_space).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start_matches(is_py_space);
                max -= 1;
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`.
pub fn rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let mut max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    match sep {
        Some("") => Err(value_error("empty separator")),
        Some(sep) => {
            let mut out = Vec::new();
            let mut rest = s;
            while max > 0 {
                match rest.rfind(sep) {
                    Some(i) => {
                        out.push(rest[i + sep.len()..].to_string());
                        rest = &rest[..i];
                        max -= 1;
                    }
                    None => break,
                }
            }
            out.push(rest.to_string());
            out.reverse();
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if max == 0 {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|(_, c)| is_py_space(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end_matches(is_py_space);
                max -= 1;
            }
            out.reverse();
            Ok(out)
        }
    }
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `s.splitlines(keepends)`: splits at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028/9.
pub fn splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_line_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && it.peek().map(|&(_, n)| n) == Some('\n') {
                it.next();
                end += 1;
            }
            out.push(s[start..if keepends { end } else { i }].to_string());
            start = end;
        }
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `s.strip(chars)`; `None` strips whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_py_space),
        Some(cs) => s.trim_matches(|c| cs.contains(c)),
    }
}

/// `s.lstrip(chars)`.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_py_space),
        Some(cs) => s.trim_start_matches(|c| cs.contains(c)),
    }
}

/// `s.rstrip(chars)`.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_py_space),
        Some(cs) => s.trim_end_matches(|c| cs.contains(c)),
    }
}

/// `s.partition(sep)`: "empty separator".
pub fn partition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => (s[..i].into(), sep.into(), s[i + sep.len()..].into()),
        None => (s.into(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => (s[..i].into(), sep.into(), s[i + sep.len()..].into()),
        None => (String::new(), String::new(), s.into()),
    })
}

// ---------------------------------------------------------------------------------
// Case

fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F
        | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_titlecase(c)
}

/// Title-case mapping of one character (upper case except for the digraphs).
fn to_title(c: char, out: &mut String) {
    let special = match c {
        'ß' => "Ss",
        'ﬀ' => "Ff",
        'ﬁ' => "Fi",
        'ﬂ' => "Fl",
        'ﬃ' => "Ffi",
        'ﬄ' => "Ffl",
        'ﬅ' | 'ﬆ' => "St",
        _ => "",
    };
    if !special.is_empty() {
        out.push_str(special);
        return;
    }
    let t = match c as u32 {
        0x1C4..=0x1C6 => Some('\u{1C5}'),
        0x1C7..=0x1C9 => Some('\u{1C8}'),
        0x1CA..=0x1CC => Some('\u{1CB}'),
        0x1F1..=0x1F3 => Some('\u{1F2}'),
        _ if is_titlecase(c) => Some(c),
        _ => None,
    };
    match t {
        Some(t) => out.push(t),
        None => out.extend(c.to_uppercase()),
    }
}

fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.' | ':' | '^' | '`' | '\u{AD}' | '\u{B7}' | '\u{2019}'
    ) || ('\u{300}'..='\u{36F}').contains(&c)
}

/// Lower-cases `chars[i]` into `out`, with Python's final-sigma rule for 'Σ'.
fn push_lower(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i]
        .iter()
        .rev()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    let after = chars[i + 1..]
        .iter()
        .find(|c| !is_case_ignorable(**c))
        .is_some_and(|c| is_cased(*c));
    out.push(if before && !after { 'ς' } else { 'σ' });
}

/// `s.upper()`.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.lower()`.
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.casefold()` (lower case plus the common full foldings such as ß → ss).
pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ſ' => out.push('s'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `s.capitalize()`: first character title-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            to_title(chars[0], &mut out);
        } else {
            push_lower(&chars, i, &mut out);
        }
    }
    out
}

/// `s.title()`: a cased character after an uncased one is title-cased, others lower.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&chars, i, &mut out);
        } else {
            to_title(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            push_lower(&chars, i, &mut out);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------
// Searching

/// The part of `s` a search between `start` and `end` looks at (CPython's adjustment
/// of the two), and the character position it starts at; None when `start` is past
/// `end`. It is cut out through the string's character index, so that a search
/// from a position in a long string does not first walk the text before it.
fn window(s: &PyStr, start: Option<i64>, end: Option<i64>) -> Option<(&str, i64)> {
    if start.is_none() && end.is_none() {
        return Some((s.as_str(), 0));
    }
    let (st, en) = adjust(s.char_len(), start, end);
    if en < st {
        return None;
    }
    Some((s.char_slice(st as usize, en as usize), st))
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &PyStr, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.starts_with(prefix))
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &PyStr, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(w, _)| w.ends_with(suffix))
}

/// The first (or, `last`, the last) place of `needle` in the window, as a character
/// position in `s`, or -1. Only the text before the match is counted in characters.
fn find_in(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>, last: bool) -> i64 {
    let Some((w, at)) = window(s, start, end) else {
        return -1;
    };
    let found = if last {
        w.rfind(needle)
    } else {
        w.find(needle)
    };
    match found {
        Some(byte) if s.is_ascii() => at + byte as i64,
        Some(byte) => at + w[..byte].chars().count() as i64,
        None => -1,
    }
}

/// `s.find(sub, start, end)`: character index or -1.
pub fn find(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_in(s, needle, start, end, false)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_in(s, needle, start, end, true)
}

/// `s.index(sub, start, end)`: "substring not found".
pub fn index(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match find(s, needle, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`.
pub fn rindex(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    match rfind(s, needle, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)`: non-overlapping; an empty `sub` counts positions.
pub fn count(s: &PyStr, needle: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((w, _)) if needle.is_empty() => w.chars().count() as i64 + 1,
        Some((w, _)) => w.matches(needle).count() as i64,
        None => 0,
    }
}

/// `s.replace(old, new, count)`; count < 0 replaces all. An empty `old` inserts
/// `new` before every character and at the end.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < max {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, max)
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ---------------------------------------------------------------------------------
// Padding

/// Results longer than this many characters are a MemoryError (as CPython would
/// give when it fails to allocate them).
const MAX_RESULT: i64 = 1 << 30;

fn check_width(width: i64) -> PyResult<()> {
    if width > MAX_RESULT {
        return Err(PyErr::new(ExcType::MemoryError, ""));
    }
    Ok(())
}

fn repeat(c: char, n: usize) -> String {
    std::iter::repeat_n(c, n).collect()
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    check_width(width)?;
    Ok(format!("{}{}", s, repeat(fill, (width - len) as usize)))
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    check_width(width)?;
    Ok(format!("{}{}", repeat(fill, (width - len) as usize), s))
}

/// `s.center(width, fill)`: the odd pad char goes left when `width` is odd
/// (`'ab'.center(5) == '  ab '`, `'abc'.center(6) == ' abc  '`).
pub fn center(s: &str, width: i64, fill: char) -> PyResult<String> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    check_width(width)?;
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    Ok(format!(
        "{}{}{}",
        repeat(fill, left as usize),
        s,
        repeat(fill, (marg - left) as usize)
    ))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> PyResult<String> {
    let len = char_len(s) as i64;
    if width <= len {
        return Ok(s.to_string());
    }
    check_width(width)?;
    let zeros = repeat('0', (width - len) as usize);
    Ok(match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, zeros, &s[1..]),
        _ => zeros + s,
    })
}

/// `s.expandtabs(tabsize)`: columns restart after \n and \r.
pub fn expandtabs(s: &str, tabsize: i64) -> PyResult<String> {
    if tabsize > i32::MAX as i64 || tabsize < i32::MIN as i64 {
        return Err(PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        ));
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    check_width(out.len() as i64 + n)?;
                    out.push_str(&repeat(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------
// Predicates

#[rustfmt::skip]
const DECIMAL: &[(u32, u32)] = &[
    (0x30, 0x39), (0x660, 0x669), (0x6F0, 0x6F9), (0x7C0, 0x7C9), (0x966, 0x96F),
    (0x9E6, 0x9EF), (0xA66, 0xA6F), (0xAE6, 0xAEF), (0xB66, 0xB6F), (0xBE6, 0xBEF),
    (0xC66, 0xC6F), (0xCE6, 0xCEF), (0xD66, 0xD6F), (0xDE6, 0xDEF), (0xE50, 0xE59),
    (0xED0, 0xED9), (0xF20, 0xF29), (0x1040, 0x1049), (0x1090, 0x1099), (0x17E0, 0x17E9),
    (0x1810, 0x1819), (0x1946, 0x194F), (0x19D0, 0x19D9), (0x1A80, 0x1A89),
    (0x1A90, 0x1A99), (0x1B50, 0x1B59), (0x1BB0, 0x1BB9), (0x1C40, 0x1C49),
    (0x1C50, 0x1C59), (0xA620, 0xA629), (0xA8D0, 0xA8D9), (0xA900, 0xA909),
    (0xA9D0, 0xA9D9), (0xA9F0, 0xA9F9), (0xAA50, 0xAA59), (0xABF0, 0xABF9),
    (0xFF10, 0xFF19), (0x104A0, 0x104A9), (0x10D30, 0x10D39), (0x11066, 0x1106F),
    (0x110F0, 0x110F9), (0x11136, 0x1113F), (0x111D0, 0x111D9), (0x112F0, 0x112F9),
    (0x11450, 0x11459), (0x114D0, 0x114D9), (0x11650, 0x11659), (0x116C0, 0x116C9),
    (0x11730, 0x11739), (0x118E0, 0x118E9), (0x11950, 0x11959), (0x11C50, 0x11C59),
    (0x11D50, 0x11D59), (0x11DA0, 0x11DA9), (0x16A60, 0x16A69), (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59), (0x1D7CE, 0x1D7FF), (0x1E140, 0x1E149), (0x1E2F0, 0x1E2F9),
    (0x1E950, 0x1E959), (0x1FBF0, 0x1FBF9),
];

/// Digits that are not decimal (superscripts, circled digits...).
#[rustfmt::skip]
const OTHER_DIGIT: &[(u32, u32)] = &[
    (0xB2, 0xB3), (0xB9, 0xB9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070),
    (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C),
    (0x2488, 0x2490), (0x24EA, 0x24EA), (0x24F5, 0x24FD), (0x24FF, 0x24FF),
    (0x2776, 0x277E), (0x2780, 0x2788), (0x278A, 0x2792), (0x10A40, 0x10A43),
    (0x10E60, 0x10E68), (0x11052, 0x1105A), (0x1F100, 0x1F10A),
];

/// The value of a decimal digit (Unicode category Nd) or `None`: `'٣'` gives 3.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    let u = c as u32;
    DECIMAL
        .iter()
        .find(|&&(lo, hi)| lo <= u && u <= hi)
        .map(|&(lo, _)| (u - lo) % 10)
}

/// `c.isdecimal()` for one character (Unicode category Nd).
pub fn char_is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, DECIMAL))
}

/// `c.isdigit()` for one character.
pub fn char_is_digit(c: char) -> bool {
    char_is_decimal(c) || (!c.is_ascii() && in_ranges(c, OTHER_DIGIT))
}

/// `c.isnumeric()` for one character.
pub fn char_is_numeric(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_ranges(c, NUMERIC))
}

/// `c.isalpha()` for one character (Unicode categories L*).
pub fn char_is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(c, ALPHA)
    }
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, char_is_digit)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, char_is_decimal)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, char_is_numeric)
}
/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, char_is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, |c| char_is_alpha(c) || char_is_numeric(c))
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_py_space)
}
/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(crate::vm::format::is_printable)
}

/// `s.isupper()`: at least one cased character and no lower/title-case ones.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `s.istitle()`: upper/title-case only after uncased characters, lower-case only
/// after cased ones, and at least one cased character.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------------------
// str.format templates

/// The first part of a replacement field: `{0}`, `{name}`, or automatic `{}`
/// (already numbered).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldKey {
    Index(usize),
    Name(String),
}

/// An accessor after the first part: `.attr` or `[key]` (digits give an int key).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldAccess {
    Attr(String),
    Item(FieldKey),
}

/// One `{key.attr[item]!conv:spec}` replacement field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatField {
    pub key: FieldKey,
    pub accessors: Vec<FieldAccess>,
    /// `r`, `s` or `a`.
    pub conversion: Option<char>,
    /// The format spec, which may itself contain fields (`{:{width}}`): render the
    /// parts to a string, then format the value with it.
    pub spec: Vec<TemplatePart>,
}

/// A piece of a `str.format` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplatePart {
    Literal(String),
    Field(FormatField),
}

#[derive(PartialEq)]
enum Numbering {
    Unknown,
    Auto(usize),
    Manual,
}

/// Parses a `str.format` template with CPython's errors ("Single '}' encountered in
/// format string", "expected '}' before end of string", "cannot switch from automatic
/// field numbering to manual field specification", ...). Automatic numbering is
/// resolved here: `{}` becomes `FieldKey::Index(n)`.
pub fn parse_format_template(s: &str) -> PyResult<Vec<TemplatePart>> {
    let chars: Vec<char> = s.chars().collect();
    let mut numbering = Numbering::Unknown;
    parse_template(&chars, &mut numbering, 2)
}

fn parse_template(c: &[char], num: &mut Numbering, depth: u32) -> PyResult<Vec<TemplatePart>> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        i += 1;
        if ch != '{' && ch != '}' {
            lit.push(ch);
            continue;
        }
        let at_end = i >= c.len();
        if ch == '}' {
            if at_end || c[i] != '}' {
                return Err(value_error("Single '}' encountered in format string"));
            }
            lit.push('}');
            i += 1;
            continue;
        }
        if at_end {
            return Err(value_error("Single '{' encountered in format string"));
        }
        if c[i] == '{' {
            lit.push('{');
            i += 1;
            continue;
        }
        if !lit.is_empty() {
            parts.push(TemplatePart::Literal(std::mem::take(&mut lit)));
        }
        let (field, next) = parse_field(c, i, num, depth)?;
        parts.push(TemplatePart::Field(field));
        i = next;
    }
    if !lit.is_empty() {
        parts.push(TemplatePart::Literal(lit));
    }
    Ok(parts)
}

/// Parses from just after `{`; returns the field and the index after its `}`.
fn parse_field(
    c: &[char],
    mut i: usize,
    num: &mut Numbering,
    depth: u32,
) -> PyResult<(FormatField, usize)> {
    let name_start = i;
    let mut last = '\0';
    while i < c.len() {
        last = c[i];
        i += 1;
        match last {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while i < c.len() && c[i] != ']' {
                    i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    if !matches!(last, '}' | ':' | '!') {
        return Err(value_error("expected '}' before end of string"));
    }
    let name: String = c[name_start..i - 1].iter().collect();
    let (key, accessors) = parse_field_name(&name, num)?;
    let mut conversion = None;
    let mut spec = Vec::new();
    if last == '!' || last == ':' {
        let mut has_spec = true;
        if last == '!' {
            if i >= c.len() {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
            conversion = Some(c[i]);
            i += 1;
            if i < c.len() {
                let n = c[i];
                i += 1;
                if n == '}' {
                    has_spec = false;
                } else if n != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        if has_spec {
            let spec_start = i;
            let mut count = 1;
            let mut end = None;
            while i < c.len() {
                let ch = c[i];
                i += 1;
                if ch == '{' {
                    count += 1;
                } else if ch == '}' {
                    count -= 1;
                    if count == 0 {
                        end = Some(i - 1);
                        break;
                    }
                }
            }
            let end = end.ok_or_else(|| value_error("unmatched '{' in format spec"))?;
            let raw = &c[spec_start..end];
            if raw.contains(&'{') {
                spec = parse_template(raw, num, depth - 1)?;
            } else if !raw.is_empty() {
                spec.push(TemplatePart::Literal(raw.iter().collect()));
            }
        }
    }
    if let Some(conv) = conversion {
        if !matches!(conv, 'r' | 's' | 'a') {
            return Err(value_error(if (conv as u32) > 32 && (conv as u32) < 128 {
                format!("Unknown conversion specifier {}", conv)
            } else {
                format!("Unknown conversion specifier \\x{:x}", conv as u32)
            }));
        }
    }
    Ok((
        FormatField {
            key,
            accessors,
            conversion,
            spec,
        },
        i,
    ))
}

fn parse_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .map(Some)
        .map_err(|_| value_error("Too many decimal digits in format string"))
}

fn parse_field_name(name: &str, num: &mut Numbering) -> PyResult<(FieldKey, Vec<FieldAccess>)> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let key = if first.is_empty() {
        match num {
            Numbering::Manual => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ))
            }
            Numbering::Unknown => {
                *num = Numbering::Auto(1);
                FieldKey::Index(0)
            }
            Numbering::Auto(n) => {
                *n += 1;
                FieldKey::Index(*n - 1)
            }
        }
    } else {
        match parse_index(first)? {
            Some(i) => {
                if let Numbering::Auto(_) = num {
                    return Err(value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                *num = Numbering::Manual;
                FieldKey::Index(i)
            }
            None => FieldKey::Name(first.to_string()),
        }
    };
    let mut acc = Vec::new();
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        let ch = rest[i];
        i += 1;
        if ch == '.' {
            let start = i;
            while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                i += 1;
            }
            if i == start {
                return Err(value_error("Empty attribute in format string"));
            }
            acc.push(FieldAccess::Attr(rest[start..i].iter().collect()));
        } else if ch == '[' {
            let start = i;
            while i < rest.len() && rest[i] != ']' {
                i += 1;
            }
            if i >= rest.len() {
                return Err(value_error("Missing ']' in format string"));
            }
            if i == start {
                return Err(value_error("Empty attribute in format string"));
            }
            let key: String = rest[start..i].iter().collect();
            i += 1;
            acc.push(FieldAccess::Item(match parse_index(&key)? {
                Some(n) => FieldKey::Index(n),
                None => FieldKey::Name(key),
            }));
            if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
    }
    Ok((key, acc))
}

#[cfg(test)]
#[rustfmt::skip]
#[path = "strmethods_tests.rs"]
mod tests;
