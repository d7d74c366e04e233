//! Instance attributes: shapes (hidden classes) and the values they describe.
//!
//! An instance's attributes are a *shape* (the attribute names, in the order they were
//! first set) and one value per name, in the same order. Instances that gained the
//! same names in the same order share one shape, so a name's position is a fact about
//! the shape, and an inline cache that remembers `(shape, slot)` reads or writes the
//! attribute with one pointer comparison and an index (`Attrs::get_cached`,
//! `Attrs::set_cached`). Adding a name moves the instance to a child shape; the
//! children of a shape are remembered, so every `Vec(x, y)` walks the same path
//! `{} -> {x} -> {x, y}`.
//!
//! # Shapes live as long as the thread
//!
//! Shapes form one tree from a per-thread root, each parent owning its children, and
//! are never freed. That is what makes a shape's address a sound cache key: a shape
//! seen once is still that shape. The tree is bounded (`MAX_SLOTS` names on one shape,
//! `MAX_CHILDREN` children of one shape, `MAX_SHAPES` in all); an instance that would
//! pass a bound keeps its attributes in a plain `Dict` instead (`Attrs::Dict`), which
//! behaves the same, only without the shape caches.
//!
//! # `__dict__`
//!
//! `obj.__dict__` and `vars(obj)` are the instance's own dict, as in CPython: asking
//! for it moves the instance to `Attrs::Dict` for good (`Attrs::dict`), and the dict
//! handed out is the one its attributes then live in, so `obj.__dict__.update(kw)` or
//! `vars(obj)['x'] = 1` sets `obj.x`. Attribute names set through `setattr` are always
//! strs; a program may put other keys in a `__dict__`, which attribute access never
//! sees (only str keys are compared, so no Baton code runs in these look-ups).
//!
//! The shared dict is borrowed by its `RefCell` like any dict value. An attribute read
//! takes an unguarded borrow (`read`), under the rule of `AttrCell`; the one moment a
//! read or write finds the dict borrowed for a change is while a dict operation on it
//! runs a key's `__eq__` that reaches the same instance's attributes: then the read
//! finds no attribute and the write is dropped (CPython has no such moment, since its
//! dicts have no borrow flag).

use crate::vm::cache::InlineCache;
use crate::vm::dict::Dict;
use crate::vm::value::{PyStr, Value};
use std::cell::{Cell, RefCell, RefMut};
use std::rc::Rc;

/// The most names one shape holds; a further name moves the instance to a dict.
pub const MAX_SLOTS: usize = 48;
/// The most children one shape has; a further distinct name moves the instance to a
/// dict (a program making attribute names on the fly should not grow the tree).
const MAX_CHILDREN: usize = 64;
/// The most shapes in the whole tree (at most a few MiB, since shapes are never freed;
/// ordinary programs make tens to hundreds).
const MAX_SHAPES: usize = 1 << 14;

/// An ordered set of attribute names, shared by the instances that have exactly these.
pub struct Shape {
    keys: Box<[Rc<PyStr>]>,
    /// The shape with the last name left out (null for the root); it owns this one.
    parent: *const Shape,
    /// The shapes with one name more (the last of their keys).
    children: RefCell<Vec<Rc<Shape>>>,
}

thread_local! {
    static ROOT: Rc<Shape> = Rc::new(Shape {
        keys: Box::new([]),
        parent: std::ptr::null(),
        children: RefCell::default(),
    });
    static SHAPE_COUNT: Cell<usize> = const { Cell::new(1) };
}

/// Whether a stored name is the name looked for: the same str object (names in code
/// are interned), or the same text.
#[inline(always)]
fn same_name(stored: &PyStr, name: &PyStr) -> bool {
    std::ptr::eq(stored, name) || (stored.hash() == name.hash() && stored.s == name.s)
}

impl Shape {
    /// The shape with no names.
    pub fn root() -> Rc<Shape> {
        ROOT.with(Rc::clone)
    }

    /// The position of `name`.
    #[inline]
    fn index_of(&self, name: &PyStr) -> Option<usize> {
        let hash = name.hash();
        self.keys
            .iter()
            .position(|k| std::ptr::eq(&**k, name) || (k.hash() == hash && k.s == name.s))
    }

    /// This shape as one more owner.
    fn share(this: *const Shape) -> Rc<Shape> {
        // SAFETY: `this` is a live shape (a parent, or one seen by a cache), and shapes
        // are never freed (see the module comment).
        unsafe {
            Rc::increment_strong_count(this);
            Rc::from_raw(this)
        }
    }

    /// The shape of the first `n` names (an ancestor, or this one).
    fn prefix(this: &Rc<Shape>, n: usize) -> Rc<Shape> {
        let mut s: *const Shape = Rc::as_ptr(this);
        for _ in n..this.keys.len() {
            // SAFETY: a shape with names has a parent, alive as long as it is.
            s = unsafe { (*s).parent };
        }
        Shape::share(s)
    }

    /// The shape with `name` added after these names, made on first use; None when a
    /// bound of the tree would be passed.
    fn child(self: &Rc<Self>, name: &Rc<PyStr>) -> Option<Rc<Shape>> {
        let mut children = self.children.borrow_mut();
        if let Some(c) = children.iter().find(|c| {
            c.keys
                .last()
                .is_some_and(|k| Rc::ptr_eq(k, name) || same_name(k, name))
        }) {
            return Some(c.clone());
        }
        let count = SHAPE_COUNT.with(Cell::get);
        if self.keys.len() >= MAX_SLOTS || children.len() >= MAX_CHILDREN || count >= MAX_SHAPES {
            return None;
        }
        SHAPE_COUNT.with(|c| c.set(count + 1));
        let keys: Box<[Rc<PyStr>]> = self.keys.iter().chain([name]).cloned().collect();
        let child = Rc::new(Shape {
            keys,
            parent: Rc::as_ptr(self),
            children: RefCell::default(),
        });
        children.push(child.clone());
        Some(child)
    }

    /// The names, in order.
    pub fn keys(&self) -> &[Rc<PyStr>] {
        &self.keys
    }
}

/// An instance's attribute values: the first `shape.keys.len()` are the attributes,
/// the rest is room for more (Undefined). A boxed slice, not a `Vec`: the live length
/// comes from the shape and the slice's own is the room, so no third word is spent,
/// and an `Instance` with its reference counts is 48 bytes (a million suspended tasks
/// are two million instances, a Task and the Future it waits on).
#[derive(Clone, Default)]
pub struct Slots(Box<[Value]>);

impl Slots {
    /// Room for `n` values: one allocation, each slot's tag written (every instance
    /// made by `Vec(x, y)` comes through here, so no `Vec` is built and shrunk).
    #[inline(always)]
    fn with_room(n: usize) -> Slots {
        if n == 0 {
            return Slots::default();
        }
        if let Some(p) = crate::vm::instance_pool::take_buffer(n) {
            // SAFETY: a kept buffer of `n` values (`Slots::drop`), whose old values
            // were released: each slot is overwritten without a drop.
            unsafe {
                fill_undefined(p, n);
                return Slots(Box::from_raw(std::ptr::slice_from_raw_parts_mut(p, n)));
            }
        }
        let mut room = Box::<[Value]>::new_uninit_slice(n);
        // SAFETY: the `n` slots of the new allocation.
        unsafe { fill_undefined(room.as_mut_ptr() as *mut Value, n) };
        // SAFETY: every slot was just written.
        Slots(unsafe { room.assume_init() })
    }

    /// Stores the value of a new attribute at `live`, the number of attributes so far.
    #[inline(always)]
    fn put(&mut self, live: usize, value: Value) {
        if live >= self.0.len() {
            self.grow(live);
        }
        if let Some(slot) = self.0.get_mut(live) {
            // Room past the attributes holds Undefined: usually nothing to drop.
            Value::replace_in(slot, value);
        }
    }

    /// More room, keeping the first `live` values (doubling, as a `Vec` grows).
    #[cold]
    fn grow(&mut self, live: usize) {
        let room = (live * 2).max(4);
        let mut v = std::mem::take(&mut self.0).into_vec();
        v.truncate(live);
        v.resize(room, Value::Undefined);
        self.0 = v.into_boxed_slice();
    }

    /// Removes the value at `at` of the first `live`, moving the later ones down.
    fn remove(&mut self, at: usize, live: usize) -> Value {
        let removed = std::mem::take(&mut self.0[at]);
        self.0[at..live].rotate_left(1);
        removed
    }
}

/// Writes Undefined into the `n` (at least one) slots at `p`: the usual one or two
/// as single stores, not a call of `memset` (which a loop of them becomes, Undefined
/// being all zeros).
///
/// # Safety
/// `p` is valid for `n` values, whose old contents need no drop.
#[inline(always)]
unsafe fn fill_undefined(p: *mut Value, n: usize) {
    use crate::vm::value::write_undefined;
    // SAFETY: the caller's.
    unsafe {
        write_undefined(p);
        if n == 2 {
            write_undefined(p.add(1));
        } else if n > 2 {
            for i in 1..n {
                write_undefined(p.add(i));
            }
        }
    }
}

impl Drop for Slots {
    /// Releases the values in place (an immediate costs a tag test, not a call of the
    /// general destructor) and frees the room, or keeps it for another instance.
    fn drop(&mut self) {
        let room: *mut [Value] = Box::into_raw(std::mem::take(&mut self.0));
        // SAFETY: each value is read out and released once; the allocation is then
        // freed as a box of the same length whose elements have no destructor.
        unsafe {
            let first = room as *mut Value;
            for i in 0..room.len() {
                first.add(i).read().release();
            }
            // Kept for the next instance's values (`vm::instance_pool`), or freed.
            if !crate::vm::instance_pool::keep_buffer(first, room.len()) {
                drop(Box::from_raw(room as *mut [std::mem::ManuallyDrop<Value>]));
            }
        }
    }
}

impl std::ops::Deref for Slots {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl std::ops::DerefMut for Slots {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        &mut self.0
    }
}

/// An instance's attributes in their own cell, without a borrow flag: an `Instance`
/// is its class and this, 32 bytes, so 48 with its counts (a million suspended tasks
/// are two million instances). Every access is short and runs no Baton code while it
/// holds the attributes (a value read is cloned out, one written replaces the old,
/// whose drop runs no Baton code: finalizers are queued, `vm::coroutine`), so no
/// access can meet another: the closures given to `with` and `with_mut` must keep
/// to that, and must not reach the same instance's attributes again.
#[derive(Default)]
pub struct AttrCell(std::cell::UnsafeCell<Attrs>);

impl AttrCell {
    pub fn new(attrs: Attrs) -> AttrCell {
        AttrCell(std::cell::UnsafeCell::new(attrs))
    }

    /// `f` applied to the attributes (see the type's comment for what `f` may do).
    #[inline(always)]
    pub fn with<R>(&self, f: impl FnOnce(&Attrs) -> R) -> R {
        // SAFETY: no other access is under way (see above), and `f` starts none.
        f(unsafe { &*self.0.get() })
    }

    /// `f` applied to the attributes, which it may change (as for `with`).
    #[inline(always)]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Attrs) -> R) -> R {
        // SAFETY: as in `with`: this is the only access while `f` runs.
        f(unsafe { &mut *self.0.get() })
    }

    /// The attributes, through the only reference to the instance.
    pub fn get_mut(&mut self) -> &mut Attrs {
        self.0.get_mut()
    }

    /// The attributes, read in place by the run loop's attribute look-ups.
    ///
    /// # Safety
    /// The reference must be done with before anything can change the instance's
    /// attributes (no Baton code runs and no attribute is stored while it lives).
    #[inline(always)]
    pub unsafe fn get_unguarded(&self) -> &Attrs {
        // SAFETY: the caller's.
        unsafe { &*self.0.get() }
    }

    /// The attributes of an instance no one else can see yet (just made).
    pub fn as_ptr(&self) -> *mut Attrs {
        self.0.get()
    }
}

/// One instance's attributes (see the module comment).
pub enum Attrs {
    /// `values[i]` is the attribute named `shape.keys[i]`.
    Shaped { shape: Rc<Shape>, values: Slots },
    /// Attributes past the shape tree's bounds, or of an instance whose `__dict__` was
    /// asked for: the dict that `__dict__` is.
    Dict(Rc<RefCell<Dict>>),
}

/// A copy, as a template is copied: a dict-mode copy gets a dict of its own.
impl Clone for Attrs {
    fn clone(&self) -> Attrs {
        match self {
            Attrs::Shaped { shape, values } => Attrs::Shaped {
                shape: shape.clone(),
                values: values.clone(),
            },
            Attrs::Dict(d) => {
                Attrs::Dict(Rc::new(RefCell::new(read(d).cloned().unwrap_or_default())))
            }
        }
    }
}

/// A dict-mode instance's dict, to read; None while a dict operation is changing it
/// (see the module comment).
#[inline(always)]
fn read(d: &RefCell<Dict>) -> Option<&Dict> {
    // SAFETY: the reference lives only as long as an attribute access, during which
    // no Baton code runs and nothing else borrows the dict (`AttrCell`'s rule); a
    // change under way is refused by the borrow flag.
    unsafe { d.try_borrow_unguarded().ok() }
}

/// A dict-mode instance's dict, to change; None while it is borrowed (see the module
/// comment).
#[inline]
fn write(d: &RefCell<Dict>) -> Option<RefMut<'_, Dict>> {
    d.try_borrow_mut().ok()
}

impl Default for Attrs {
    fn default() -> Attrs {
        Attrs::new()
    }
}

impl Attrs {
    /// No attributes.
    pub fn new() -> Attrs {
        Attrs::Shaped {
            shape: Shape::root(),
            values: Slots::default(),
        }
    }

    /// No attributes yet, with room for `n` without growing.
    #[inline(always)]
    pub fn with_capacity(n: usize) -> Attrs {
        Attrs::Shaped {
            shape: Shape::root(),
            values: Slots::with_room(n),
        }
    }

    /// Writes `AttrCell::new(Attrs::with_capacity(room))` at `dst`, built where it
    /// goes rather than moved there (`instance_pool::new_empty`).
    ///
    /// # Safety
    /// `dst` is valid for the write and holds nothing that needs a drop.
    #[inline(always)]
    pub unsafe fn write_empty(dst: *mut AttrCell, room: usize) {
        let values = Slots::with_room(room);
        let shape = Shape::root();
        // SAFETY: the caller's.
        unsafe { dst.write(AttrCell::new(Attrs::Shaped { shape, values })) }
    }

    /// These attributes, in this order (a template the runtime clones).
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Rc<PyStr>, Value)>) -> Attrs {
        let pairs: Vec<_> = pairs.into_iter().collect();
        // Exactly sized: a clone of a template copies its room too.
        let mut attrs = Attrs::with_capacity(pairs.len());
        for (k, v) in pairs {
            attrs.set_str(k, v);
        }
        attrs
    }

    pub fn len(&self) -> usize {
        match self {
            Attrs::Shaped { shape, .. } => shape.keys.len(),
            Attrs::Dict(d) => read(d).map_or(0, Dict::len),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The attribute `name`, borrowed.
    pub fn get_str_ref(&self, name: &PyStr) -> Option<&Value> {
        match self {
            Attrs::Shaped { shape, values } => shape.index_of(name).map(|i| &values[i]),
            Attrs::Dict(d) => read(d)?.get_str_ref(name),
        }
    }

    /// The attribute `name`.
    pub fn get_str(&self, name: &PyStr) -> Option<Value> {
        self.get_str_ref(name).cloned()
    }

    /// Sets the attribute `name` (a new name goes last).
    pub fn set_str(&mut self, name: Rc<PyStr>, value: Value) {
        if let Err(value) = self.update_str(&name, value) {
            self.push(name, value);
        }
    }

    /// Replaces the value of an attribute already present; gives the value back when
    /// there is none of that name.
    pub fn update_str(&mut self, name: &PyStr, value: Value) -> Result<(), Value> {
        let slot = match self {
            Attrs::Shaped { shape, values } => match shape.index_of(name) {
                Some(i) => &mut values[i],
                None => return Err(value),
            },
            Attrs::Dict(d) => {
                return match write(d) {
                    Some(mut d) => d.update_str(name, value),
                    None => Ok(()),
                }
            }
        };
        *slot = value;
        Ok(())
    }

    /// Adds a name the attributes do not have yet.
    fn push(&mut self, name: Rc<PyStr>, value: Value) {
        match self {
            Attrs::Shaped { shape, values } => match shape.child(&name) {
                Some(child) => {
                    values.put(shape.keys.len(), value);
                    *shape = child;
                }
                None => {
                    let mut d = self.to_dict();
                    d.set_str(name, value);
                    *self = Attrs::Dict(Rc::new(RefCell::new(d)));
                }
            },
            Attrs::Dict(d) => {
                if let Some(mut d) = write(d) {
                    d.set_str(name, value);
                }
            }
        }
    }

    /// Removes the attribute `name`; the others keep their order.
    pub fn remove_str(&mut self, name: &PyStr) -> Option<Value> {
        match self {
            Attrs::Shaped { shape, values } => {
                let at = shape.index_of(name)?;
                let removed = values.remove(at, shape.keys.len());
                // The names before `at` keep their shape; the ones after it are added
                // again on top of it.
                let mut rest = Some(Shape::prefix(shape, at));
                for k in &shape.keys[at + 1..] {
                    rest = rest.and_then(|r| r.child(k));
                }
                match rest {
                    Some(rest) => *shape = rest,
                    None => {
                        let keys = shape.keys.iter().enumerate().filter(|&(i, _)| i != at);
                        let mut d = Dict::with_capacity(shape.keys.len() - 1);
                        for ((_, k), v) in keys.zip(values.iter_mut()) {
                            d.set_str(k.clone(), std::mem::take(v));
                        }
                        *self = Attrs::Dict(Rc::new(RefCell::new(d)));
                    }
                }
                Some(removed)
            }
            Attrs::Dict(d) => write(d)?.remove_str(name),
        }
    }

    /// The attributes in order, as (name, value).
    pub fn iter(&self) -> AttrsIter<'_> {
        AttrsIter {
            attrs: self,
            pos: 0,
        }
    }

    /// The `at`-th attribute, as (name, value).
    #[inline]
    pub fn get_index(&self, at: usize) -> Option<(&Rc<PyStr>, &Value)> {
        match self {
            Attrs::Shaped { shape, values } => Some((shape.keys.get(at)?, values.get(at)?)),
            Attrs::Dict(d) => match read(d)?.get_index(at)? {
                (Value::Str(k), v) => Some((k, v)),
                _ => None,
            },
        }
    }

    /// Replaces the value of the `at`-th attribute when it is named `name` (by
    /// identity); gives the value back otherwise.
    #[inline]
    pub fn set_index(&mut self, at: usize, name: &Rc<PyStr>, value: Value) -> Result<(), Value> {
        match self {
            Attrs::Shaped { shape, values } => match (shape.keys.get(at), values.get_mut(at)) {
                (Some(k), Some(slot)) if Rc::ptr_eq(k, name) => {
                    *slot = value;
                    Ok(())
                }
                _ => Err(value),
            },
            Attrs::Dict(_) => Err(value),
        }
    }

    /// The dict these attributes live in from now on (`__dict__`, `vars()`): a shaped
    /// instance moves to dict mode.
    pub fn dict(&mut self) -> Rc<RefCell<Dict>> {
        if let Attrs::Dict(d) = self {
            return d.clone();
        }
        let d = Rc::new(RefCell::new(self.to_dict()));
        *self = Attrs::Dict(d.clone());
        d
    }

    /// The attributes become the dict `d` (`obj.__dict__ = d`; `del obj.__dict__`
    /// gives a new empty one). What they were is given back, to be dropped after.
    pub fn set_dict(&mut self, d: Rc<RefCell<Dict>>) -> Attrs {
        std::mem::replace(self, Attrs::Dict(d))
    }

    /// A copy as a dict.
    pub fn to_dict(&self) -> Dict {
        let mut d = Dict::with_capacity(self.len());
        for (k, v) in self.iter() {
            d.set_str(k.clone(), v.clone());
        }
        d
    }

    /// The attribute `name` for the run loop: one pointer comparison when the cache
    /// saw this shape before.
    #[inline(always)]
    pub fn get_cached(&self, name: &PyStr, cache: &InlineCache) -> Option<Value> {
        match self {
            Attrs::Shaped { shape, values } if Rc::as_ptr(shape) as usize == cache.shape.get() => {
                values.get(cache.slot.get() as usize).map(Value::fast_clone)
            }
            Attrs::Shaped { .. } => self.get_and_cache(name, cache),
            Attrs::Dict(d) => read(d)?.get_str_hinted(name, &cache.hint),
        }
    }

    /// The slow half of `get_cached`: finds the slot and remembers it.
    #[inline(never)]
    fn get_and_cache(&self, name: &PyStr, cache: &InlineCache) -> Option<Value> {
        let Attrs::Shaped { shape, values } = self else {
            return None;
        };
        let at = shape.index_of(name)?;
        cache.remember_slot(Rc::as_ptr(shape), at, std::ptr::null());
        Some(values[at].fast_clone())
    }

    /// Whether there is no attribute `name` (LoadMethod: the method on the class is
    /// not shadowed), remembering the shape that lacks it.
    #[inline(always)]
    pub fn lacks_cached(&self, name: &PyStr, cache: &InlineCache) -> bool {
        match self {
            Attrs::Shaped { shape, .. } if Rc::as_ptr(shape) as usize == cache.shape.get() => true,
            Attrs::Shaped { shape, .. } => {
                let lacks = shape.index_of(name).is_none();
                if lacks {
                    cache.remember_slot(Rc::as_ptr(shape), 0, std::ptr::null());
                }
                lacks
            }
            Attrs::Dict(d) => read(d).is_none_or(|d| d.get_str_ref(name).is_none()),
        }
    }

    /// Sets the attribute `name` for the run loop: a known slot, or a known step to
    /// the shape with `name` added, costs one pointer comparison. True when the value
    /// went into a slot the attribute already had (no name was added).
    #[inline(always)]
    pub fn set_cached(&mut self, name: &Rc<PyStr>, value: Value, cache: &InlineCache) -> bool {
        if let Attrs::Shaped { shape, values } = self {
            if Rc::as_ptr(shape) as usize == cache.shape.get() {
                let next = cache.next.get() as *const Shape;
                if next.is_null() {
                    if let Some(slot) = values.get_mut(cache.slot.get() as usize) {
                        Value::replace_in(slot, value);
                        return true;
                    }
                } else {
                    values.put(shape.keys.len(), value);
                    *shape = Shape::share(next);
                    return false;
                }
            }
        }
        self.set_and_cache(name, value, cache);
        false
    }

    /// The slow half of `set_cached`.
    #[inline(never)]
    fn set_and_cache(&mut self, name: &Rc<PyStr>, value: Value, cache: &InlineCache) {
        match self {
            Attrs::Shaped { shape, values } => {
                let from = Rc::as_ptr(shape);
                if let Some(at) = shape.index_of(name) {
                    values[at] = value;
                    cache.remember_slot(from, at, std::ptr::null());
                    return;
                }
                let at = shape.keys.len();
                self.push(name.clone(), value);
                if let Attrs::Shaped { shape, .. } = self {
                    cache.remember_slot(from, at, Rc::as_ptr(shape));
                }
            }
            Attrs::Dict(d) => {
                if let Some(mut d) = write(d) {
                    d.set_str_hinted(name, value, &cache.hint);
                }
            }
        }
    }
}

/// `Attrs::iter`: by position, skipping a dict's removed entries.
pub struct AttrsIter<'a> {
    attrs: &'a Attrs,
    pos: usize,
}

impl<'a> Iterator for AttrsIter<'a> {
    type Item = (&'a Rc<PyStr>, &'a Value);

    fn next(&mut self) -> Option<Self::Item> {
        match self.attrs {
            Attrs::Shaped { shape, values } => {
                let item = (shape.keys.get(self.pos)?, values.get(self.pos)?);
                self.pos += 1;
                Some(item)
            }
            Attrs::Dict(d) => {
                let d = read(d)?;
                while self.pos < d.slot_count() {
                    let at = self.pos;
                    self.pos += 1;
                    if let Some((Value::Str(k), v)) = d.get_index(at) {
                        return Some((k, v));
                    }
                }
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Rc<PyStr> {
        Rc::new(PyStr::new(s))
    }

    #[test]
    fn same_names_in_same_order_share_a_shape() {
        let (x, y) = (name("x"), name("y"));
        let mut a = Attrs::new();
        a.set_str(x.clone(), Value::Int(1));
        a.set_str(y.clone(), Value::Int(2));
        let mut b = Attrs::new();
        b.set_str(name("x"), Value::Int(3));
        b.set_str(y.clone(), Value::Int(4));
        let (Attrs::Shaped { shape: sa, .. }, Attrs::Shaped { shape: sb, .. }) = (&a, &b) else {
            panic!("both stay shaped");
        };
        assert!(Rc::ptr_eq(sa, sb));
        assert!(matches!(b.get_str(&x), Some(Value::Int(3))));
    }

    #[test]
    fn removing_keeps_the_order_of_the_rest() {
        let mut a = Attrs::new();
        for (i, n) in ["a", "b", "c"].iter().enumerate() {
            a.set_str(name(n), Value::Int(i as i64));
        }
        assert!(matches!(
            a.remove_str(&PyStr::new("b")),
            Some(Value::Int(1))
        ));
        let names: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["a", "c"]);
        a.set_str(name("b"), Value::Int(5));
        let names: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(names, ["a", "c", "b"]);
    }

    #[test]
    fn many_names_fall_back_to_a_dict() {
        let mut a = Attrs::new();
        for i in 0..(MAX_SLOTS + 5) {
            a.set_str(name(&format!("n{i}")), Value::Int(i as i64));
        }
        assert!(matches!(a, Attrs::Dict(_)));
        assert_eq!(a.len(), MAX_SLOTS + 5);
        assert!(matches!(
            a.get_str(&PyStr::new("n50")),
            Some(Value::Int(50))
        ));
        let first: Vec<&str> = a.iter().take(2).map(|(k, _)| k.as_str()).collect();
        assert_eq!(first, ["n0", "n1"]);
    }

    /// An instance (class, shape and boxed values) is 32 bytes: with its reference
    /// counts, mimalloc's 48-byte size class. A Task and the Future it waits on are
    /// two for every suspended task.
    #[test]
    fn an_instance_stays_small() {
        assert!(std::mem::size_of::<crate::vm::value::Instance>() <= 32);
    }

    #[test]
    fn room_is_kept_and_removal_moves_the_rest_down() {
        let mut a = Attrs::with_capacity(3);
        for (i, n) in ["a", "b", "c", "d", "e"].iter().enumerate() {
            a.set_str(name(n), Value::Int(i as i64));
        }
        assert_eq!(a.len(), 5);
        assert!(matches!(
            a.remove_str(&PyStr::new("a")),
            Some(Value::Int(0))
        ));
        let items: Vec<(String, i64)> = a
            .iter()
            .map(|(k, v)| match v {
                Value::Int(i) => (k.as_str().to_string(), *i),
                _ => (k.as_str().to_string(), -1),
            })
            .collect();
        let want: Vec<(String, i64)> = [("b", 1), ("c", 2), ("d", 3), ("e", 4)]
            .iter()
            .map(|&(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(items, want);
        // An exact template's clone has no spare room, and a name added to it grows it.
        let t = Attrs::from_pairs([(name("x"), Value::Int(1)), (name("y"), Value::Int(2))]);
        let mut c = t.clone();
        if let Attrs::Shaped { values, .. } = &c {
            assert_eq!(values.len(), 2);
        }
        c.set_str(name("z"), Value::Int(3));
        assert!(matches!(c.get_str(&PyStr::new("z")), Some(Value::Int(3))));
        assert!(matches!(c.get_str(&PyStr::new("x")), Some(Value::Int(1))));
    }

    #[test]
    fn cached_reads_and_writes_follow_the_shape() {
        let cache = InlineCache::default();
        let (x, y) = (name("x"), name("y"));
        let mut a = Attrs::new();
        a.set_cached(&x, Value::Int(1), &cache); // learns {} -> {x}
        let mut b = Attrs::new();
        b.set_cached(&x, Value::Int(2), &cache); // cached step
        assert!(matches!(b.get_str(&x), Some(Value::Int(2))));
        let read = InlineCache::default();
        assert!(matches!(a.get_cached(&x, &read), Some(Value::Int(1))));
        assert!(matches!(b.get_cached(&x, &read), Some(Value::Int(2))));
        b.set_str(y.clone(), Value::Int(3));
        // A different shape: the cache is not trusted, the slot is found again.
        assert!(matches!(b.get_cached(&y, &read), Some(Value::Int(3))));
        assert!(a.lacks_cached(&y, &read));
        assert!(!b.lacks_cached(&y, &read));
    }
}
