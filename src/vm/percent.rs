//! printf-style string formatting, `"%-8s|%05.1f" % (name, x)`: CPython's `str % args`
//! with its conversions (`s r a d i u o x X e E f F g G c %`), flags (`- + space # 0`),
//! `*` widths and precisions, `%(key)s` lookups in a mapping, and its error messages.
//!
//! Each specifier is parsed here and rendered with the number formatting of
//! `vm::format`; the values are converted with the VM (`str()`, `repr()`, `[key]`).

use crate::vm::error::{PyErr, PyResult};
use crate::vm::format;
use crate::vm::value::Value;
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::Signed;

/// An integer to format: most fit in i64.
enum Whole {
    Small(i64),
    Big(BigInt),
}

/// Where the values for the specifiers come from.
struct Args<'a> {
    /// The positional values: the tuple's items, or the one value that is not a tuple.
    items: &'a [Value],
    next: usize,
    /// The right operand when it is a mapping (see `format`), for `%(key)s`.
    mapping: Option<&'a Value>,
}

impl Args<'_> {
    fn next(&mut self) -> PyResult<Value> {
        let v = self
            .items
            .get(self.next)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        self.next += 1;
        Ok(v)
    }
}

/// One specifier's flags, width and precision.
#[derive(Default)]
struct Spec {
    left: bool,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    precision: Option<usize>,
}

/// `fmt % args`.
pub fn format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let single = std::slice::from_ref(args);
    let items: &[Value] = match args {
        Value::Tuple(t) => t,
        _ => single,
    };
    // CPython's test: anything subscriptable that is not a tuple or a str (a list
    // counts too; then `%(key)s` indexes it and nothing complains of unused values).
    let mapping = match args {
        Value::Dict(_) | Value::List(_) | Value::Range(_) => Some(args),
        Value::Instance(_) => {
            let class = vm.type_of(args);
            class.lookup(&vm.intern("__getitem__")).map(|_| args)
        }
        _ => None,
    };
    let mut args = Args {
        items,
        next: 0,
        mapping,
    };
    // Positions are byte offsets: everything the parser looks for is ASCII, and the
    // text between specifiers is copied a run at a time.
    let chars = fmt.as_bytes();
    let mut out = String::with_capacity(fmt.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let Some(run) = fmt[i..].find('%') else {
            out.push_str(&fmt[i..]);
            break;
        };
        out.push_str(&fmt[i..i + run]);
        i += run + 1;
        if chars.get(i) == Some(&b'%') {
            out.push('%');
            i += 1;
            continue;
        }
        let mut value = None;
        if chars.get(i) == Some(&b'(') {
            let (key, end) = mapping_key(fmt, i)?;
            i = end;
            let Some(m) = args.mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            value = Some(vm.get_item(m, &Value::str(&key))?);
            // As in CPython, once a key has been looked up no positional value is left.
            args.next = args.items.len();
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.get(i) {
            match f {
                b'-' => spec.left = true,
                b'+' => spec.sign = Some('+'),
                b' ' => spec.sign = spec.sign.or(Some(' ')),
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i) == Some(&b'*') {
            i += 1;
            let w = star_arg(&mut args)?;
            spec.left |= w < 0;
            spec.width = clamp(w.unsigned_abs())?;
        } else {
            (spec.width, i) = number(chars, i)?;
        }
        if chars.get(i) == Some(&b'.') {
            i += 1;
            if chars.get(i) == Some(&b'*') {
                i += 1;
                spec.precision = Some(clamp(star_arg(&mut args)?.max(0) as u64)?);
            } else {
                let (p, end) = number(chars, i)?;
                spec.precision = Some(p);
                i = end;
            }
        }
        // Length modifiers are accepted and ignored, as in C's printf and CPython.
        while matches!(chars.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(conv) = fmt.get(i..).and_then(|rest| rest.chars().next()) else {
            return Err(PyErr::value_error("incomplete format"));
        };
        let at = i;
        i += conv.len_utf8();
        let v = match value {
            Some(v) => v,
            None => args.next()?,
        };
        let text = match conv {
            's' => truncated(vm.str_string(&v)?, spec.precision),
            'r' => truncated(vm.repr_string(&v)?, spec.precision),
            'a' => truncated(format::ascii_escaped(&vm.repr_string(&v)?), spec.precision),
            'c' => char_of(&v)?.to_string(),
            'd' | 'i' | 'u' => integer(&int_of(vm, &v, conv)?, 10, false, &spec),
            'o' | 'x' | 'X' => {
                let n = exact_int_of(vm, &v, conv)?;
                let radix = if conv == 'o' { 8 } else { 16 };
                let body = integer(&n, radix, spec.alt, &spec);
                if conv == 'X' {
                    body.to_uppercase()
                } else {
                    body
                }
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = float_of(vm, &v)?;
                out.push_str(&float(x, conv, &spec)?);
                continue;
            }
            _ => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{}' ({:#x}) at index {}",
                    // (CPython shows only printable ASCII here.)
                    if (' '..='~').contains(&conv) {
                        conv
                    } else {
                        '?'
                    },
                    conv as u32,
                    fmt[..at].chars().count()
                )));
            }
        };
        pad_into(&mut out, &text, &spec);
    }
    if args.next < args.items.len() && args.mapping.is_none() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::from_string(out))
}

/// The key of `%(key)s`, which may itself hold balanced parentheses, and the position
/// after its closing one. `at` is on the opening parenthesis.
fn mapping_key(fmt: &str, at: usize) -> PyResult<(String, usize)> {
    let mut depth = 0;
    for (j, &c) in fmt.as_bytes().iter().enumerate().skip(at) {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((fmt[at + 1..j].to_string(), j + 1));
                }
            }
            _ => {}
        }
    }
    Err(PyErr::value_error("incomplete format key"))
}

/// The decimal number at `at` (0 when there is none) and the position after it.
fn number(chars: &[u8], mut at: usize) -> PyResult<(usize, usize)> {
    let mut n: u64 = 0;
    while let Some(d) = chars
        .get(at)
        .filter(|c| c.is_ascii_digit())
        .map(|c| c - b'0')
    {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(d)))
            .ok_or_else(|| PyErr::value_error("width too big"))?;
        at += 1;
    }
    Ok((clamp(n)?, at))
}

/// A width or precision small enough to pad to.
fn clamp(n: u64) -> PyResult<usize> {
    const MAX: u64 = 1 << 28;
    if n > MAX {
        return Err(PyErr::value_error("width too big"));
    }
    Ok(n as usize)
}

/// The int a `*` takes from the arguments.
fn star_arg(args: &mut Args) -> PyResult<i64> {
    match args.next()? {
        Value::Int(n) => Ok(n),
        Value::Bool(b) => Ok(i64::from(b)),
        _ => Err(PyErr::type_error("* wants int")),
    }
}

fn truncated(s: String, precision: Option<usize>) -> String {
    match precision {
        Some(p) if s.chars().count() > p => s.chars().take(p).collect(),
        _ => s,
    }
}

fn char_of(v: &Value) -> PyResult<char> {
    match v {
        Value::Int(n) => u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow_error("%c arg not in range(0x110000)")),
        Value::BigInt(_) => Err(PyErr::overflow_error("%c arg not in range(0x110000)")),
        Value::Str(s) if s.as_str().chars().count() == 1 => {
            Ok(s.as_str().chars().next().unwrap_or(' '))
        }
        _ => Err(PyErr::type_error("%c requires int or char")),
    }
}

/// The integer `%d` formats: ints as they are, floats truncated toward zero.
fn int_of(vm: &Vm, v: &Value, conv: char) -> PyResult<Whole> {
    match v {
        Value::Float(f) => format::f64_to_bigint(f.trunc()).map(Whole::Big),
        _ => exact_int_of(vm, v, conv).map_err(|_| {
            PyErr::type_error(format!(
                "%{} format: a real number is required, not {}",
                conv,
                vm.type_name(v)
            ))
        }),
    }
}

/// The integer `%x` and `%o` format: ints and bools only.
fn exact_int_of(vm: &Vm, v: &Value, conv: char) -> PyResult<Whole> {
    match v {
        Value::Int(n) => Ok(Whole::Small(*n)),
        Value::Bool(b) => Ok(Whole::Small(i64::from(*b))),
        Value::BigInt(n) => Ok(Whole::Big((**n).clone())),
        _ => Err(PyErr::type_error(format!(
            "%{} format: an integer is required, not {}",
            conv,
            vm.type_name(v)
        ))),
    }
}

fn float_of(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(n) => Ok(*n as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(*b))),
        Value::BigInt(n) => format::bigint_to_f64(n),
        _ => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            vm.type_name(v)
        ))),
    }
}

/// An integer's digits in `radix` (ints that fit in i64 without a big-integer
/// conversion), and whether it is negative.
fn digits(n: &Whole, radix: u32) -> (String, bool) {
    match n {
        Whole::Small(i) => {
            let m = i.unsigned_abs();
            let text = match radix {
                8 => format!("{:o}", m),
                16 => format!("{:x}", m),
                _ => m.to_string(),
            };
            (text, *i < 0)
        }
        Whole::Big(b) => (b.abs().to_str_radix(radix), b.is_negative()),
    }
}

/// An integer in `radix` with printf's sign, `#` prefix and precision (the minimum
/// number of digits); the width is applied by the caller.
fn integer(n: &Whole, radix: u32, alt: bool, spec: &Spec) -> String {
    let (mut digits, negative) = digits(n, radix);
    if let Some(p) = spec.precision {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let sign = if negative {
        "-".to_string()
    } else {
        spec.sign.map(String::from).unwrap_or_default()
    };
    let prefix = match (alt, radix) {
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let head = sign + prefix;
    if spec.zero && !spec.left && head.len() + digits.len() < spec.width {
        let zeros = spec.width - head.len() - digits.len();
        format!("{}{}{}", head, "0".repeat(zeros), digits)
    } else {
        head + &digits
    }
}

/// A float conversion with its width: zeros go after the sign (`%08.3f` of -3.14159 is
/// `-003.142`), through the format-spec mini-language.
fn float(x: f64, conv: char, spec: &Spec) -> PyResult<String> {
    let mut mini = String::new();
    if spec.left {
        mini.push('<');
    }
    if let Some(s) = spec.sign {
        mini.push(s);
    }
    if spec.alt {
        mini.push('#');
    }
    if spec.zero && !spec.left {
        mini.push('0');
    }
    if spec.width > 0 {
        mini.push_str(&spec.width.to_string());
    }
    mini.push('.');
    mini.push_str(&spec.precision.unwrap_or(6).to_string());
    mini.push(conv);
    format::format_float(x, &mini)
}

/// Pads `text` to the width with spaces, on the right for `-`, else on the left.
fn pad_into(out: &mut String, text: &str, spec: &Spec) {
    let len = text.chars().count();
    let fill = spec.width.saturating_sub(len);
    if spec.left {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(text);
    }
}
