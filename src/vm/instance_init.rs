//! Initializers that only store: a `__init__` whose body is nothing but `self.name =
//! parameter` and `self.name = constant` statements (`Vec(x, y)`, a record's fields)
//! runs without a frame of its own when its class is called.
//!
//! The compiler's code for such a body is a fixed pattern, recognised once per code
//! object (`init_stores`, from `CodeObject::finish`): for each statement `LoadFast p` or
//! `LoadConst c`, then `LoadFast 0; StoreAttr name`, and at the end `LoadConst None;
//! ReturnValue`. A class call that would enter that `__init__` in a new frame
//! (`Vm::try_fast_instantiate`) does the stores in place instead (`Vm::init_in_place`):
//! the same stores through the same inline caches (those of the `StoreAttr`s) the
//! frame would have run, so the instance gets the same shape; nothing in the body can
//! raise or run other code, since only parameters (bound on entry) and constants are
//! read, and the stores are plain instance stores (checked up front: no class of the
//! MRO has a property, the one thing that could make a store run code). The call still
//! counts as a step (`vm::budget`) and is still refused at the recursion limit, as the
//! frame would be.

use crate::compile::code::{CodeObject, Instr};
use crate::vm::value::{Class, Function, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Where a stored value comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InitSource {
    /// A parameter other than `self` (its local index).
    Param(u32),
    /// A constant of the code object (its index).
    Const(u32),
}

/// One `self.name = value` of a storing-only `__init__`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InitStore {
    pub value: InitSource,
    /// The attribute name (an index into the code's names).
    pub name: u32,
    /// The index of the `StoreAttr` instruction, whose inline cache the store uses.
    pub at: u32,
}

/// The stores of `code` when its whole body is `self.name = parameter | constant`
/// statements returning None (see the module comment); None otherwise.
pub fn init_stores(code: &CodeObject) -> Option<Box<[InitStore]>> {
    // Only a function whose positional parameters are its locals' start, bound by a
    // plain move of the arguments (no cells, defaults aside: `fast_argc`).
    if code.argcount == 0 || code.flags.module || code.flags.class_body {
        return None;
    }
    let is_param = |p: u32| p >= 1 && p < code.argcount;
    let mut stores = Vec::new();
    let mut rest = &code.instrs[..];
    loop {
        match rest {
            [Instr::LoadConst(c), Instr::ReturnValue] => {
                return matches!(code.consts.get(*c as usize), Some(Value::None))
                    .then(|| stores.into_boxed_slice());
            }
            [load, Instr::LoadFast(0), Instr::StoreAttr(name), tail @ ..] => {
                let value = match *load {
                    Instr::LoadFast(p) if is_param(p) => InitSource::Param(p),
                    Instr::LoadConst(c) if (c as usize) < code.consts.len() => InitSource::Const(c),
                    _ => return None,
                };
                // `self.__dict__ = d` replaces the dict itself (`generic_set_attr`).
                match code.names.get(*name as usize) {
                    Some(n) if !crate::vm::attrs::is_dict_name(n) => {}
                    _ => return None,
                }
                let at = (code.instrs.len() - tail.len() - 1) as u32;
                stores.push(InitStore {
                    value,
                    name: *name,
                    at,
                });
                rest = tail;
            }
            _ => return None,
        }
    }
}

impl Vm {
    /// The class call whose callee (a class, at `at` on the stack) has `n` arguments
    /// above it, when `f` (its `__init__`, taking them positionally) only stores: the
    /// instance is made with the stores done, replaces the class and the arguments on
    /// the stack, and true comes back. False (nothing done) when the frame must run it.
    ///
    /// # Safety
    /// `f` is alive and unchanged until this returns (it is in the class dict of the
    /// class on the stack, and no Baton code runs here). Inlined into
    /// `try_fast_instantiate`, its one caller (out of line it cost objects.py 2 %).
    #[inline(always)]
    pub(crate) unsafe fn init_in_place(&mut self, at: usize, n: usize, f: *const Function) -> bool {
        // SAFETY: the caller's.
        let code: &CodeObject = unsafe { &(*f).code };
        let Some(stores) = code.init_stores.as_deref() else {
            return false;
        };
        if self.stack.len() != at + n + 1 {
            return false;
        }
        // The callee, its arguments above it. (Read through references, a tag and a
        // word at a time: a 16-byte copy of a value pushed moments ago in pieces would
        // stall, see `value::write_words`.)
        // SAFETY: `at` is below the stack's length.
        let base: *mut Value = unsafe { self.stack.as_mut_ptr().add(at) };
        let Value::Class(class) = (unsafe { &*base }) else {
            return false;
        };
        if !plain_stores(class) {
            return false;
        }
        // The instance first, its attributes then set where they live (an `Attrs`
        // built on the side and moved in would be read back in pieces just stored).
        // SAFETY: the class's reference moves from its slot into the instance; the
        // slot is overwritten below without a drop.
        let room = class.instance_slots.get() as usize;
        let instance = crate::vm::instance_pool::new_empty(unsafe { std::ptr::read(class) }, room);
        let class = &instance.class;
        // SAFETY: the instance is new: no one else can borrow its attributes.
        let attrs = unsafe { &mut *instance.attrs.as_ptr() };
        let mut added = false;
        for store in stores {
            let value = match store.value {
                // SAFETY: a parameter index is below `argcount`, `n + 1` here.
                InitSource::Param(p) => unsafe { (*base.add(p as usize)).clone() },
                InitSource::Const(c) => code.consts[c as usize].clone(),
            };
            let cache = &code.caches[store.at as usize];
            added |= !attrs.set_cached(&code.names[store.name as usize], value, cache);
        }
        if added {
            // As `store_plain_attr`: later instances start with room for these.
            let len = attrs.len() as u32;
            if len > class.instance_slots.get() && len as usize <= crate::vm::shape::MAX_SLOTS {
                class.instance_slots.set(len);
            }
        }
        // SAFETY: the arguments (which the stores copied) are released and cut off;
        // the instance takes the class's slot (its reference moved above).
        unsafe {
            self.stack.set_len(at + 1);
            for i in 1..=n {
                base.add(i).read().release();
            }
            Value::Instance(instance).write_whole(base);
        }
        self.count_step();
        true
    }
}

/// Whether every attribute store on instances of `class` is a plain store into the
/// instance (what `interp::attrs::store_plain_attr` requires): an ordinary class (no
/// exception data on its instances: `try_fast_instantiate` makes only `Object` kinds)
/// with no property anywhere on its MRO.
#[inline(always)]
fn plain_stores(class: &Rc<Class>) -> bool {
    !class.mro.is_empty() && (class.mro_known_without_property() || !class.mro_has_property())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code of the first method of the first class in `src`.
    fn code_of(src: &str) -> Rc<CodeObject> {
        let m = crate::syntax::parse_module(src).expect("test source parses");
        let mut r = crate::compile::SimpleResolver::default();
        let module = crate::compile::compile_module(&m, src, "t.py", &mut r).expect("compiles");
        let first_code = |c: &CodeObject| {
            c.consts.iter().find_map(|k| match k {
                Value::Code(c) => Some(c.clone()),
                _ => None,
            })
        };
        let class = first_code(&module).expect("a class body");
        first_code(&class).expect("a method")
    }

    #[test]
    fn recognises_only_storing_bodies() {
        let src = "class A:\n    def __init__(self, x, y):\n        self.x = x\n        self.k = 3\n        self.y = y\n";
        let stores = init_stores(&code_of(src)).expect("a storing body");
        let values: Vec<InitSource> = stores.iter().map(|s| s.value).collect();
        assert_eq!(
            values,
            [
                InitSource::Param(1),
                InitSource::Const(1),
                InitSource::Param(2)
            ]
        );
        for body in [
            "        self.x = x + 1\n",
            "        self.x = x\n        print(x)\n",
            "        self.x = x\n        return 5\n",
            "        other = x\n        self.x = other\n",
            "        self.me = self\n",
            "        x.y = x\n",
        ] {
            let src = format!("class A:\n    def __init__(self, x):\n{body}");
            assert_eq!(init_stores(&code_of(&src)), None, "{body}");
        }
    }
}
