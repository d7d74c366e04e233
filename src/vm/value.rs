//! The value representation: one 16-byte `Value` enum, immediate for small things (None,
//! bools, i64 ints, floats) and a reference-counted pointer for everything on the heap.
//!
//! Reference counting (`Rc`) makes destruction deterministic, as CPython's is. Mutable
//! containers use `RefCell`; the VM never holds a mutable borrow across a call back into
//! the language, and uses `try_borrow_mut` where user code could re-enter.

use crate::compile::code::CodeObject;
use crate::vm::dict::Dict;
use crate::vm::error::ExcType;
use crate::vm::lean_rc::LeanRc;
use crate::vm::set::SetTable;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;

/// The pattern of the values that own no heap reference (`Value::is_immediate`).
macro_rules! immediate {
    () => {
        Value::Undefined
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
    };
}

/// A Baton value. `repr(u8)`: the tag is the first byte and every payload starts at
/// the second word, which `write_words` and `strong_count` rely on.
#[derive(Default)]
#[repr(u8)]
pub enum Value {
    /// Internal marker: an unset local or slot, or "no self" after LoadMethod. Never
    /// visible to programs.
    #[default]
    Undefined,
    None,
    NotImplemented,
    Ellipsis,
    Bool(bool),
    Int(i64),
    Float(f64),
    // Everything above owns no heap reference (`is_immediate`); keep them first so
    // that test is one comparison of the tag.
    /// An int outside the i64 range (always normalised: never fits in i64).
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    List(Rc<RefCell<Vec<Value>>>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<PySet>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Function(Rc<Function>),
    BoundMethod(Rc<BoundMethod>),
    Native(Rc<NativeFunction>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// A closure cell; only ever on the operand stack while a closure is built.
    Cell(Rc<RefCell<Value>>),
    Code(Rc<CodeObject>),
    /// Built-in iterators (list, tuple, str, range, dict, enumerate, zip, map, ...).
    Iterator(Rc<RefCell<NativeIter>>),
    /// Generator, coroutine and async generator objects.
    Generator(LeanRc<Generator>),
    Property(Rc<Property>),
    StaticMethod(Rc<Value>),
    ClassMethod(Rc<Value>),
    Super(Rc<SuperObj>),
    /// `d.keys()`, `d.values()`, `d.items()`.
    DictView(Rc<DictView>),
    /// The frame object of a generator or coroutine (`cr_frame`, `gi_frame`): a view
    /// of the frame that generator owns.
    Frame(LeanRc<Generator>),
}

/// The layout the wide writes below rely on, checked when the crate compiles: a value
/// is 16 bytes with its tag in the first byte, an int's payload is the second word and
/// a bool's the second byte.
const INT_TAG: u8 = {
    let v = Value::Int(0x0102_0304_0506_0708);
    let p = &v as *const Value as *const u8;
    // SAFETY: reads of initialised bytes of a live constant (the tag, the payload).
    let (tag, payload) = unsafe { (*p, *(p.add(8) as *const i64)) };
    assert!(std::mem::size_of::<Value>() == 16);
    // The tag's unused values still give `Option<Value>` its niche.
    assert!(std::mem::size_of::<Option<Value>>() == 16);
    assert!(payload == 0x0102_0304_0506_0708);
    tag
};
const BOOL_TAG: u8 = {
    let v = Value::Bool(true);
    let p = &v as *const Value as *const u8;
    // SAFETY: as above.
    let (tag, payload) = unsafe { (*p, *p.add(1)) };
    assert!(payload == 1);
    tag
};

const UNDEFINED_TAG: u8 = {
    let v = Value::Undefined;
    // SAFETY: the tag of a live constant.
    unsafe { *(&v as *const Value as *const u8) }
};
const NONE_TAG: u8 = {
    let v = Value::None;
    // SAFETY: the tag of a live constant.
    unsafe { *(&v as *const Value as *const u8) }
};
const FLOAT_TAG: u8 = {
    let v = Value::Float(1.5);
    let p = &v as *const Value as *const u8;
    // SAFETY: as for INT_TAG.
    let (tag, payload) = unsafe { (*p, *(p.add(8) as *const u64)) };
    assert!(payload == 1.5f64.to_bits());
    tag
};

/// Stores the value with these two words at `dst` as one 16-byte write.
///
/// Built field by field, a value is a 1-byte tag store and a payload store, and the
/// next 16-byte copy of that slot (a move into a local, a push of a local) cannot be
/// served from the store buffer: the load waits until both stores have reached the
/// cache, a stall of a dozen cycles. The run loop's int and bool results are nearly
/// always copied on at once, so they are written whole.
///
/// # Safety
/// `dst` is valid for a 16-byte write, its old contents need no drop, and the words
/// are a valid value (see `INT_TAG`).
#[inline(always)]
unsafe fn write_words(dst: *mut Value, low: u64, high: u64) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
        // SAFETY: SSE2 is part of x86_64; the caller vouches for the words.
        unsafe { _mm_storeu_si128(dst as *mut __m128i, _mm_set_epi64x(high as i64, low as i64)) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    unsafe {
        let words = dst as *mut u64;
        words.write(low);
        words.add(1).write(high);
    }
}

/// Copies the 16 bytes of the value at `src` to `dst` as one load and one store.
///
/// A plain copy of a `Value` is lowered as its tag byte plus the 15 bytes after it
/// (the layout has a payload at byte 1, `Bool`'s), two or three stores a 16-byte
/// load of the copy later cannot be served from (see `write_words`).
///
/// # Safety
/// `src` is valid for a 16-byte read and `dst` for a 16-byte write; the caller
/// makes sure the value ends up owned once.
#[inline(always)]
pub unsafe fn copy_whole(src: *const Value, dst: *mut Value) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{__m128i, _mm_loadu_si128, _mm_storeu_si128};
        // SAFETY: SSE2 is part of x86_64; the caller vouches for both ends.
        unsafe { _mm_storeu_si128(dst as *mut __m128i, _mm_loadu_si128(src as *const __m128i)) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    unsafe {
        std::ptr::copy_nonoverlapping(src, dst, 1)
    }
}

/// Stores `Value::Int(i)` at `dst` in one write (see `write_words`).
///
/// # Safety
/// `dst` is valid for a 16-byte write and its old contents need no drop.
#[inline(always)]
pub unsafe fn write_int(dst: *mut Value, i: i64) {
    unsafe { write_words(dst, INT_TAG as u64, i as u64) }
}

/// Stores `Value::Undefined` at `dst` in one write (see `write_words`): a loop of
/// these is plain 16-byte stores, where one writing only the tag is turned into
/// masked vector code.
///
/// # Safety
/// `dst` is valid for a 16-byte write and its old contents need no drop.
#[inline(always)]
pub unsafe fn write_undefined(dst: *mut Value) {
    unsafe { write_words(dst, UNDEFINED_TAG as u64, 0) }
}

/// Stores `Value::Bool(b)` at `dst` in one write (see `write_words`).
///
/// # Safety
/// `dst` is valid for a 16-byte write and its old contents need no drop.
#[inline(always)]
pub unsafe fn write_bool(dst: *mut Value, b: bool) {
    unsafe { write_words(dst, BOOL_TAG as u64 | (b as u64) << 8, 0) }
}

/// Stores `Value::Float(f)` at `dst` in one write (see `write_words`).
///
/// # Safety
/// `dst` is valid for a 16-byte write and its old contents need no drop.
#[inline(always)]
pub unsafe fn write_float(dst: *mut Value, f: f64) {
    unsafe { write_words(dst, FLOAT_TAG as u64, f.to_bits()) }
}

impl Value {
    /// Moves the value to `dst` in one write when it is an int, a bool, a float, None
    /// or a heap value (see `write_words`): what a native returns was just built field
    /// by field, and is usually copied on at once.
    ///
    /// # Safety
    /// `dst` is valid for a 16-byte write and its old contents need no drop.
    #[inline(always)]
    pub unsafe fn write_whole(self, dst: *mut Value) {
        unsafe {
            match self {
                Value::Int(i) => write_int(dst, i),
                Value::Bool(b) => write_bool(dst, b),
                Value::Float(f) => write_float(dst, f),
                Value::None => write_words(dst, NONE_TAG as u64, 0),
                v if !v.is_immediate() => {
                    let (tag, payload) = heap_words(&v);
                    std::mem::forget(v);
                    write_words(dst, tag, payload)
                }
                v => dst.write(v),
            }
        }
    }
}

impl Clone for Value {
    /// A copy of the value: for a heap value, one more reference to the same object.
    ///
    /// Written out (not derived) so that it is one tag test and one count increment
    /// whatever the kind (see `strong_count`): a derived clone is a jump table on the
    /// tag, and at a site shared by many instructions (the run loop's attribute load)
    /// the kinds alternate and the indirect jump mispredicts.
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.is_immediate() {
            // SAFETY: a heap value; see `strong_count`. (Rc's own increment also aborts
            // on overflow, which needs 2^64 live references and cannot happen here.)
            let count = unsafe { strong_count(self) };
            count.set(count.get() + 1);
        }
        // SAFETY: the bitwise copy is the owner of the count just added (or of nothing,
        // for an immediate).
        unsafe { std::ptr::read(self) }
    }
}

/// The strong count of the object a heap value points to.
///
/// Every heap variant holds exactly one `Rc` as its payload, which `repr(u8)` places
/// in the second word; an `Rc` is a pointer to its allocation, which begins with the
/// strong count (std's `RcInner` is `repr(C)`: strong, weak, value). The unit test
/// `counts_are_found_for_every_heap_kind` checks this for every variant.
///
/// # Safety
/// `v` is not an immediate.
#[inline(always)]
unsafe fn strong_count(v: &Value) -> &Cell<usize> {
    debug_assert!(!v.is_immediate());
    // SAFETY: as above; the count lives as long as the `Rc` held by `v`.
    unsafe { &**((v as *const Value as *const u8).add(8) as *const *const Cell<usize>) }
}

/// The destructor of a heap value's last reference, out of line: the run loop only
/// ever inlines the decrement.
///
/// It takes the value's two words (its tag and its `Rc`; a heap value has nothing
/// else, see `strong_count`), not the value: a `Value` passed by value goes through a
/// temporary on the stack written in pieces (the tag, the seven bytes after it in two
/// overlapping stores, the payload), and reading it back stalls on the store buffer
/// (see `write_words`).
#[inline(never)]
fn drop_last(tag: u64, payload: u64) {
    let mut v = std::mem::MaybeUninit::<Value>::uninit();
    // SAFETY: the words of a heap value whose last reference the caller gave up.
    unsafe {
        write_words(v.as_mut_ptr(), tag, payload);
        drop_here(v.as_mut_ptr());
    }
}

/// The words of a heap value: its tag and its `Rc` (see `strong_count`), which is
/// all it holds.
///
/// # Safety
/// `v` is not an immediate.
#[inline(always)]
unsafe fn heap_words(v: &Value) -> (u64, u64) {
    let p = v as *const Value as *const u8;
    // SAFETY: a value is 16 bytes, the payload word 8-aligned (`INT_TAG`).
    unsafe { (*p as u64, *(p.add(8) as *const u64)) }
}

/// `drop_last` for a value where it lies (`Value::replace_in`): passed by
/// value, the old value would be copied into an argument slot piece by piece and
/// read back whole, a stalled load on every free (see `Value::clone_into`).
///
/// # Safety
/// `v` holds a value that is dropped here and never used again.
#[inline(never)]
unsafe fn drop_last_in_place(v: *mut Value) {
    // SAFETY: the caller's.
    unsafe { drop_here(v) }
}

/// Drops the value at `v`, an instance's memory kept for the next instance
/// (`vm::instance_pool`).
///
/// # Safety
/// `v` holds a value that is dropped here and never used again.
#[inline(always)]
unsafe fn drop_here(v: *mut Value) {
    // SAFETY: the caller's.
    unsafe {
        match &*v {
            Value::Instance(instance) => {
                crate::vm::instance_pool::recycle(std::ptr::read(instance))
            }
            _ => std::ptr::drop_in_place(v),
        }
    }
}

/// A set or frozenset.
pub struct PySet {
    pub table: RefCell<SetTable>,
    pub frozen: bool,
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            ((self.stop as i128 - self.start as i128 - 1) / self.step as i128 + 1) as i64
        } else if self.step < 0 && self.start > self.stop {
            ((self.start as i128 - self.stop as i128 - 1) / (-(self.step as i128)) + 1) as i64
        } else {
            0
        }
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A function defined in Baton (`def` or `lambda`).
pub struct Function {
    pub code: Rc<CodeObject>,
    /// The code's `fast_argc`, copied here: the run loop's call checks it without
    /// first loading the code object.
    pub fast_argc: u32,
    /// A positional call (with the positional defaults) binds the keyword-only
    /// parameters from `kwdefaults` as they lie: the code has keyword-only parameters
    /// and nothing else a fast call excludes, and every one has a default, in order.
    pub kwonly_fast: bool,
    pub globals: Rc<Module>,
    pub name: RefCell<Rc<PyStr>>,
    pub qualname: RefCell<Rc<PyStr>>,
    /// Defaults for the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(Rc<PyStr>, Value)>,
    pub closure: Vec<Rc<RefCell<Value>>>,
    /// `__dict__`, created on first attribute store (`__doc__`, `__wrapped__`, ...).
    pub dict: RefCell<Option<Dict>>,
    /// `__annotations__`: the def's annotations (a dict), or None until it is read
    /// or set (a new empty dict then, as in CPython).
    pub annotations: RefCell<Option<Value>>,
}

/// A method bound to its `self` (functions and natives alike).
pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}

/// Keyword arguments as passed to natives: (name, value) in call order.
pub type KwArgs<'a> = &'a [(Rc<PyStr>, Value)];

/// The signature of every function written in Rust. Methods get `self` as `args[0]`.
pub type NativeFn = fn(&mut crate::vm::Vm, &[Value], KwArgs) -> crate::vm::PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// The module or type the function belongs to, for its repr.
    pub owner: &'static str,
    /// A built-in type's method taken from the type itself (`list.append`,
    /// `int.__add__`): the type whose instance the first argument must be, checked by
    /// `Vm::check_descriptor_self` as CPython's method descriptors check it. None for
    /// every other native (and for the method as the type's dict holds it, which is
    /// only ever called bound to a value of that type).
    pub self_class: Option<Rc<Class>>,
}

impl NativeFunction {
    /// Whether this built-in type's method is what CPython makes a slot wrapper (a
    /// dunder filling a type slot: `int.__add__`) rather than a method descriptor
    /// (`list.append`, and the few dunders CPython defines as plain methods); the two
    /// word their reprs and errors differently.
    pub fn is_slot_wrapper(&self) -> bool {
        let dunder = self.name.starts_with("__") && self.name.ends_with("__");
        let as_method = matches!(
            (self.owner, self.name),
            ("list" | "dict", "__getitem__") | ("dict", "__contains__")
        );
        dunder && !as_method
    }
}

/// Which built-in layout the instances of a class have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeKind {
    /// A built-in type whose values are not `Instance`s (int, str, list, ...).
    Builtin,
    /// `object` and user classes deriving from it.
    Object,
    /// BaseException and every class deriving from it: instances carry `ExcData`.
    Exception,
}

/// A class: user-defined, or one of the built-in types.
pub struct Class {
    pub name: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub module: Rc<PyStr>,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order after the class itself (C3).
    pub mro: Vec<Rc<Class>>,
    pub dict: RefCell<Dict>,
    pub kind: TypeKind,
    /// For built-in exception classes: which one.
    pub exc_type: Option<ExcType>,
    /// Set once a property, or an attribute hook (`__getattribute__`, `__setattr__`,
    /// `__delattr__`: `vm::attrs`), has been stored in this class's own dict (at
    /// creation or later); the fast paths treat both alike. While no class of an instance's MRO has one, an instance attribute load
    /// may look in the instance dict before the class: only data descriptors
    /// (properties) take precedence over the instance dict.
    pub has_property: Cell<bool>,
    /// `mro_has_property` remembered (setting `has_property` bumps the epoch).
    pub mro_property_memo: EpochMemo,
    /// `identity_hashed` remembered.
    pub identity_hash_memo: EpochMemo,
    /// `defines_getattribute` remembered.
    pub getattribute_memo: EpochMemo,
    /// `defines_attr_hooks` remembered.
    pub attr_hooks_memo: EpochMemo,
    /// `defines_new` remembered.
    pub new_memo: EpochMemo,
    /// The most attributes an instance of this class has gained in the run loop: the
    /// room a new instance's attributes start with.
    pub instance_slots: Cell<u32>,
}

/// A yes/no answer about a class, remembered for the class epoch (`vm::cache`) it was
/// computed in: every change to a class dict and every class creation bumps the epoch,
/// so a remembered answer never outlives what it was computed from.
#[derive(Default)]
pub struct EpochMemo(Cell<u64>);

impl EpochMemo {
    /// Nothing remembered yet (the epoch starts at 1, so 0 never matches).
    pub const fn new() -> EpochMemo {
        EpochMemo(Cell::new(0))
    }

    /// True when "no" is remembered for the current epoch: one comparison, for the run
    /// loop's fast paths (anything else, including "not known yet", is false).
    #[inline(always)]
    pub fn is_no(&self) -> bool {
        self.0.get() == crate::vm::cache::epoch() << 1
    }

    /// The remembered answer when the epoch still holds, else `compute()`'s, kept.
    #[inline]
    pub fn get_or(&self, compute: impl FnOnce() -> bool) -> bool {
        let epoch = crate::vm::cache::epoch();
        let memo = self.0.get();
        if memo >> 1 == epoch {
            return memo & 1 == 1;
        }
        let answer = compute();
        self.0.set(epoch << 1 | u64::from(answer));
        answer
    }
}

impl Class {
    /// Iterates the class itself and then its MRO.
    pub fn mro_iter(self: &Rc<Class>) -> impl Iterator<Item = &Rc<Class>> {
        std::iter::once(self).chain(self.mro.iter())
    }
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        self.mro_iter().any(|c| Rc::ptr_eq(c, other))
    }
    /// True when no class of the MRO (this one included) holds a property, as already
    /// worked out in the current epoch (false also when it is not known yet: then
    /// `mro_has_property` finds out).
    #[inline(always)]
    pub fn mro_known_without_property(&self) -> bool {
        self.mro_property_memo.is_no()
    }

    /// True when some class of the MRO (this one included) may hold a property.
    #[inline]
    pub fn mro_has_property(self: &Rc<Class>) -> bool {
        self.mro_property_memo
            .get_or(|| self.has_property.get() || self.mro.iter().any(|c| c.has_property.get()))
    }

    /// True when a class of the MRO defines its own `__getattribute__` (one that is
    /// not `object`'s).
    #[inline]
    pub fn defines_getattribute(self: &Rc<Class>) -> bool {
        self.getattribute_memo
            .get_or(|| crate::vm::attrs::defines_attr_hook(self, Some("__getattribute__")))
    }

    /// True when a class of the MRO defines its own `__new__` (one that is not
    /// `object`'s): instantiating it calls that first.
    #[inline(always)]
    pub fn defines_new(self: &Rc<Class>) -> bool {
        // (One comparison in the usual case, for the run loop's instantiation.)
        !self.new_memo.is_no() && self.look_up_new()
    }

    #[inline(never)]
    fn look_up_new(self: &Rc<Class>) -> bool {
        self.new_memo.get_or(|| {
            let name = crate::vm::intern::intern("__new__");
            self.lookup(&name)
                .is_some_and(|v| !crate::vm::methods::constructors::is_object_new(&v))
        })
    }

    /// True when a class of the MRO defines its own attribute hook (any of
    /// `__getattribute__`, `__setattr__`, `__delattr__` that is not `object`'s).
    #[inline]
    pub fn defines_attr_hooks(self: &Rc<Class>) -> bool {
        self.attr_hooks_memo
            .get_or(|| crate::vm::attrs::defines_attr_hook(self, None))
    }

    /// True when instances hash by identity (the default `object.__hash__`): the
    /// first `__hash__` on the MRO is neither a function nor None (a class body with
    /// `__eq__` and no `__hash__` has `__hash__ = None`, see `types::new_class`). A
    /// Future or Task used as a dict key or set member (gather's argument map, a
    /// Queue's waiters) would otherwise look `__hash__` up at every hash. False means
    /// "take the general path" (which raises or calls `__hash__`).
    #[inline]
    pub fn identity_hashed(self: &Rc<Class>) -> bool {
        self.identity_hash_memo.get_or(|| {
            !matches!(
                self.lookup(&PyStr::new("__hash__")),
                Some(Value::None | Value::Function(_))
            )
        })
    }
    /// Looks a name up along the MRO.
    pub fn lookup(self: &Rc<Class>, name: &PyStr) -> Option<Value> {
        for c in self.mro_iter() {
            if let Some(v) = c.dict.borrow().get_str(name) {
                return Some(v);
            }
        }
        None
    }
}

/// An instance of a user class (or of an exception class). Two words: with its
/// counts it fits mimalloc's 48-byte size class. An exception instance's own data
/// (args, traceback, cause and context) lives in a table beside it (`exc`), since
/// most instances are not exceptions.
pub struct Instance {
    pub class: Rc<Class>,
    /// The instance's own attributes (`vm::shape`).
    pub attrs: crate::vm::shape::AttrCell,
}

thread_local! {
    /// The data of each live exception instance, by the instance's address: put in
    /// by `Instance::new_exception`, taken out when the instance is dropped
    /// (`Instance::forget_exc`).
    static EXC_DATA: RefCell<ahash::AHashMap<usize, Box<ExcData>>> = RefCell::default();
}

impl Instance {
    /// A new instance of the exception class `class`, carrying `data`.
    pub fn new_exception(class: Rc<Class>, data: ExcData) -> Rc<Instance> {
        let inst = Rc::new(Instance {
            class,
            attrs: crate::vm::shape::AttrCell::default(),
        });
        let key = Rc::as_ptr(&inst) as usize;
        // (Nothing is replaced: a dropped instance's entry went with it. Whatever
        // might be is dropped outside the table's borrow, like `forget_exc`'s.)
        let stale = EXC_DATA.with(|t| t.borrow_mut().insert(key, Box::new(data)));
        drop(stale);
        inst
    }

    /// Is this an exception (an instance of an exception class, which all carry
    /// their data)?
    #[inline(always)]
    pub fn is_exception(&self) -> bool {
        self.class.kind == TypeKind::Exception
    }

    /// An exception's data; None for any other instance.
    pub fn exc(&self) -> Option<&ExcData> {
        if !self.is_exception() {
            return None;
        }
        let key = self as *const Instance as usize;
        let data = EXC_DATA
            .try_with(|t| t.borrow().get(&key).map(|b| &**b as *const ExcData))
            .ok()??;
        // SAFETY: the entry stays until this instance is dropped (`forget_exc`), and
        // the boxed data does not move when the table grows.
        Some(unsafe { &*data })
    }

    /// Drops an exception's data with it (from `Instance`'s destructor).
    pub(crate) fn forget_exc(&self) {
        let key = self as *const Instance as usize;
        // (After the thread's table is gone, nothing is left to take out.)
        let data = EXC_DATA
            .try_with(|t| t.borrow_mut().remove(&key))
            .ok()
            .flatten();
        // Dropped outside the table's borrow: its values may be exceptions too.
        drop(data);
    }
}

/// One line of a traceback: which code, at which line.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<CodeObject>,
    pub line: u32,
    /// The extent of the failing instruction's source node (`CodeObject::spans`).
    pub span: Option<crate::syntax::ast::Span>,
}

/// What an exception instance carries beyond its attributes.
#[derive(Default)]
pub struct ExcData {
    pub args: RefCell<Value>,
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub cause: RefCell<Value>,
    pub context: RefCell<Value>,
    pub suppress_context: Cell<bool>,
    /// The fields the built-in exception classes keep beyond `args` that are set
    /// (`vm::exceptions::EXCEPTION_FIELDS`: an AttributeError's `name` and `obj`, an
    /// OSError's `errno`, ...): attributes, but not in the instance's `__dict__`.
    pub fields: RefCell<Vec<(Rc<PyStr>, Value)>>,
}

impl ExcData {
    /// The field `name`, when set.
    pub fn field(&self, name: &str) -> Option<Value> {
        let fields = self.fields.borrow();
        fields
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map(|(_, v)| v.clone())
    }

    /// Sets the field `name` (one of its class's `EXCEPTION_FIELDS`).
    pub fn set_field(&self, name: Rc<PyStr>, v: Value) {
        let mut fields = self.fields.borrow_mut();
        match fields.iter_mut().find(|(k, _)| k.as_str() == name.as_str()) {
            Some(slot) => slot.1 = v,
            None => fields.push((name, v)),
        }
    }
}

/// A module: named slots for its globals.
pub struct Module {
    pub name: Rc<PyStr>,
    pub filename: Rc<str>,
    pub slots: RefCell<Vec<Value>>,
    pub slot_names: RefCell<Vec<Rc<PyStr>>>,
    pub index: RefCell<ahash::AHashMap<Rc<str>, u32>>,
}

impl std::fmt::Debug for Module {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<module '{}'>", self.name.as_str())
    }
}

impl Module {
    pub fn new(name: &str, filename: &str) -> Module {
        Module {
            name: Rc::new(PyStr::new(name)),
            filename: filename.into(),
            slots: RefCell::new(Vec::new()),
            slot_names: RefCell::new(Vec::new()),
            index: RefCell::new(ahash::AHashMap::new()),
        }
    }
    /// The slot for `name`, created (unset) if new.
    pub fn slot(&self, name: &str) -> u32 {
        if let Some(&i) = self.index.borrow().get(name) {
            return i;
        }
        let i = self.slot_names.borrow().len() as u32;
        self.slot_names
            .borrow_mut()
            .push(crate::vm::intern::intern(name));
        self.slots.borrow_mut().push(Value::Undefined);
        self.index.borrow_mut().insert(name.into(), i);
        i
    }
    pub fn get(&self, name: &str) -> Option<Value> {
        let i = *self.index.borrow().get(name)?;
        match &self.slots.borrow()[i as usize] {
            Value::Undefined => None,
            v => Some(v.clone()),
        }
    }
    pub fn set(&self, name: &str, v: Value) {
        let i = self.slot(name) as usize;
        self.slots.borrow_mut()[i] = v;
    }
    /// Unsets every slot (module teardown), dropping what the globals held.
    pub fn clear(&self) {
        let old: Vec<Value> = self
            .slots
            .borrow_mut()
            .iter_mut()
            .map(std::mem::take)
            .collect();
        drop(old);
    }

    /// Defined names in slot order.
    /// Its globals as a new dict (`vars(module)`, `vars()` at module level).
    pub fn to_dict(&self) -> Dict {
        let mut d = Dict::new();
        for (k, v) in self.names() {
            d.set_str(k, v);
        }
        d
    }

    pub fn names(&self) -> Vec<(Rc<PyStr>, Value)> {
        let names = self.slot_names.borrow();
        let slots = self.slots.borrow();
        names
            .iter()
            .zip(slots.iter())
            .filter(|(_, v)| !matches!(v, Value::Undefined))
            .map(|(n, v)| (n.clone(), v.clone()))
            .collect()
    }
}

mod generator;
mod pystr;
pub use generator::{CoroState, GenKind, GenNames, Generator};
pub use pystr::PyStr;

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    /// The `doc` argument; None means the getter's docstring (`__doc__`).
    pub doc: Value,
}

/// `super()` or `super(T, obj)`: look-ups start after `this_class` in obj's MRO.
pub struct SuperObj {
    pub this_class: Rc<Class>,
    pub obj: Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

pub struct DictView {
    pub dict: Rc<RefCell<Dict>>,
    pub kind: DictViewKind,
}

/// The state of a built-in iterator.
pub enum NativeIter {
    /// Over a list (sees appends made during iteration, as CPython does).
    List {
        list: Rc<RefCell<Vec<Value>>>,
        index: usize,
    },
    Tuple {
        tuple: Rc<Vec<Value>>,
        index: usize,
    },
    /// Over a string's characters (byte offset of the next char).
    Str {
        s: Rc<PyStr>,
        pos: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// Over a dict's keys, values or items, by entry index; `len` detects resizing.
    Dict {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        kind: DictViewKind,
        /// The dict's size when iteration began (`usize::MAX` once a change was
        /// reported, so that it stays reported).
        len: usize,
        /// Entries given so far: more than `len` means keys were replaced.
        given: usize,
    },
    /// Over a snapshot of a set's items, checking that the set keeps its size.
    Set {
        set: Rc<PySet>,
        items: Rc<Vec<Value>>,
        index: usize,
        len: usize,
    },
    /// Over a snapshot of values (sets, reversed, ...).
    Values {
        items: Rc<Vec<Value>>,
        index: usize,
        /// Its type's name: `set_iterator`, `list_reverseiterator`, `reversed`, ...
        type_name: &'static str,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// `iter(obj)` for an object with only `__getitem__`.
    SeqIter {
        obj: Value,
        index: i64,
    },
    /// The awaitable of an async generator's `asend`/`__anext__`, `athrow` or
    /// `aclose` (see `vm::coroutine`).
    AsyncGenOp(Box<AsyncGenOp>),
    /// `anext(iterator, default)` for an async iterator that is not an async
    /// generator: awaits `inner` (the `__anext__()` awaitable) and gives `default`
    /// instead of StopAsyncIteration.
    AnextDefault {
        inner: Value,
        default: Value,
    },
    /// `Future.__await__()` (asyncio's FutureIter): driven by src/runtime.
    FutureAwait {
        fut: Value,
        started: bool,
    },
    /// `coroutine.__await__()` (CPython's `coroutine_wrapper`): drives the coroutine,
    /// and a `yield from`/`await` on it resumes the coroutine in place.
    CoroWrapper(LeanRc<Generator>),
    /// Run out (or stepping, its state taken out while it calls back into the
    /// language): its type's name stays.
    Exhausted(&'static str),
}

/// The built-in iterator types, by CPython's names (`NativeIter::type_name`); each is a
/// class of `vm::types::Types::native_iterators`.
pub const ITERATOR_TYPE_NAMES: &[&str] = &[
    "list_iterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "list_reverseiterator",
    "reversed",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "callable_iterator",
    "iterator",
];

impl NativeIter {
    /// The name of this iterator's type, as CPython calls it (one of
    /// `ITERATOR_TYPE_NAMES`; the awaitables' types are named in `Types::type_of`).
    pub fn type_name(&self) -> &'static str {
        match self {
            NativeIter::List { .. } => "list_iterator",
            NativeIter::Tuple { .. } => "tuple_iterator",
            NativeIter::Str { s, .. } if s.is_ascii() => "str_ascii_iterator",
            NativeIter::Str { .. } => "str_iterator",
            NativeIter::Range { .. } => "range_iterator",
            NativeIter::Dict { kind, .. } => match kind {
                DictViewKind::Keys => "dict_keyiterator",
                DictViewKind::Values => "dict_valueiterator",
                DictViewKind::Items => "dict_itemiterator",
            },
            NativeIter::Values { type_name, .. } => type_name,
            NativeIter::Set { .. } => "set_iterator",
            NativeIter::Enumerate { .. } => "enumerate",
            NativeIter::Zip { .. } => "zip",
            NativeIter::Map { .. } => "map",
            NativeIter::Filter { .. } => "filter",
            NativeIter::Callable { .. } => "callable_iterator",
            NativeIter::Exhausted(name) => name,
            _ => "iterator",
        }
    }

    /// The coroutine a `coroutine_wrapper` drives.
    #[inline]
    pub fn wrapped_coroutine(&self) -> Option<&LeanRc<Generator>> {
        match self {
            NativeIter::CoroWrapper(g) => Some(g),
            _ => None,
        }
    }
}

/// The generator (or coroutine) that `next`/`send`/`throw`/`yield from` on `v`
/// resume: `v` itself, or the coroutine of a `coroutine_wrapper`.
#[inline]
pub fn driven_generator(v: &Value) -> Option<LeanRc<Generator>> {
    match v {
        Value::Generator(g) => Some(g.clone()),
        Value::Iterator(it) => it.try_borrow().ok()?.wrapped_coroutine().cloned(),
        _ => None,
    }
}

/// Is `v` a `coroutine_wrapper`?
#[inline]
pub fn is_coro_wrapper(v: &Value) -> bool {
    matches!(v, Value::Iterator(it)
        if it.try_borrow().is_ok_and(|s| matches!(*s, NativeIter::CoroWrapper(_))))
}

/// Which operation an async-generator awaitable performs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AsyncGenOpKind {
    Send,
    Throw,
    Close,
}

/// The state of one `asend`/`athrow`/`aclose` awaitable.
pub struct AsyncGenOp {
    pub gen: LeanRc<Generator>,
    pub kind: AsyncGenOpKind,
    /// The value to send, or the exception to throw, on the first step.
    pub first: Value,
    pub started: bool,
    pub done: bool,
    /// `anext(it, default)`: the value to return instead of StopAsyncIteration.
    pub default: Option<Value>,
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn from_string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    pub fn bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }
    /// A copy of the value: `clone`, which is already a tag test, a count increment
    /// and a bitwise copy (kept as a name for the run loop's call sites).
    #[inline(always)]
    pub fn fast_clone(&self) -> Value {
        self.clone()
    }

    /// Writes a copy of the value to `dst` (uninitialised or moved out): a count
    /// increment, then a copy straight from where the value lies.
    ///
    /// Unlike `*dst = v.clone()`, the copy never passes through a temporary: in the
    /// run loop the compiler writes such a temporary piecewise (tag, then payload)
    /// and reads it back whole, and that read stalls (a failed store-to-load
    /// forward, ~15 cycles) at every push.
    ///
    /// # Safety
    /// `dst` is valid for a write and holds no value that needs dropping.
    #[inline(always)]
    pub unsafe fn clone_into(&self, dst: *mut Value) {
        if !self.is_immediate() {
            // SAFETY: a heap value; see `clone`.
            let count = unsafe { strong_count(self) };
            count.set(count.get() + 1);
        }
        // SAFETY: the copy owns the count just added; `dst` is the caller's.
        unsafe { copy_whole(self, dst) }
    }

    /// True for values that own no heap reference (dropping them is a no-op).
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(self, immediate!())
    }

    /// Stores `v` in `slot` and drops what was there. The old value's tag is read in
    /// place, so an immediate (the usual case for a local or the top of the stack)
    /// costs one byte load, not a copy of the whole value to drop.
    #[inline(always)]
    pub fn replace_in(slot: &mut Value, v: Value) {
        // SAFETY: the slot is overwritten at once.
        unsafe {
            Value::release_in_place(slot);
            std::ptr::write(slot, v)
        }
    }

    /// Drops the value in `slot` where it lies (as `replace_in` does before it
    /// writes): a byte load for an immediate, a count decrement for a shared heap
    /// value, the destructor in place for the last reference.
    ///
    /// # Safety
    /// `slot` holds a value, and is overwritten before it is read again.
    #[inline(always)]
    pub unsafe fn release_in_place(slot: *mut Value) {
        // SAFETY: the caller's.
        let slot = unsafe { &mut *slot };
        if !slot.is_immediate() {
            // SAFETY: a heap value.
            let count = unsafe { strong_count(slot) };
            let n = count.get();
            if n > 1 {
                count.set(n - 1);
            } else {
                // SAFETY: the old value is dropped in its slot, which the caller
                // overwrites. (Drops run no Baton code, `vm::coroutine`'s
                // finalizers are queued, so nothing sees the slot in between.)
                unsafe { drop_last_in_place(slot) };
            }
        }
    }

    /// Drops a value: nothing for an immediate, a count decrement for a heap value
    /// that has other references (whatever its kind, see `strong_count`), and the
    /// destructor only for the last one.
    #[inline(always)]
    pub fn release(self) {
        if self.is_immediate() {
            std::mem::forget(self);
            return;
        }
        // SAFETY: a heap value.
        let count = unsafe { strong_count(&self) };
        let n = count.get();
        if n > 1 {
            count.set(n - 1);
            std::mem::forget(self);
        } else {
            // SAFETY: a heap value; its reference moves into `drop_last`.
            let (tag, payload) = unsafe { heap_words(&self) };
            std::mem::forget(self);
            drop_last(tag, payload);
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn is_undefined(&self) -> bool {
        matches!(self, Value::Undefined)
    }
    /// Identity, as `is` sees it.
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undefined, Undefined)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits() && !a.is_nan(),
            (BigInt(a), BigInt(b)) => Rc::ptr_eq(a, b),
            (Str(a), Str(b)) => Rc::ptr_eq(a, b),
            (List(a), List(b)) => Rc::ptr_eq(a, b),
            (Tuple(a), Tuple(b)) => Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty()),
            (Dict(a), Dict(b)) => Rc::ptr_eq(a, b),
            (Set(a), Set(b)) => Rc::ptr_eq(a, b),
            (Range(a), Range(b)) => Rc::ptr_eq(a, b),
            (Slice(a), Slice(b)) => Rc::ptr_eq(a, b),
            (Function(a), Function(b)) => Rc::ptr_eq(a, b),
            (BoundMethod(a), BoundMethod(b)) => Rc::ptr_eq(a, b),
            (Native(a), Native(b)) => Rc::ptr_eq(a, b),
            (Class(a), Class(b)) => Rc::ptr_eq(a, b),
            (Instance(a), Instance(b)) => Rc::ptr_eq(a, b),
            (Module(a), Module(b)) => Rc::ptr_eq(a, b),
            (Cell(a), Cell(b)) => Rc::ptr_eq(a, b),
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            (Iterator(a), Iterator(b)) => Rc::ptr_eq(a, b),
            (Generator(a), Generator(b)) => LeanRc::ptr_eq(a, b),
            (Property(a), Property(b)) => Rc::ptr_eq(a, b),
            (StaticMethod(a), StaticMethod(b)) => Rc::ptr_eq(a, b),
            (ClassMethod(a), ClassMethod(b)) => Rc::ptr_eq(a, b),
            (Super(a), Super(b)) => Rc::ptr_eq(a, b),
            (DictView(a), DictView(b)) => Rc::ptr_eq(a, b),
            (Frame(a), Frame(b)) => LeanRc::ptr_eq(a, b),
            _ => false,
        }
    }
    /// A stable address for `id()` and default reprs.
    pub fn id(&self) -> usize {
        use Value::*;
        match self {
            Undefined => 0x1000,
            None => 0x1010,
            NotImplemented => 0x1020,
            Ellipsis => 0x1030,
            Bool(b) => 0x1040 + *b as usize * 16,
            Int(i) => (*i as usize).wrapping_mul(16).wrapping_add(0x10_0000),
            Float(f) => f.to_bits() as usize,
            BigInt(r) => Rc::as_ptr(r) as usize,
            Str(r) => Rc::as_ptr(r) as usize,
            List(r) => Rc::as_ptr(r) as usize,
            Tuple(r) => Rc::as_ptr(r) as usize,
            Dict(r) => Rc::as_ptr(r) as usize,
            Set(r) => Rc::as_ptr(r) as usize,
            Range(r) => Rc::as_ptr(r) as usize,
            Slice(r) => Rc::as_ptr(r) as usize,
            Function(r) => Rc::as_ptr(r) as usize,
            BoundMethod(r) => Rc::as_ptr(r) as usize,
            Native(r) => Rc::as_ptr(r) as usize,
            Class(r) => Rc::as_ptr(r) as usize,
            Instance(r) => Rc::as_ptr(r) as usize,
            Module(r) => Rc::as_ptr(r) as usize,
            Cell(r) => Rc::as_ptr(r) as usize,
            Code(r) => Rc::as_ptr(r) as usize,
            Iterator(r) => Rc::as_ptr(r) as usize,
            Generator(r) => LeanRc::as_ptr(r) as usize,
            Property(r) => Rc::as_ptr(r) as usize,
            StaticMethod(r) => Rc::as_ptr(r) as usize,
            ClassMethod(r) => Rc::as_ptr(r) as usize,
            Super(r) => Rc::as_ptr(r) as usize,
            DictView(r) => Rc::as_ptr(r) as usize,
            Frame(r) => LeanRc::as_ptr(r) as usize + 8,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undefined => write!(f, "<undefined>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::BigInt(b) => write!(f, "{}", b),
            Value::Float(x) => write!(f, "{:?}", x),
            Value::Str(s) => write!(f, "{:?}", s),
            Value::Tuple(t) => f.debug_list().entries(t.iter()).finish(),
            other => write!(f, "<value at {:#x}>", other.id()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_writes_make_the_values_they_name() {
        let mut slot = Value::None;
        for i in [0, 1, -1, i64::MAX, i64::MIN, 0x0102_0304_0506_0708] {
            // SAFETY: the slot holds an immediate, and is valid for the write.
            unsafe { write_int(&mut slot, i) };
            assert!(matches!(slot, Value::Int(x) if x == i));
            let copy = slot.clone();
            assert!(matches!(copy, Value::Int(x) if x == i));
        }
        for b in [true, false] {
            // SAFETY: as above.
            unsafe { write_bool(&mut slot, b) };
            assert!(matches!(slot, Value::Bool(x) if x == b));
        }
        for f in [0.0, -0.0, 1.5, f64::INFINITY, f64::MIN_POSITIVE] {
            // SAFETY: as above.
            unsafe { write_float(&mut slot, f) };
            assert!(matches!(slot, Value::Float(x) if x.to_bits() == f.to_bits()));
        }
        // SAFETY: as above.
        unsafe { Value::None.write_whole(&mut slot) };
        assert!(slot.is_none());
    }

    /// The strong count as the `Rc` itself reports it. The match is exhaustive, so a
    /// new variant must be placed here (and be one `Rc`, or an immediate).
    fn count_by_kind(v: &Value) -> Option<usize> {
        use Value::*;
        Some(match v {
            Undefined | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => {
                return Option::None
            }
            BigInt(rc) => Rc::strong_count(rc),
            Str(rc) => Rc::strong_count(rc),
            List(rc) => Rc::strong_count(rc),
            Tuple(rc) => Rc::strong_count(rc),
            Dict(rc) => Rc::strong_count(rc),
            Set(rc) => Rc::strong_count(rc),
            Range(rc) => Rc::strong_count(rc),
            Slice(rc) => Rc::strong_count(rc),
            Function(rc) => Rc::strong_count(rc),
            BoundMethod(rc) => Rc::strong_count(rc),
            Native(rc) => Rc::strong_count(rc),
            Class(rc) => Rc::strong_count(rc),
            Instance(rc) => Rc::strong_count(rc),
            Module(rc) => Rc::strong_count(rc),
            Cell(rc) => Rc::strong_count(rc),
            Code(rc) => Rc::strong_count(rc),
            Iterator(rc) => Rc::strong_count(rc),
            Generator(rc) => LeanRc::strong_count(rc),
            Property(rc) => Rc::strong_count(rc),
            StaticMethod(rc) => Rc::strong_count(rc),
            ClassMethod(rc) => Rc::strong_count(rc),
            Super(rc) => Rc::strong_count(rc),
            DictView(rc) => Rc::strong_count(rc),
            Frame(rc) => LeanRc::strong_count(rc),
        })
    }

    #[test]
    fn counts_are_found_for_every_heap_kind() {
        let values = [
            Value::BigInt(Rc::new(num_bigint::BigInt::from(1u8) << 80)),
            Value::str("text"),
            Value::List(Rc::new(RefCell::new(vec![Value::Int(1)]))),
            Value::Tuple(Rc::new(vec![Value::None])),
            Value::Cell(Rc::new(RefCell::new(Value::None))),
            Value::StaticMethod(Rc::new(Value::Int(3))),
        ];
        for v in values {
            let before = count_by_kind(&v);
            // SAFETY: each is a heap value.
            assert_eq!(Some(unsafe { strong_count(&v) }.get()), before);
            let copy = v.clone();
            assert_eq!(count_by_kind(&v), before.map(|n| n + 1));
            copy.release();
            assert_eq!(count_by_kind(&v), before);
            let copy = v.clone();
            drop(v);
            // The copy is now the only reference; releasing it runs the destructor.
            assert_eq!(count_by_kind(&copy), Some(1));
            copy.release();
        }
        assert_eq!(count_by_kind(&Value::Int(1).clone()), None);
    }
}
