//! Whether instances of a class hash by identity (the default `object.__hash__`), cached
//! per class: a Future or Task used as a dict key or set member (gather's argument
//! map, a Queue's waiters, `Event._waiters`) would otherwise walk its class's MRO
//! twice per hash. The answer holds while the class epoch (`vm::cache`) is unchanged:
//! every change to a class dict and every class creation bumps it, so a class created
//! at a freed class's address never sees a stale entry.

use crate::vm::value::{Class, Value};
use std::cell::Cell;
use std::rc::Rc;

const SLOTS: usize = 8;

thread_local! {
    /// (class address, epoch, hashes by identity), direct-mapped by address.
    static CACHE: [Cell<(usize, u64, bool)>; SLOTS] =
        const { [const { Cell::new((0, 0, false)) }; SLOTS] };
}

/// True when instances of `class` hash by identity: no `__hash__` of its own (a
/// function, or None) and no `__eq__` function before any `__hash__` on its MRO.
/// False means "take the general path" (which raises or calls `__hash__`).
pub fn identity_hashed(class: &Rc<Class>) -> bool {
    let addr = Rc::as_ptr(class) as usize;
    let epoch = crate::vm::cache::epoch();
    let slot = (addr >> 4) % SLOTS;
    if let Ok(Some(hit)) = CACHE.try_with(|c| {
        let (a, e, ok) = c[slot].get();
        (a == addr && e == epoch).then_some(ok)
    }) {
        return hit;
    }
    let ok = compute(class);
    let _ = CACHE.try_with(|c| c[slot].set((addr, epoch, ok)));
    ok
}

fn compute(class: &Rc<Class>) -> bool {
    for c in class.mro_iter() {
        let d = c.dict.borrow();
        match d.get_str(&crate::vm::value::PyStr::new("__hash__")) {
            Some(Value::None | Value::Function(_)) => return false,
            Some(_) => return true,
            None => {}
        }
        if matches!(
            d.get_str(&crate::vm::value::PyStr::new("__eq__")),
            Some(Value::Function(_))
        ) {
            return false;
        }
    }
    true
}
