//! `LeanRc`: a single-threaded reference-counted pointer with no weak count, for
//! the objects there are millions of and that nothing holds weakly (generator and
//! coroutine objects).
//!
//! `std::rc::Rc` keeps a strong and a weak count in front of the value: two words.
//! A generator is 40 bytes, so with two count words it needs 56 and lands in
//! mimalloc's 64-byte size class (blocks up to 64 bytes round to an even number of
//! words); with one it is 48, its own class. A suspended task holds two coroutine
//! objects, so that word is 32 bytes a task.
//!
//! The API is the part of `Rc`'s the VM uses: `new`, `clone`, `Deref`, `ptr_eq`,
//! `as_ptr`, `strong_count` and `get_mut`. There is no `downgrade`; an object that
//! needs weak references stays an `Rc`.

use std::cell::Cell;
use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

/// The allocation: the count, then the value.
struct Inner<T> {
    count: Cell<usize>,
    value: T,
}

/// A counted shared reference to a `T` on the heap (see the module comment).
pub struct LeanRc<T> {
    ptr: NonNull<Inner<T>>,
    /// Owns an `Inner<T>` (for drop check and variance), and is neither `Send` nor
    /// `Sync` (the count is a plain `Cell`).
    _owns: PhantomData<Inner<T>>,
}

impl<T> LeanRc<T> {
    pub fn new(value: T) -> LeanRc<T> {
        let inner = Box::new(Inner {
            count: Cell::new(1),
            value,
        });
        LeanRc {
            ptr: NonNull::from(Box::leak(inner)),
            _owns: PhantomData,
        }
    }

    #[inline(always)]
    fn inner(&self) -> &Inner<T> {
        // SAFETY: the allocation lives while any `LeanRc` to it does (the count is at
        // least one while `self` exists), and is only ever shared immutably apart
        // from `get_mut`, which requires the only reference.
        unsafe { self.ptr.as_ref() }
    }

    /// Do both point to the same allocation?
    #[inline(always)]
    pub fn ptr_eq(a: &LeanRc<T>, b: &LeanRc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// The address of the value (stable for its lifetime: its identity).
    #[inline(always)]
    pub fn as_ptr(this: &LeanRc<T>) -> *const T {
        &this.inner().value
    }

    /// How many `LeanRc`s point to this value.
    #[inline(always)]
    pub fn strong_count(this: &LeanRc<T>) -> usize {
        this.inner().count.get()
    }

    /// The value, mutably, when `this` is its only reference.
    #[inline(always)]
    pub fn get_mut(this: &mut LeanRc<T>) -> Option<&mut T> {
        if this.inner().count.get() != 1 {
            return None;
        }
        // SAFETY: `this` is the only reference to the allocation and is borrowed
        // mutably for the result's lifetime, so nothing else can reach the value.
        Some(unsafe { &mut this.ptr.as_mut().value })
    }
}

impl<T> Clone for LeanRc<T> {
    #[inline(always)]
    fn clone(&self) -> LeanRc<T> {
        let count = &self.inner().count;
        // (As `Rc` does: an overflowed count could free a live value, so abort.
        // Counting that high would need more references than memory holds.)
        let Some(n) = count.get().checked_add(1) else {
            std::process::abort();
        };
        count.set(n);
        LeanRc {
            ptr: self.ptr,
            _owns: PhantomData,
        }
    }
}

impl<T> Drop for LeanRc<T> {
    #[inline(always)]
    fn drop(&mut self) {
        let count = &self.inner().count;
        let n = count.get() - 1;
        count.set(n);
        if n == 0 {
            // SAFETY: this was the last reference.
            unsafe { free(self.ptr) };
        }
    }
}

/// Drops the value and frees the allocation, out of line: `drop` is then a decrement
/// and a test wherever a reference goes (a generator's frame gives one up at every
/// yield), not a call of the whole drop glue.
///
/// # Safety
/// `ptr` came from `Box::leak` in `new`, its count reached zero, and nothing can reach
/// it any more.
#[cold]
#[inline(never)]
unsafe fn free<T>(ptr: NonNull<Inner<T>>) {
    // SAFETY: the caller's.
    unsafe { drop(Box::from_raw(ptr.as_ptr())) };
}

impl<T> Deref for LeanRc<T> {
    type Target = T;

    #[inline(always)]
    fn deref(&self) -> &T {
        &self.inner().value
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for LeanRc<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::LeanRc;
    use std::cell::Cell;
    use std::rc::Rc;

    /// Counts its drops.
    struct Tally(Rc<Cell<u32>>);

    impl Drop for Tally {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn counts_clones_and_drops_the_value_once_with_the_last() {
        let drops = Rc::new(Cell::new(0));
        let a = LeanRc::new(Tally(drops.clone()));
        let b = a.clone();
        assert_eq!(LeanRc::strong_count(&a), 2);
        assert!(LeanRc::ptr_eq(&a, &b));
        assert_eq!(LeanRc::as_ptr(&a), LeanRc::as_ptr(&b));
        drop(a);
        assert_eq!(drops.get(), 0);
        assert_eq!(LeanRc::strong_count(&b), 1);
        drop(b);
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn get_mut_only_for_the_only_reference() {
        let mut a = LeanRc::new(5);
        *LeanRc::get_mut(&mut a).unwrap() = 6;
        let b = a.clone();
        assert!(LeanRc::get_mut(&mut a).is_none());
        drop(b);
        assert_eq!(*a, 6);
        assert!(LeanRc::get_mut(&mut a).is_some());
        assert!(!LeanRc::ptr_eq(&a, &LeanRc::new(6)));
    }

    #[test]
    fn is_one_word_with_one_count_word_in_front_of_the_value() {
        assert_eq!(std::mem::size_of::<LeanRc<[u64; 5]>>(), 8);
        assert_eq!(std::mem::size_of::<Option<LeanRc<u8>>>(), 8);
        assert_eq!(std::mem::size_of::<super::Inner<[u64; 5]>>(), 48);
    }
}
