//! `PyStr`, Baton's immutable string: UTF-8 text with a cached hash, and for text
//! that is not all ASCII an index from character positions to byte offsets, so
//! that `len(s)`, `s[i]` and `s[i:j]` cost what they cost on CPython's fixed-width
//! strings (a bounded scan), not a walk from the start.

use std::cell::{Cell, OnceCell};
use std::fmt;

/// Characters between two entries of a `CharIndex`.
const STRIDE: usize = 32;

pub struct PyStr {
    pub s: Box<str>,
    hash: Cell<u64>,
    ascii: bool,
    /// For text that is not all ASCII: made on the first positional access.
    index: OnceCell<Box<CharIndex>>,
}

/// The length in characters of a non-ASCII text, and the byte offset of every
/// `STRIDE`-th character.
struct CharIndex {
    chars: usize,
    offsets: Box<[usize]>,
}

impl CharIndex {
    fn of(s: &str) -> CharIndex {
        let mut offsets = Vec::with_capacity(s.len() / STRIDE + 1);
        let mut chars = 0;
        for (at, _) in s.char_indices() {
            if chars % STRIDE == 0 {
                offsets.push(at);
            }
            chars += 1;
        }
        CharIndex {
            chars,
            offsets: offsets.into_boxed_slice(),
        }
    }
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s = s.into();
        let ascii = s.is_ascii();
        PyStr {
            s,
            hash: Cell::new(0),
            ascii,
            index: OnceCell::new(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.s
    }

    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    fn index(&self) -> &CharIndex {
        self.index.get_or_init(|| Box::new(CharIndex::of(&self.s)))
    }

    /// Length in characters, as Python counts it.
    pub fn char_len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else {
            self.index().chars
        }
    }

    /// The byte offset of character `i` (the text's byte length for `i` at or past
    /// the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii {
            return i.min(self.s.len());
        }
        let index = self.index();
        if i >= index.chars {
            return self.s.len();
        }
        let from = index.offsets[i / STRIDE];
        match self.s[from..].char_indices().nth(i % STRIDE) {
            Some((at, _)) => from + at,
            None => self.s.len(),
        }
    }

    /// Characters `start..stop` (clamped to the text).
    pub fn char_slice(&self, start: usize, stop: usize) -> &str {
        if stop <= start {
            return "";
        }
        &self.s[self.byte_offset(start)..self.byte_offset(stop)]
    }

    /// Character `i`, if there is one.
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.ascii {
            return self.s.as_bytes().get(i).map(|&b| b as char);
        }
        self.s[self.byte_offset(i)..].chars().next()
    }

    /// `*s + t`, made in place when `s` is the only reference to its text (its
    /// buffer grows by what is added, which the allocator can often do where it
    /// lies: a loop of `s += t` is linear, as in CPython); a new string otherwise.
    pub fn append(s: &mut std::rc::Rc<PyStr>, t: &PyStr) {
        let ascii = s.ascii && t.ascii;
        let Some(this) = std::rc::Rc::get_mut(s) else {
            let mut joined = String::with_capacity(s.s.len() + t.s.len());
            joined.push_str(&s.s);
            joined.push_str(&t.s);
            *s = std::rc::Rc::new(PyStr::new(joined));
            return;
        };
        let mut text = String::from(std::mem::take(&mut this.s));
        text.reserve_exact(t.s.len());
        text.push_str(&t.s);
        *this = PyStr {
            s: text.into_boxed_str(),
            hash: Cell::new(0),
            ascii,
            index: OnceCell::new(),
        };
    }

    /// The cached string hash (deterministic across runs).
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = crate::vm::hash::hash_str(&self.s);
        self.hash.set(h);
        h
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.s)
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.s == other.s
    }
}

#[cfg(test)]
mod tests {
    use super::PyStr;

    /// Positions map to the right characters and slices across the index's
    /// strides, for ASCII and mixed text alike.
    #[test]
    fn positions_and_slices() {
        for text in ["plain ascii text", "", "é", &"aé€😀".repeat(50)] {
            let s = PyStr::new(text);
            let chars: Vec<char> = text.chars().collect();
            assert_eq!(s.char_len(), chars.len());
            for i in 0..=chars.len() + 1 {
                assert_eq!(s.char_at(i), chars.get(i).copied(), "{text:?}[{i}]");
            }
            for (a, b) in [(0, 3), (5, 40), (31, 33), (64, 500), (3, 2)] {
                let want: String = chars.iter().skip(a).take(b.max(a) - a).collect();
                assert_eq!(s.char_slice(a, b), want, "{text:?}[{a}:{b}]");
            }
        }
    }
}
