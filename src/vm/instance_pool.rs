//! The memory of instances that just died, kept for the next ones: a short LIFO list
//! per thread of dead `Rc<Instance>` allocations, and one of attribute value buffers
//! (`shape::Slots`) per small length.
//!
//! An object made and dropped per iteration (`self.pos = self.pos.add(v)` makes one
//! `Vec` and drops the one before) would otherwise take a block from the allocator's
//! free list, which hands out blocks in page order, so the block is usually not the
//! one freed a moment ago and its cache lines are cold. The most recently freed block
//! is the warmest there is.
//!
//! A dead instance is dropped as usual (its destructor runs, its attributes are
//! released, in `recycle`); only the allocation is kept, the `Rc`'s counts as they
//! were when the last reference went (strong 1, no weak references: an instance with
//! weak references is freed as usual), so `new_instance` writes a fresh `Instance`
//! into it and takes it back with `Rc::from_raw`.

use crate::vm::value::{Class, Instance, Value};
use std::cell::Cell;
use std::rc::Rc;

/// How many dead instances are kept.
const INSTANCES: usize = 8;
/// Value buffers are kept for lengths 1 to `SLOT_LENGTHS`, `SLOTS_EACH` of each.
pub(crate) const SLOT_LENGTHS: usize = 8;
const SLOTS_EACH: usize = 4;

thread_local! {
    /// Dead instances: allocations whose `Instance` has been dropped in place.
    static DEAD: [Cell<*mut Instance>; INSTANCES] =
        const { [const { Cell::new(std::ptr::null_mut()) }; INSTANCES] };
    static DEAD_LEN: Cell<usize> = const { Cell::new(0) };
    /// Value buffers by length - 1: their values need no drop (Undefined is written
    /// before they are handed out).
    static BUFFERS: [[Cell<*mut Value>; SLOTS_EACH]; SLOT_LENGTHS] =
        const { [const { [const { Cell::new(std::ptr::null_mut()) }; SLOTS_EACH] }; SLOT_LENGTHS] };
    static BUFFERS_LEN: [Cell<u8>; SLOT_LENGTHS] = const { [const { Cell::new(0) }; SLOT_LENGTHS] };
    /// 0 before anything was kept, 1 while `RELEASE` will free what is kept, 2 when
    /// the thread has ended and it did: from then on nothing more is kept.
    static STATE: Cell<u8> = const { Cell::new(0) };
    /// Frees the kept allocations when the thread ends (`Release`). The lists above
    /// have no destructor, so reading them costs no check of the thread's state; this
    /// one is touched (and its destructor registered) once, before the first entry is
    /// kept (`open`).
    static RELEASE: Release = const { Release };
}

/// See `RELEASE`.
struct Release;

impl Drop for Release {
    fn drop(&mut self) {
        STATE.with(|state| state.set(2));
        let n = DEAD_LEN.with(|len| len.replace(0));
        for i in 0..n {
            let p = DEAD.with(|dead| dead[i].get());
            // SAFETY: a dropped instance's allocation (see `recycle`), freed without
            // dropping it again.
            unsafe { drop(Rc::from_raw(p as *const std::mem::ManuallyDrop<Instance>)) };
        }
        for len in 1..=SLOT_LENGTHS {
            let n = BUFFERS_LEN.with(|lens| lens[len - 1].replace(0)) as usize;
            for i in 0..n {
                let p = BUFFERS.with(|b| b[len - 1][i].get());
                let slice =
                    std::ptr::slice_from_raw_parts_mut(p as *mut std::mem::MaybeUninit<Value>, len);
                // SAFETY: a kept buffer of `len` values, all released (`keep_buffer`).
                unsafe { drop(Box::from_raw(slice)) };
            }
        }
    }
}

/// May an allocation be kept? Yes once `RELEASE` is sure to free it when the thread
/// ends, no when the thread has ended.
#[inline(always)]
fn open() -> bool {
    match STATE.with(Cell::get) {
        1 => true,
        0 => arm(),
        _ => false,
    }
}

/// Registers `RELEASE`'s destructor (`open`).
#[cold]
fn arm() -> bool {
    let armed = RELEASE.try_with(|_| ()).is_ok();
    if armed {
        STATE.with(|state| state.set(1));
    }
    armed
}

/// A new instance of `class` with these attributes, in the memory of a dead one when
/// there is one.
#[inline(always)]
pub fn new_instance(class: Rc<Class>, attrs: crate::vm::shape::Attrs) -> Rc<Instance> {
    let n = DEAD_LEN.with(Cell::get);
    if n == 0 {
        return Rc::new(Instance {
            class,
            attrs: crate::vm::shape::AttrCell::new(attrs),
        });
    }
    // SAFETY: as in `new_empty`.
    unsafe {
        let p = take_dead(n);
        std::ptr::addr_of_mut!((*p).class).write(class);
        std::ptr::addr_of_mut!((*p).attrs).write(crate::vm::shape::AttrCell::new(attrs));
        Rc::from_raw(p)
    }
}

/// A new instance of `class` with no attributes yet and room for `room`, as
/// `new_instance`, its fields written where they go: an `Attrs` built first and then
/// moved in is copied in 16-byte pieces from words just stored one by one, and the
/// copy waits for them (see `value::write_words`).
#[inline(always)]
pub fn new_empty(class: Rc<Class>, room: usize) -> Rc<Instance> {
    let n = DEAD_LEN.with(Cell::get);
    if n == 0 {
        return new_instance(class, crate::vm::shape::Attrs::with_capacity(room));
    }
    // SAFETY: `p` came from `Rc::into_raw` of an instance that had no other reference
    // (strong 1, weak 0), whose contents were dropped in place; writing new contents
    // makes it a live `Rc` again.
    unsafe {
        let p = take_dead(n);
        std::ptr::addr_of_mut!((*p).class).write(class);
        crate::vm::shape::Attrs::write_empty(std::ptr::addr_of_mut!((*p).attrs), room);
        Rc::from_raw(p)
    }
}

/// The last of the `n` (at least one, `dead_len`) dead instances, taken off the list.
#[inline(always)]
fn take_dead(n: usize) -> *mut Instance {
    DEAD_LEN.with(|len| len.set(n - 1));
    DEAD.with(|dead| dead[n - 1].get())
}

/// Drops an instance whose last reference this is: its contents as usual, and its
/// allocation kept for `new_instance` when there is room.
pub fn recycle(instance: Rc<Instance>) {
    let n = DEAD_LEN.with(Cell::get);
    if n >= INSTANCES || Rc::strong_count(&instance) != 1 || Rc::weak_count(&instance) != 0 {
        drop(instance);
        return;
    }
    let p = Rc::into_raw(instance) as *mut Instance;
    // SAFETY: the only reference: the contents are dropped here (their destructors may
    // recycle other instances, which go first) and the memory is kept.
    unsafe { std::ptr::drop_in_place(p) };
    let n = DEAD_LEN.with(Cell::get);
    // (Full when the contents' drops filled it; closing when the thread ends.)
    if n >= INSTANCES || (n == 0 && !open()) {
        // SAFETY: a dropped instance's allocation, freed without dropping it again.
        unsafe { drop(Rc::from_raw(p as *const std::mem::ManuallyDrop<Instance>)) };
        return;
    }
    DEAD.with(|dead| dead[n].set(p));
    DEAD_LEN.with(|len| len.set(n + 1));
}

/// A kept value buffer of `len` values (each Undefined), if there is one.
#[inline(always)]
pub(crate) fn take_buffer(len: usize) -> Option<*mut Value> {
    if len == 0 || len > SLOT_LENGTHS {
        return None;
    }
    let n = BUFFERS_LEN.with(|lens| lens[len - 1].get()) as usize;
    if n == 0 {
        return None;
    }
    BUFFERS_LEN.with(|lens| lens[len - 1].set(n as u8 - 1));
    Some(BUFFERS.with(|b| b[len - 1][n - 1].get()))
}

/// Keeps a value buffer of `len` values, all released (their contents are garbage);
/// false when there is no room, or the thread is ending (the caller frees it).
#[inline(always)]
pub(crate) fn keep_buffer(p: *mut Value, len: usize) -> bool {
    if len == 0 || len > SLOT_LENGTHS {
        return false;
    }
    let n = BUFFERS_LEN.with(|lens| lens[len - 1].get()) as usize;
    if n >= SLOTS_EACH || (n == 0 && !open()) {
        return false;
    }
    BUFFERS.with(|b| b[len - 1][n].set(p));
    BUFFERS_LEN.with(|lens| lens[len - 1].set(n as u8 + 1));
    true
}
