//! The name interner: one shared `PyStr` for each identifier, whoever asks for it (the
//! compiler for a code object's names, a module for its slot names, the built-in
//! types for their method names, natives looking up a dunder). Attribute, global and
//! method caches compare names by pointer first, so a name that is the same object
//! wherever it appears never falls back to comparing text.
//!
//! Only identifier-like strings are interned (as CPython interns the names and
//! name-like constants of code objects): they are few and bounded by the program's
//! text, and the table keeps them for the life of the thread.

use crate::vm::value::PyStr;
use std::cell::RefCell;
use std::rc::Rc;

/// An interned name, found in the table by its text (so the text is stored once,
/// in the `PyStr`).
struct Name(Rc<PyStr>);

impl std::borrow::Borrow<str> for Name {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl std::hash::Hash for Name {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state)
    }
}

impl PartialEq for Name {
    fn eq(&self, other: &Name) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Name {}

thread_local! {
    static NAMES: RefCell<ahash::AHashSet<Name>> = RefCell::new(ahash::AHashSet::new());
}

/// The one shared `PyStr` for a name.
pub fn intern(s: &str) -> Rc<PyStr> {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some(p) = names.get(s) {
            return p.0.clone();
        }
        let p = Rc::new(PyStr::new(s));
        names.insert(Name(p.clone()));
        p
    })
}

/// Would CPython intern this string constant: is it made of name characters only
/// (ASCII letters, digits and underscores)?
pub fn is_name_like(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `intern` for a name-like string, a new `PyStr` for any other.
pub fn intern_if_name_like(s: &str) -> Rc<PyStr> {
    if is_name_like(s) {
        intern(s)
    } else {
        Rc::new(PyStr::new(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_one_object() {
        assert!(Rc::ptr_eq(&intern("sleep"), &intern("sleep")));
        assert!(!Rc::ptr_eq(&intern("sleep"), &intern("sleep0")));
    }

    #[test]
    fn only_name_like_text_is_shared() {
        assert!(is_name_like("_asyncio_future_blocking"));
        assert!(is_name_like("x1"));
        assert!(!is_name_like("hello world"));
        assert!(!is_name_like("é"));
        let a = intern_if_name_like("a b");
        let b = intern_if_name_like("a b");
        assert!(!Rc::ptr_eq(&a, &b));
        assert!(Rc::ptr_eq(&intern_if_name_like("ab"), &intern("ab")));
    }
}
