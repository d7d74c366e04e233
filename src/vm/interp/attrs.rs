//! The fast path's attribute and method look-ups (`fast.rs`): instance attributes read
//! and stored through the inline caches (`vm::cache`, `vm::shape`), a module's globals
//! as attributes, and the methods LoadMethod finds without the general path. None (or
//! an `Err` giving the value back) always means "the general path decides".

use crate::vm::value::{GenKind, Value};
use std::rc::Rc;

/// Whether the attribute `name` of `inst` is its dict's business, ahead of the class:
/// no class of its MRO has a property of that name (a property takes precedence).
#[inline(always)]
pub(super) fn dict_before_class(
    inst: &crate::vm::value::Instance,
    name: &crate::vm::value::PyStr,
    cache: &crate::vm::cache::InlineCache,
) -> bool {
    inst.class.mro_known_without_property()
        || !inst.class.mro_has_property()
        || cache.not_a_property(&inst.class, name)
}

/// A module's global `name` (what `m.name` reads when the module defines it), from
/// the slot the cache remembers (`hint` - 1, checked by name: a module never moves a
/// name to another slot). None: the general path decides (`__getattr__`, `__name__`).
#[inline]
pub(super) fn module_attr(
    m: &crate::vm::value::Module,
    name: &crate::vm::value::PyStr,
    cache: &crate::vm::cache::InlineCache,
) -> Option<Value> {
    module_attr_ref(m, name, cache).cloned()
}

/// `module_attr`, borrowed where it lies in the module's slots; done with before
/// anything else runs.
#[inline(always)]
pub(super) fn module_attr_ref<'a>(
    m: &'a crate::vm::value::Module,
    name: &crate::vm::value::PyStr,
    cache: &crate::vm::cache::InlineCache,
) -> Option<&'a Value> {
    // SAFETY: no mutable borrow of a module's slots or names is held across the run
    // loop (stores borrow and release at once), and the value is copied out at once.
    let (names, slots) = unsafe {
        (
            m.slot_names.try_borrow_unguarded().ok()?,
            m.slots.try_borrow_unguarded().ok()?,
        )
    };
    let mut at = (cache.hint.get() as usize).wrapping_sub(1);
    let known = names
        .get(at)
        .is_some_and(|k| std::ptr::eq(&**k, name) || k.s == name.s);
    if !known {
        at = *m.index.try_borrow().ok()?.get(name.as_str())? as usize;
        cache.hint.set(at as u32 + 1);
    }
    match slots.get(at)? {
        Value::Undefined => None,
        v => Some(v),
    }
}

/// Stores `v` as the attribute `name` of `obj` when that is a plain dict store: `obj`
/// is an instance (not an exception, not a bare `object()`), no class of its MRO
/// has a property of that name, and the name is not `__dict__`. Otherwise gives `v`
/// back for the general path.
#[inline(always)]
pub(super) fn store_plain_attr(
    obj: &Value,
    name: &Rc<crate::vm::value::PyStr>,
    cache: &crate::vm::cache::InlineCache,
    v: Value,
) -> Result<(), Value> {
    let Value::Instance(inst) = obj else {
        return Err(v);
    };
    if inst.is_exception()
        || inst.class.mro.is_empty()
        || !dict_before_class(inst, name, cache)
        || crate::vm::attrs::is_dict_name(name)
    {
        return Err(v);
    }
    // None: stored where the cache said; else the number of attributes now.
    let added = inst
        .attrs
        .with_mut(|attrs| match attrs.set_cached(name, v, cache) {
            true => None,
            false => Some(attrs.len() as u32),
        });
    let Some(n) = added else {
        return Ok(());
    };
    // A name may have been added: instances of this class start with room for as
    // many attributes (`try_fast_instantiate`).
    if n > inst.class.instance_slots.get() && n as usize <= crate::vm::shape::MAX_SLOTS {
        inst.class.instance_slots.set(n);
    }
    Ok(())
}

/// The attribute of `obj` the cache knows, borrowed where it lies: `obj` is an instance
/// of the shape the cache remembers (so the slot is known) and no class of its MRO has
/// a property (which could take precedence; `plain_attr` sorts that case out by name).
/// None: `plain_attr` (or the general path) decides. The reference must be done with
/// before anything can change the instance.
#[inline(always)]
pub(super) fn cached_attr<'a>(
    obj: &'a Value,
    cache: &crate::vm::cache::InlineCache,
) -> Option<&'a Value> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    // SAFETY: only read, and (by the contract above) done with before anything else
    // runs.
    let attrs = unsafe { inst.attrs.get_unguarded() };
    let crate::vm::shape::Attrs::Shaped { shape, values } = attrs else {
        return None;
    };
    if Rc::as_ptr(shape) as usize != cache.shape.get() || !inst.class.mro_known_without_property() {
        return None;
    }
    let slot = cache.slot.get() as usize;
    debug_assert!(slot < shape.keys().len() && shape.keys().len() <= values.len());
    // SAFETY: the cache found `slot` in this very shape (shapes never change), so it is
    // one of the shape's names, and an instance's values have room for every name of
    // its shape (`Slots::put`).
    Some(unsafe { values.get_unchecked(slot) })
}

/// An instance attribute read without the general path: from the instance's own dict
/// (`dict_before_class`), or else plain data its class provides (`self._state` where
/// the class says `_state = "PENDING"`, see `InlineCache::class_data`), with one look-up
/// in the dict. None: the general path decides.
#[inline(always)]
pub(super) fn plain_attr(
    obj: &Value,
    name: &crate::vm::value::PyStr,
    cache: &crate::vm::cache::InlineCache,
) -> Option<Value> {
    match obj {
        Value::Module(m) => module_attr(m, name, cache),
        Value::Instance(inst) if dict_before_class(inst, name, cache) => {
            // SAFETY: the attributes are only read, and the value is copied out before
            // anything else runs.
            let attrs = unsafe { inst.attrs.get_unguarded() };
            let own = attrs.get_cached(name, cache);
            match own {
                Some(v) => Some(v),
                None if !inst.is_exception() => cache.class_data(&inst.class, name),
                None => None,
            }
        }
        _ => None,
    }
}

/// The method `name` of an instance as LoadMethod finds it without the general path:
/// a plain function (or native) on its class, when the instance has no attribute of
/// that name itself. Borrowed from the class dict (`InlineCache::method_ref`): it must
/// be copied before any Baton code runs.
#[inline(always)]
pub(super) fn instance_method<'a>(
    inst: &'a crate::vm::value::Instance,
    name: &crate::vm::value::PyStr,
    cache: &'a crate::vm::cache::InlineCache,
) -> Option<&'a Value> {
    // (A class with its own `__getattribute__` has it called.)
    if !inst.class.mro_known_without_property() && inst.class.defines_getattribute() {
        return None;
    }
    // SAFETY: only read, and done with before anything else runs (as in `plain_attr`).
    if unsafe { inst.attrs.get_unguarded() }.lacks_cached(name, cache) {
        cache.method_ref(&inst.class, name)
    } else {
        None
    }
}

/// The method `name` of `obj`, not an instance (`instance_method`), as LoadMethod
/// finds it without the general path: `(function, true)` for a native method of a
/// list, dict, str, generator or coroutine (called with `obj` as self), `(function,
/// false)` for a module's function (called without self). None: the general path
/// decides.
#[inline(always)]
pub(super) fn fast_method<'a>(
    types: &'a crate::vm::types::Types,
    obj: &'a Value,
    name: &crate::vm::value::PyStr,
    cache: &'a crate::vm::cache::InlineCache,
) -> Option<(&'a Value, bool)> {
    let class = match obj {
        Value::List(_) => &types.list,
        Value::Module(m) => return module_attr_ref(m, name, cache).map(|f| (f, false)),
        Value::Dict(_) => &types.dict,
        Value::Str(_) => &types.str_,
        Value::Generator(g) => match g.kind {
            GenKind::Generator => &types.generator,
            GenKind::Coroutine => &types.coroutine,
            GenKind::AsyncGenerator => &types.async_generator,
        },
        _ => return None,
    };
    // Methods of built-in types are natives on the type. (Found where it lies, to be
    // copied straight onto the stack, see `Value::clone_into`.)
    let f = cache.method_ref(class, name)?;
    matches!(f, Value::Native(_)).then_some((f, true))
}
