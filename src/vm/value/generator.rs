//! Generator, coroutine and async generator objects as values: what one holds (its
//! kind, state, code and parked frame, kept small since a suspended task is one), its
//! names and where it was made. How they run is `vm::coroutine` and `vm::suspend`.

use super::{driven_generator, PyStr, Value};
use crate::compile::code::CodeObject;
use crate::vm::frame::Parked;
use crate::vm::lean_rc::LeanRc;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The states of a generator-like object, as `inspect` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoroState {
    Created,
    Running,
    Suspended,
    Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

impl GenKind {
    /// What calling a function with this code creates (for generator-like code).
    pub fn of(code: &CodeObject) -> GenKind {
        if code.flags.async_generator {
            GenKind::AsyncGenerator
        } else if code.flags.coroutine {
            GenKind::Coroutine
        } else {
            GenKind::Generator
        }
    }
}

/// A generator, coroutine or async generator: owns its parked frame.
///
/// Kept small (a million suspended tasks are two million of these): a name changed
/// before the call lives in a side table (`RENAMED`), not in the object.
/// `Generator::async_flags`: see `yielded_value` and `running_async`.
const YIELDED_VALUE: u8 = 1;
const RUNNING_ASYNC: u8 = 2;

pub struct Generator {
    pub kind: GenKind,
    pub state: Cell<CoroState>,
    /// For async generators, two bits: `YIELDED_VALUE` and `RUNNING_ASYNC` (one byte,
    /// so that a suspended generator stays within its size budget).
    async_flags: Cell<u8>,
    /// `__name__` and `__qualname__` differ from the code's (the function was renamed
    /// before the call): they are this object's entry in `RENAMED`.
    renamed: bool,
    /// Where a coroutine was created, for the never-awaited warning: a place number
    /// (`vm::origins`; 0 for none).
    origin: u32,
    pub code: Rc<CodeObject>,
    /// The parked frame; `None` while running (the frame is on the VM's frame stack)
    /// and after it finished.
    pub frame: crate::vm::frame::ParkedSlot,
}

/// A generator's `__name__` and `__qualname__` when they differ from its code's.
pub type GenNames = (Rc<PyStr>, Rc<PyStr>);

/// The place number (`vm::origins`) of where a coroutine of `kind` is created at
/// `origin` (0 for none, and for other kinds).
#[inline]
fn place_number(kind: GenKind, origin: Option<(&Rc<str>, u32)>) -> u32 {
    match origin {
        Some((file, line)) if kind == GenKind::Coroutine => crate::vm::origins::intern(file, line),
        _ => 0,
    }
}

/// Records the changed names of the new generator `g` (`Generator::renamed`).
#[inline(never)]
fn record_renamed(g: &LeanRc<Generator>, names: GenNames) {
    let addr = LeanRc::as_ptr(g) as usize;
    RENAMED.with(|r| r.borrow_mut().insert(addr, names));
}

/// `names` (the function's `__name__` and `__qualname__`) when they differ from
/// `code`'s.
#[inline]
fn renamed_from(code: &CodeObject, names: (&Rc<PyStr>, &Rc<PyStr>)) -> Option<GenNames> {
    if Rc::ptr_eq(names.0, &code.name) && Rc::ptr_eq(names.1, &code.qualname)
        || (names.0.as_str() == code.name.as_str() && names.1.as_str() == code.qualname.as_str())
    {
        None
    } else {
        Some((names.0.clone(), names.1.clone()))
    }
}

thread_local! {
    /// The names of the live generators whose function was renamed, by address
    /// (`Generator::renamed`); an entry goes when its generator does.
    static RENAMED: RefCell<ahash::AHashMap<usize, GenNames>> = RefCell::default();
}

impl Generator {
    /// An async generator's last suspension was a `yield` of a value (true), not an
    /// `await` passing a value through to the event loop (false).
    #[inline]
    pub fn yielded_value(&self) -> bool {
        self.async_flags.get() & YIELDED_VALUE != 0
    }

    #[inline]
    pub fn set_yielded_value(&self, on: bool) {
        self.set_async_flag(YIELDED_VALUE, on);
    }

    /// One of its `asend`/`athrow`/`aclose` awaitables has started and not finished
    /// (CPython's `ag_running_async`): another may not start meanwhile.
    #[inline]
    pub fn running_async(&self) -> bool {
        self.async_flags.get() & RUNNING_ASYNC != 0
    }

    #[inline]
    pub fn set_running_async(&self, on: bool) {
        self.set_async_flag(RUNNING_ASYNC, on);
    }

    #[inline]
    fn set_async_flag(&self, flag: u8, on: bool) {
        let flags = self.async_flags.get();
        self.async_flags
            .set(if on { flags | flag } else { flags & !flag });
    }

    /// A new generator-like object of `kind` for `code`, parked before its first
    /// instruction.
    pub fn new(
        kind: GenKind,
        code: Rc<CodeObject>,
        parked: Parked,
        names: (&Rc<PyStr>, &Rc<PyStr>),
        origin: Option<(&Rc<str>, u32)>,
    ) -> LeanRc<Generator> {
        let renamed = renamed_from(&code, names);
        let origin = place_number(kind, origin);
        let g = Generator {
            kind,
            state: Cell::new(CoroState::Created),
            async_flags: Cell::new(0),
            renamed: false,
            origin,
            code,
            frame: crate::vm::frame::ParkedSlot::new(Some(parked)),
        };
        g.into_rc(renamed)
    }

    /// A new generator-like object of `kind` for `code` whose frame is already
    /// running: made by an `await` or `yield from` that starts it at once
    /// (`Vm::enter_delegate_call`). It can never be dropped unstarted, so it needs no
    /// place of creation.
    pub fn running(
        kind: GenKind,
        code: Rc<CodeObject>,
        names: (&Rc<PyStr>, &Rc<PyStr>),
    ) -> LeanRc<Generator> {
        let renamed = renamed_from(&code, names);
        let g = Generator {
            kind,
            state: Cell::new(CoroState::Running),
            async_flags: Cell::new(0),
            renamed: false,
            origin: 0,
            code,
            frame: crate::vm::frame::ParkedSlot::new(None),
        };
        g.into_rc(renamed)
    }

    /// Whether `this` is a finished generator that only this reference holds, whose
    /// allocation can be made a new generator (`restart`, `Vm::generator_pool`).
    pub fn reusable(this: &LeanRc<Generator>) -> bool {
        LeanRc::strong_count(this) == 1
            && this.state.get() == CoroState::Closed
            && !this.renamed
            && this.frame.is_empty()
    }

    /// A `reusable` generator made `Generator::running` for `code` again, in the
    /// same allocation. False (nothing changed) when `this` is held elsewhere.
    pub fn restart(
        this: &mut LeanRc<Generator>,
        kind: GenKind,
        code: &Rc<CodeObject>,
        names: (&Rc<PyStr>, &Rc<PyStr>),
    ) -> bool {
        let Some(g) = LeanRc::get_mut(this) else {
            return false;
        };
        g.kind = kind;
        g.state.set(CoroState::Running);
        g.async_flags.set(0);
        g.origin = 0;
        if !Rc::ptr_eq(&g.code, code) {
            g.code = code.clone();
        }
        if let Some(names) = renamed_from(code, names) {
            g.renamed = true;
            record_renamed(this, names);
        }
        true
    }

    /// A suspended generator made again from the parts of a dropped one (to close
    /// its frame: `Orphan`).
    pub fn revived(
        kind: GenKind,
        code: Rc<CodeObject>,
        frame: Parked,
        renamed: Option<GenNames>,
    ) -> LeanRc<Generator> {
        let g = Generator {
            kind,
            state: Cell::new(CoroState::Suspended),
            async_flags: Cell::new(0),
            renamed: false,
            origin: 0,
            code,
            frame: crate::vm::frame::ParkedSlot::new(Some(frame)),
        };
        g.into_rc(renamed)
    }

    /// The object on the heap, with its names recorded when they were changed.
    /// (Inlined, so that the object is built where it goes rather than copied there.)
    #[inline(always)]
    fn into_rc(mut self, renamed: Option<GenNames>) -> LeanRc<Generator> {
        self.renamed = renamed.is_some();
        let g = LeanRc::new(self);
        if let Some(names) = renamed {
            record_renamed(&g, names);
        }
        g
    }

    /// The changed names, if any.
    fn renamed_names(&self) -> Option<GenNames> {
        if !self.renamed {
            return None;
        }
        let addr = self as *const Generator as usize;
        RENAMED
            .try_with(|r| r.borrow().get(&addr).cloned())
            .ok()
            .flatten()
    }

    /// Takes the changed names out of the side table (the object is being dropped).
    pub fn take_renamed(&mut self) -> Option<GenNames> {
        if !std::mem::replace(&mut self.renamed, false) {
            return None;
        }
        let addr = self as *const Generator as usize;
        RENAMED
            .try_with(|r| r.borrow_mut().remove(&addr))
            .ok()
            .flatten()
    }

    /// `__name__`.
    pub fn name(&self) -> Rc<PyStr> {
        match self.renamed_names() {
            Some(n) => n.0,
            None => self.code.name.clone(),
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Rc<PyStr> {
        match self.renamed_names() {
            Some(n) => n.1,
            None => self.code.qualname.clone(),
        }
    }

    /// The line a parked frame stopped at (None while running or finished).
    pub fn parked_line(&self) -> Option<u32> {
        let ip = self.frame.with(|p| p.map(Parked::ip))?;
        Some(self.code.line_at(ip.saturating_sub(1)))
    }

    /// What the parked frame waits on, when it stopped in `yield from`/`await`: its
    /// receiver, or the coroutine a `coroutine_wrapper` receiver drives (so the walks
    /// down an await chain, for the deadlock report and `--trace`, see through it).
    pub fn awaiting(&self) -> Option<Value> {
        let r = self.receiver()?;
        Some(match driven_generator(&r) {
            Some(g) if matches!(r, Value::Iterator(_)) => Value::Generator(g),
            _ => r,
        })
    }

    /// The receiver of the `yield from`/`await` the parked frame stopped in (the
    /// YieldFrom it will re-run, with its receiver on top of its operands): CPython's
    /// `cr_await`/`gi_yieldfrom`.
    pub fn receiver(&self) -> Option<Value> {
        self.frame.with(|parked| {
            let f = parked?;
            let at_yield_from =
                self.code.instrs.get(f.ip()) == Some(&crate::compile::code::Instr::YieldFrom);
            if at_yield_from {
                f.values().last().cloned()
            } else {
                None
            }
        })
    }

    /// Where the object was created: (file, line).
    pub fn origin(&self) -> Option<(Rc<str>, u32)> {
        crate::vm::origins::place(self.origin)
    }
}
