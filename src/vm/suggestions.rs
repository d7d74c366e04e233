//! "Did you mean" suggestions for an uncaught NameError or AttributeError, as CPython
//! 3.11 prints them after the exception's message:
//!
//! ```text
//! NameError: name 'pritn' is not defined. Did you mean: 'print'?
//! AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
//! ```
//!
//! The candidates for a name are the local variable names of the code where the
//! NameError was raised, then its module's globals, then the builtins (the first of
//! the three groups with a close enough name wins); for an attribute, the names `dir`
//! would list for the object. A candidate is close enough when its edit distance is
//! at most a third of the characters involved, where an insertion, a deletion or a
//! substitution costs 2 and changing only a letter's case costs 1. Like CPython's, the
//! search gives up on more than 750 candidates or names of over 40 bytes (after the
//! common prefix and suffix are set aside), and the message itself (`str(e)`) never
//! carries the suggestion: only the printed report does.

use crate::vm::exceptions::exc_data;
use crate::vm::value::{PyStr, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Candidate lists longer than this get no suggestion.
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (once a common prefix and suffix are removed) never match.
const MAX_NAME_BYTES: usize = 40;
/// What inserting, deleting or replacing one byte costs.
const EDIT_COST: usize = 2;
/// What replacing a letter by itself in the other case costs.
const CASE_COST: usize = 1;

/// CPython 3.11's builtins in the order of its `builtins` module's dict: equally close
/// builtins are suggested in this order (the first wins), as there.
pub const CPYTHON_BUILTINS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

impl Vm {
    /// The name to suggest for an uncaught exception, if it is a NameError or an
    /// AttributeError (or a subclass) that records which name was missing.
    pub(crate) fn suggestion_for(&mut self, exc: &Value) -> Option<Rc<PyStr>> {
        let class = self.type_of(exc);
        let is = |vm: &Vm, t| class.is_subclass(vm.types.exc(t));
        if is(self, crate::vm::error::ExcType::AttributeError) {
            let name = self.own_attr_str(exc, "name")?;
            let obj = self.own_attr(exc, "obj")?;
            let candidates = self.attribute_names(&obj);
            return best_match(&name, &candidates);
        }
        if is(self, crate::vm::error::ExcType::NameError) {
            let name = self.own_attr_str(exc, "name")?;
            // The code the name was looked up in: the innermost traceback entry.
            let code = exc_data(exc)?.traceback.borrow().first()?.code.clone();
            if let Some(found) = best_match(&name, &code.varnames) {
                return Some(found);
            }
            if let Some(module) = &code.module {
                if let Some(found) = best_match(&name, &bound_names(module)) {
                    return Some(found);
                }
            }
            return best_match(&name, &self.builtin_candidates());
        }
        None
    }

    /// Baton's builtins in CPython's order, with `True`, `False` and `None` (keywords
    /// in Baton, names in CPython's builtins), then any Baton has that CPython lacks.
    pub(crate) fn builtin_candidates(&self) -> Vec<Rc<PyStr>> {
        let ours = bound_names(&self.builtins);
        let has = |n: &str| ours.iter().any(|o| o.as_str() == n);
        let mut names: Vec<Rc<PyStr>> = CPYTHON_BUILTINS
            .iter()
            .filter(|n| matches!(**n, "True" | "False" | "None") || has(n))
            .map(|n| crate::vm::intern::intern(n))
            .collect();
        names.extend(
            ours.into_iter()
                .filter(|o| !CPYTHON_BUILTINS.contains(&o.as_str())),
        );
        names
    }

    /// An attribute the exception instance itself holds (not its class's default).
    fn own_attr(&self, exc: &Value, name: &str) -> Option<Value> {
        crate::vm::exceptions::exc_data(exc)?.field(name)
    }

    fn own_attr_str(&self, exc: &Value, name: &str) -> Option<Rc<PyStr>> {
        match self.own_attr(exc, name)? {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The names `dir(obj)` would list, sorted: an instance's own attributes and its
    /// class's (along the MRO), a module's globals, a class's attributes along its
    /// MRO, or a built-in value's type's.
    pub(crate) fn attribute_names(&self, obj: &Value) -> Vec<Rc<PyStr>> {
        let mut names: Vec<Rc<PyStr>> = Vec::new();
        let class = match obj {
            Value::Module(m) => {
                names = bound_names(m);
                None
            }
            Value::Class(c) => Some(c.clone()),
            Value::Instance(inst) => {
                inst.attrs
                    .with(|a| names.extend(a.iter().map(|(k, _)| k.clone())));
                Some(inst.class.clone())
            }
            other => Some(self.type_of(other)),
        };
        if let Some(class) = class {
            for c in class.mro_iter() {
                names.extend(c.dict.borrow().keys().into_iter().filter_map(|k| match k {
                    Value::Str(s) => Some(s),
                    _ => None,
                }));
            }
        }
        names.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        names.dedup_by(|a, b| a.as_str() == b.as_str());
        names
    }
}

/// A module's globals that are bound, in the order they were created.
fn bound_names(module: &crate::vm::value::Module) -> Vec<Rc<PyStr>> {
    let slots = module.slots.borrow();
    module
        .slot_names
        .borrow()
        .iter()
        .zip(slots.iter())
        .filter(|(_, v)| !v.is_undefined())
        .map(|(n, _)| n.clone())
        .collect()
}

/// The closest candidate to `name` within the distance allowed (the first of equally
/// close ones), or None.
fn best_match(name: &PyStr, candidates: &[Rc<PyStr>]) -> Option<Rc<PyStr>> {
    let texts: Vec<&str> = candidates.iter().map(|c| c.as_str()).collect();
    let found = closest_name(name.as_str(), &texts)?;
    candidates.iter().find(|c| c.as_str() == found).cloned()
}

/// The name among `candidates` closest to `name` under CPython's rule (see the module
/// comment), the first of equally close ones; None when none is close enough. Also
/// what `baton check` suggests for a name nothing defines.
pub fn closest_name<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let wanted = name.as_bytes();
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in candidates {
        let text = candidate.as_bytes();
        if text == wanted {
            continue;
        }
        // At most a third of the characters involved may change, and a later
        // candidate must be strictly closer than the best so far.
        let mut limit = (wanted.len() + text.len() + 3) * EDIT_COST / 6;
        if let Some((d, _)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        match edit_distance(wanted, text, limit) {
            Some(d) if best.is_none_or(|(b, _)| d < b) => best = Some((d, candidate)),
            _ => {}
        }
    }
    best.map(|(_, c)| c)
}

/// What replacing byte `a` by byte `b` costs.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        EDIT_COST
    }
}

/// The weighted edit distance between `a` and `b` when it is at most `limit`.
fn edit_distance(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    // A shared prefix and suffix cost nothing.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        let d = (a.len() + b.len()) * EDIT_COST;
        return (d <= limit).then_some(d);
    }
    if a.len() > MAX_NAME_BYTES || b.len() > MAX_NAME_BYTES {
        return None;
    }
    // The shorter string indexes the row.
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if (long.len() - short.len()) * EDIT_COST > limit {
        return None;
    }
    // row[i]: the cost of turning long[..j] into short[..i + 1], for the current j.
    let mut row: Vec<usize> = (1..=short.len()).map(|i| i * EDIT_COST).collect();
    let mut last = 0;
    for (j, &lc) in long.iter().enumerate() {
        // The cost of turning long[..j] into short[..i] (i = 0 at first).
        let mut diagonal = j * EDIT_COST;
        // The cost of turning long[..j + 1] into short[..i].
        let mut left = (j + 1) * EDIT_COST;
        let mut row_min = usize::MAX;
        for (i, &sc) in short.iter().enumerate() {
            let replace = diagonal + substitution_cost(lc, sc);
            let above = row[i];
            let cost = replace.min(above.min(left) + EDIT_COST);
            diagonal = above;
            row[i] = cost;
            left = cost;
            row_min = row_min.min(cost);
        }
        if row_min > limit {
            return None;
        }
        last = left;
    }
    (last <= limit).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<Rc<PyStr>> {
        list.iter().map(|n| Rc::new(PyStr::new(*n))).collect()
    }

    fn suggest(name: &str, list: &[&str]) -> Option<String> {
        best_match(&PyStr::new(name), &names(list)).map(|s| s.as_str().to_string())
    }

    #[test]
    fn distances_weigh_case_changes_half() {
        assert_eq!(edit_distance(b"print", b"print", 10), Some(0));
        assert_eq!(edit_distance(b"Print", b"print", 10), Some(1));
        assert_eq!(edit_distance(b"pritn", b"print", 10), Some(4));
        assert_eq!(edit_distance(b"apend", b"append", 10), Some(2));
        assert_eq!(edit_distance(b"abc", b"", 10), Some(6));
        assert_eq!(edit_distance(b"kitten", b"sitting", 10), Some(6));
        // Past the limit: no answer.
        assert_eq!(edit_distance(b"kitten", b"sitting", 5), None);
    }

    #[test]
    fn the_closest_name_within_a_third_is_suggested() {
        assert_eq!(
            suggest("pritn", &["input", "print", "repr"]),
            Some("print".into())
        );
        assert_eq!(suggest("valu", &["value", "values"]), Some("value".into()));
        // Equally close: the first wins.
        assert_eq!(suggest("ab", &["abc", "abd"]), Some("abc".into()));
        // Too far, or the same name.
        assert_eq!(suggest("x", &["yyyy"]), None);
        assert_eq!(suggest("same", &["same"]), None);
    }

    #[test]
    fn long_names_and_long_lists_get_nothing() {
        let long = "a".repeat(50);
        let other = format!("{}b", "c".repeat(49));
        assert_eq!(suggest(&long, &[other.as_str()]), None);
        let many: Vec<String> = (0..800).map(|i| format!("name{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(suggest("name1x", &many), None);
    }
}
