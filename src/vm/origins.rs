//! Where coroutines were created, for the never-awaited warning: each place (file,
//! line) gets a number once, and a coroutine keeps the number (four bytes in the
//! object) instead of a reference to the code that created it.
//!
//! Places are few (the lines of a program that call `async def` functions), so the
//! table only grows with the program's text, not with how many coroutines it makes.
//! The last place looked up is remembered: a loop creating coroutines at one line
//! finds its number with two comparisons.

use std::cell::RefCell;
use std::rc::Rc;

/// The numbered places; number `i + 1` is `places[i]` (0 means none).
#[derive(Default)]
struct Origins {
    places: Vec<(Rc<str>, u32)>,
    index: ahash::AHashMap<(Rc<str>, u32), u32>,
    /// The last place looked up and its number (the file is kept, so its address
    /// cannot be reused by another).
    last: Option<(Rc<str>, u32, u32)>,
}

thread_local! {
    static ORIGINS: RefCell<Origins> = RefCell::default();
}

/// The number of the place `file`:`line` (0 only if the table is unavailable, during
/// thread teardown, or full).
#[inline]
pub fn intern(file: &Rc<str>, line: u32) -> u32 {
    ORIGINS
        .try_with(|o| {
            let mut o = o.borrow_mut();
            if let Some((f, l, id)) = &o.last {
                if *l == line && Rc::ptr_eq(f, file) {
                    return *id;
                }
            }
            let id = intern_slow(&mut o, file, line);
            o.last = Some((file.clone(), line, id));
            id
        })
        .unwrap_or(0)
}

#[cold]
fn intern_slow(o: &mut Origins, file: &Rc<str>, line: u32) -> u32 {
    let key = (file.clone(), line);
    if let Some(&id) = o.index.get(&key) {
        return id;
    }
    let Ok(id) = u32::try_from(o.places.len() + 1) else {
        return 0;
    };
    o.places.push(key.clone());
    o.index.insert(key, id);
    id
}

/// The place numbered `id`.
pub fn place(id: u32) -> Option<(Rc<str>, u32)> {
    let at = usize::try_from(id).ok()?.checked_sub(1)?;
    ORIGINS
        .try_with(|o| o.borrow().places.get(at).cloned())
        .ok()
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_keeps_its_number() {
        let a: Rc<str> = Rc::from("a.py");
        let b: Rc<str> = Rc::from("b.py");
        let x = intern(&a, 3);
        let y = intern(&b, 3);
        assert_ne!(x, y);
        assert_eq!(intern(&a, 3), x);
        // The same text in another allocation is the same place.
        assert_eq!(intern(&Rc::from("b.py"), 3), y);
        assert_eq!(place(x), Some((a, 3)));
        assert_eq!(place(0), None);
    }
}
