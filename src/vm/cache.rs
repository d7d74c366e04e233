//! Inline caches: per-instruction memory that lets the fast path skip repeated
//! look-ups.
//!
//! - `LoadAttr`/`StoreAttr` remember where in an instance dict the name was last found
//!   (`hint`); the next look-up checks that position by key identity first.
//! - For shaped instance attributes (`vm::shape`) they remember the shape and slot,
//!   and a store that adds a name the shape it leads to.
//! - `LoadMethod` remembers the method it found on a class (`class`, `method`), valid
//!   while the class-world epoch is unchanged.
//!
//! # The class epoch
//!
//! One global counter, bumped whenever any class's dict changes and whenever a class
//! is created (`classes_changed`). A cached method is used only when the receiver's
//! class is the cached one (by address) and the epoch is the one it was cached in.
//! That makes the raw pointer in the cache sound: while the epoch holds, the class's
//! MRO dicts are unchanged, so they still hold the method (the live receiver keeps its
//! class, and the class its MRO, alive); and a new class at a freed class's address
//! was created after the entry, so the epoch differs. The cache never owns the method,
//! so it creates no reference cycle (a method calling itself would otherwise keep its
//! own code alive).

use crate::vm::shape::Shape;
use crate::vm::value::{Class, Value};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

static CLASS_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Invalidates every cached method: call after changing any class's dict, and when
/// creating a class.
pub fn classes_changed() {
    CLASS_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// The current class epoch (starts at 1).
#[inline(always)]
pub fn epoch() -> u64 {
    CLASS_EPOCH.load(Ordering::Relaxed)
}

/// The cache of one instruction.
///
/// Aligned to 64 bytes (it is 56): a cache line each, and the run loop finds an
/// instruction's cache from the instruction pointer with a shift rather than a
/// multiplication (instructions are 8 bytes, caches 64).
#[derive(Default)]
#[repr(align(64))]
pub struct InlineCache {
    /// Position of the name in the instance dict where it was last found (for
    /// instances whose attributes are a plain dict, `Attrs::Dict`).
    pub hint: Cell<u32>,
    /// For shaped attributes (`vm::shape`): the name's slot in the shape `shape`
    /// (an address, 0 for none); for a store that adds the name, `next` is the shape
    /// after it (else 0). LoadMethod keeps in `shape` a shape that lacks the name.
    pub slot: Cell<u32>,
    pub shape: Cell<usize>,
    pub next: Cell<usize>,
    /// The class the method was found on (its address), 0 for none.
    class: Cell<usize>,
    epoch: Cell<u64>,
    /// The method, or what else was found (see `CachedMethod`).
    method: Cell<CachedMethod>,
}

/// What an entry remembers. The pointers are to values in a class dict, not owned (see
/// the module comment); a copy is one bitwise copy and one count increment.
#[derive(Clone, Copy, Default)]
enum CachedMethod {
    #[default]
    None,
    /// A method: a `Value::Function` or a `Value::Native`.
    Method(*const Value),
    /// A plain data attribute in a class dict (see `class_data`).
    Data(*const Value),
    /// The name is not a property anywhere on the class's MRO (see `not_a_property`).
    NotProperty,
}

impl std::fmt::Debug for InlineCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InlineCache")
    }
}

impl InlineCache {
    /// Remembers where a shaped attribute is (see `vm::shape`).
    #[inline]
    pub fn remember_slot(&self, shape: *const Shape, slot: usize, next: *const Shape) {
        self.shape.set(shape as usize);
        self.slot.set(slot as u32);
        self.next.set(next as usize);
    }

    /// The method `name` of `class` (a plain Baton function or a native), looked up
    /// along the MRO, from the cache when it is valid.
    #[inline(always)]
    pub fn method(&self, class: &Rc<Class>, name: &crate::vm::value::PyStr) -> Option<Value> {
        self.cached(class).or_else(|| self.look_up(class, name))
    }

    /// `method`, borrowed where it lies in the class dict (see `cached_ref`).
    #[inline(always)]
    pub fn method_ref(&self, class: &Rc<Class>, name: &crate::vm::value::PyStr) -> Option<&Value> {
        match self.cached_ref(class) {
            Some(f) => Some(f),
            None => {
                self.look_up(class, name)?;
                self.cached_ref(class)
            }
        }
    }

    /// Whether the entry was made for `class` in the current epoch.
    #[inline(always)]
    fn valid_for(&self, class: &Rc<Class>) -> bool {
        self.class.get() == Rc::as_ptr(class) as usize && self.epoch.get() == epoch()
    }

    /// Makes the entry `what`, for `class` in the current epoch.
    fn remember(&self, class: &Rc<Class>, what: CachedMethod) {
        self.class.set(Rc::as_ptr(class) as usize);
        self.epoch.set(epoch());
        self.method.set(what);
    }

    /// The first value named `name` along the MRO of `class`; when `wanted` accepts
    /// it, the entry remembers where it is (as `entry` makes it) and a copy comes
    /// back, else None.
    fn find_on_mro(
        &self,
        class: &Rc<Class>,
        name: &crate::vm::value::PyStr,
        wanted: fn(&Value) -> bool,
        entry: fn(*const Value) -> CachedMethod,
    ) -> Option<Value> {
        for c in class.mro_iter() {
            let dict = c.dict.borrow();
            let Some(found) = dict.get_str_ref(name) else {
                continue;
            };
            if !wanted(found) {
                return None;
            }
            self.remember(class, entry(found as *const Value));
            return Some(found.clone());
        }
        None
    }

    /// The method cached for `class`, when the entry is valid.
    #[inline(always)]
    pub fn cached(&self, class: &Rc<Class>) -> Option<Value> {
        if self.valid_for(class) {
            if let CachedMethod::Method(p) = self.method.get() {
                // SAFETY: see the module comment: the class dict still holds the method
                // where it was found.
                return Some(unsafe { (*p).clone() });
            }
        }
        None
    }

    /// The method cached for `class`, borrowed where it lies in the class dict, when
    /// the entry is valid. The reference must be done with before any class dict can
    /// change (before any Baton code runs).
    #[inline(always)]
    pub fn cached_ref(&self, class: &Rc<Class>) -> Option<&Value> {
        if self.valid_for(class) {
            if let CachedMethod::Method(p) = self.method.get() {
                // SAFETY: see the module comment, and the contract above.
                return Some(unsafe { &*p });
            }
        }
        None
    }

    /// A plain data attribute (None, a bool, an int, a float or a str) that instances
    /// of `class` inherit from a class of its MRO (`_state = "PENDING"` on a class, read
    /// as `self._state`), found through the cache like a method. None for anything
    /// else (a function binds, a descriptor runs code): the general path decides.
    /// The cached pointer into the class dict is sound for the reason a cached method
    /// is: while the epoch holds, no class dict has changed, so none has moved.
    #[inline]
    pub fn class_data(&self, class: &Rc<Class>, name: &crate::vm::value::PyStr) -> Option<Value> {
        if self.valid_for(class) {
            return match self.method.get() {
                // SAFETY: see above.
                CachedMethod::Data(p) => Some(unsafe { (*p).clone() }),
                _ => None,
            };
        }
        let plain = |v: &Value| {
            matches!(
                v,
                Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_)
            )
        };
        self.find_on_mro(class, name, plain, CachedMethod::Data)
    }

    /// Whether `name` is not a property on the MRO of `class`, so that an instance
    /// attribute of that name may be read from (or stored into) the instance dict
    /// directly even though some class of the MRO has a property.
    #[inline]
    pub fn not_a_property(&self, class: &Rc<Class>, name: &crate::vm::value::PyStr) -> bool {
        if self.valid_for(class) {
            return matches!(
                self.method.get(),
                CachedMethod::Data(_) | CachedMethod::NotProperty
            );
        }
        // (A class that takes over attribute access has its hooks called.)
        let data_descriptor = |v: &Value| {
            matches!(v, Value::Property(_))
                || matches!(crate::vm::attrs::descriptor_kind(v), Some((_, true)))
        };
        if class.lookup(name).is_some_and(|v| data_descriptor(&v)) || class.defines_attr_hooks() {
            return false;
        }
        self.remember(class, CachedMethod::NotProperty);
        true
    }

    /// Looks `name` up along the MRO of `class` and caches it (when it is a plain
    /// Baton function or a native).
    #[inline(never)]
    pub fn look_up(&self, class: &Rc<Class>, name: &crate::vm::value::PyStr) -> Option<Value> {
        let method = |v: &Value| matches!(v, Value::Function(_) | Value::Native(_));
        self.find_on_mro(class, name, method, CachedMethod::Method)
    }
}
