//! Heap frames: the state of one running (or parked) code object, and the handler
//! blocks that make `try` work.

use crate::compile::code::{CodeObject, Instr};
use crate::vm::dict::Dict;
use crate::vm::lean_rc::LeanRc;
use crate::vm::value::{Generator, Module, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// A frame: code, instruction pointer, locals and operand stack, cells, and the stack
/// of active handler blocks.
///
/// While a frame runs, its locals and operands live on the VM's one value stack from
/// `base` up (locals first), so a call passes its arguments in place. Generators and
/// coroutines park their frame in their own object between resumptions, with the
/// frame's slice of the value stack moved into `saved`: nothing is lost or re-executed.
pub struct Frame {
    pub code: Rc<CodeObject>,
    /// The next instruction to execute.
    pub ip: usize,
    /// Where this frame's locals start on the VM's value stack.
    pub base: usize,
    /// The value-stack height to cut back to when this frame finishes (below `base`
    /// when the callee and its arguments were on the caller's stack).
    pub ret_to: usize,
    /// A parked frame's locals and operands (empty while it runs).
    pub saved: Vec<Value>,
    /// Cell variables, then free variables (shared with the closure).
    pub cells: Vec<Rc<RefCell<Value>>>,
    pub globals: Rc<Module>,
    /// Active `try`/`with` handlers and the except-handlers being run (levels are
    /// relative to `base`).
    pub blocks: Vec<Block>,
    /// A class body's namespace.
    pub namespace: Option<Rc<RefCell<Dict>>>,
    /// What happens to the value this frame returns.
    pub on_return: OnReturn,
    /// The generator, coroutine or async generator this frame belongs to.
    pub generator: Option<LeanRc<Generator>>,
    /// True for the bottom frame of a run-loop invocation: its return (or yield, or
    /// escaping exception) leaves the loop.
    pub is_entry: bool,
    /// A running generator's frame: who resumed it.
    pub resumer: Resumer,
    /// A running generator's frame: the exception its resumer was handling, restored
    /// when the frame yields, returns or raises.
    pub resumer_exc: Value,
    /// A generator's frame parked whole (`Parked::Hot`): `ParkedFrame::handling`.
    pub handling: bool,
    /// A generator's frame parked whole: `ParkedFrame::at_yield_from`.
    pub at_yield_from: bool,
    /// The id of this activation's frame object (`vm::frame_object`), or 0 while it
    /// has none; reset whenever the frame is reused.
    pub object_id: u64,
}

/// A generator's frame between resumptions: compact (`Cold`), or, for the few
/// generators that suspended most recently, the whole `Frame` as it ran (`Hot`), so
/// that resuming and parking it again move one pointer rather than every field
/// (`vm::suspend`). Either way the frame's values (locals, operands, then a handled
/// exception) are in its `saved` buffer, not on the value stack.
pub enum Parked {
    Cold(ParkedFrame),
    Hot(HotFrame),
}

impl Parked {
    /// The next instruction to execute.
    pub fn ip(&self) -> usize {
        match self {
            Parked::Cold(p) => p.ip as usize,
            Parked::Hot(h) => h.0.ip,
        }
    }

    /// The locals and operands (without a handled exception).
    pub fn values(&self) -> &[Value] {
        match self {
            Parked::Cold(p) => p.values(),
            Parked::Hot(h) => {
                let saved = &h.0.saved;
                &saved[..saved.len() - usize::from(h.0.handling)]
            }
        }
    }

    /// Cell variables, then free variables.
    pub fn cells(&self) -> Vec<Rc<RefCell<Value>>> {
        match self {
            Parked::Cold(p) => p.cells().cloned().collect(),
            Parked::Hot(h) => h.0.cells.clone(),
        }
    }

    /// Is the frame inside a `try` or `with` (closing it runs code)?
    pub fn has_blocks(&self) -> bool {
        match self {
            Parked::Cold(p) => p.has_blocks(),
            Parked::Hot(h) => !h.0.blocks.is_empty(),
        }
    }
}

/// A generator's parked frame, or nothing while the frame runs (it is on the VM's
/// frame stack then) and after it finished. A frame only ever moves in or out whole,
/// and readers (`with`) only look (the closures given to it run no Baton code and
/// never touch the slot), so no borrow flag is kept: a million suspended coroutines
/// are a million of these.
pub struct ParkedSlot(std::cell::UnsafeCell<Option<Parked>>);

impl ParkedSlot {
    pub fn new(parked: Option<Parked>) -> ParkedSlot {
        ParkedSlot(std::cell::UnsafeCell::new(parked))
    }

    /// The parked frame, moved out (the slot is left empty).
    #[inline(always)]
    pub fn take(&self) -> Option<Parked> {
        // SAFETY: no reference into the slot outlives a method of this type, and
        // none is held while this runs (single-threaded; `with` runs no code that
        // reaches the slot).
        unsafe { (*self.0.get()).take() }
    }

    /// The frame, when it was parked whole (`Parked::Hot`), moved out; anything
    /// else stays.
    #[inline(always)]
    pub fn take_hot(&self) -> Option<Box<Frame>> {
        // SAFETY: as in `take`. The hot frame is moved out once and the slot is
        // overwritten with None without dropping it (only the tag is written).
        unsafe {
            let slot = &mut *self.0.get();
            if let Some(Parked::Hot(h)) = slot {
                let h = std::ptr::read(h);
                std::ptr::write(slot, None);
                return Some(h.into_frame());
            }
        }
        None
    }

    /// Parks a frame here (the generator's frame is running, so the slot is empty;
    /// anything still there is dropped).
    #[inline(always)]
    pub fn put(&self, parked: Parked) {
        let slot = self.0.get();
        // SAFETY: as in `take`. An empty slot (the usual case) is overwritten without
        // a drop (None owns nothing); anything else is dropped after the slot is
        // written, when no reference into it remains.
        unsafe {
            if (*slot).is_none() {
                std::ptr::write(slot, Some(parked));
            } else {
                drop(std::ptr::replace(slot, Some(parked)));
            }
        }
    }

    /// The slot itself, through the only reference there is.
    pub fn get_mut(&mut self) -> &mut Option<Parked> {
        self.0.get_mut()
    }

    /// Is no frame parked here?
    pub fn is_empty(&self) -> bool {
        self.with(|p| p.is_none())
    }

    /// `f` applied to the parked frame. `f` must not run Baton code or reach this
    /// slot again (cloning values and reading fields is what it is for).
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(Option<&Parked>) -> R) -> R {
        // SAFETY: a shared reference for the length of `f`, which (see above)
        // neither moves a frame in or out of this slot nor runs code that could.
        f(unsafe { (*self.0.get()).as_ref() })
    }
}

/// The most frames parked whole at a time (per thread): they cost a pooled frame
/// each, so a million suspended generators stay compact.
pub const MAX_HOT: usize = 256;

thread_local! {
    /// How many `HotFrame`s exist on this thread.
    static HOT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// A generator's whole frame, parked (`Parked::Hot`); counted, so that at most
/// `MAX_HOT` exist on a thread. The frame holds no generator and no resumer's
/// exception, and its values are in `saved`.
pub struct HotFrame(Box<Frame>);

impl HotFrame {
    /// Parks `frame` whole when fewer than `MAX_HOT` are parked so; else gives it back.
    #[inline(always)]
    pub fn try_new(frame: Box<Frame>) -> Result<HotFrame, Box<Frame>> {
        HOT.with(|n| {
            let k = n.get();
            if k < MAX_HOT {
                n.set(k + 1);
                Ok(HotFrame(frame))
            } else {
                Err(frame)
            }
        })
    }

    /// Parks `frame` whole whatever the count (a frame with more cells or blocks
    /// than a `ParkedFrame` counts).
    pub fn forced(frame: Box<Frame>) -> HotFrame {
        HOT.with(|n| n.set(n.get() + 1));
        HotFrame(frame)
    }

    /// The frame, to run again.
    #[inline(always)]
    pub fn into_frame(self) -> Box<Frame> {
        let this = std::mem::ManuallyDrop::new(self);
        HOT.with(|n| n.set(n.get() - 1));
        // SAFETY: `this` is never dropped, so the box is moved out exactly once.
        unsafe { std::ptr::read(&this.0) }
    }

    /// The parked frame.
    pub fn frame(&self) -> &Frame {
        &self.0
    }
}

impl Drop for HotFrame {
    fn drop(&mut self) {
        // During thread teardown the counter may be gone: nothing counts any more.
        let _ = HOT.try_with(|n| n.set(n.get().saturating_sub(1)));
    }
}

/// A generator's frame parked compactly in the generator object (`Parked::Cold`):
/// only what must survive between resumptions (the code is the generator's own).
/// Resuming moves it into a full `Frame` from the VM's pool; a frame that parks when
/// `MAX_HOT` frames are already parked whole moves back into one (`vm::suspend`).
///
/// Kept small, since a million suspended coroutines are a million of these: the
/// frame's cells and handler blocks are not separate allocations but the tail of
/// `saved`, after its values, and `saved` keeps its length and capacity in 32 bits
/// each; its globals are its code's module (`CodeObject::module`: a frame whose code
/// has none is parked whole). So this is three words, an `Option<Parked>` keeps its
/// tag in the spare values of `flags`, and a `Generator` with its count
/// (`LeanRc`) fits mimalloc's 48-byte size class. A block is stored as a value (see
/// `stow_block`).
pub struct ParkedFrame {
    /// The next instruction to execute.
    pub ip: u32,
    /// How many cells end `saved`, before the blocks.
    ncells: u16,
    /// How many handler blocks end `saved`.
    nblocks: u8,
    flags: ParkFlags,
    /// Locals, then operands, then the handled exception (when handling), then the
    /// cells (as `Value::Cell`), then the blocks.
    saved: SavedValues,
}

/// A parked frame's buffer: a `Vec<Value>` taken apart, its length and capacity in
/// 32 bits each (two words rather than three). It keeps its spare room, so a frame
/// parked again with one more operand (the object a coroutine awaits) needs no
/// reallocation.
struct SavedValues {
    ptr: std::ptr::NonNull<Value>,
    len: u32,
    cap: u32,
}

impl SavedValues {
    /// A frame's values never come near 2^32 (that would be 64 GiB of them); one
    /// that did is treated as the allocation failure it would be.
    fn from_vec(v: Vec<Value>) -> SavedValues {
        let (Ok(len), Ok(cap)) = (u32::try_from(v.len()), u32::try_from(v.capacity())) else {
            std::alloc::handle_alloc_error(std::alloc::Layout::new::<Value>());
        };
        let mut v = std::mem::ManuallyDrop::new(v);
        SavedValues {
            // SAFETY: a vector's pointer is never null (dangling when it has no room).
            ptr: unsafe { std::ptr::NonNull::new_unchecked(v.as_mut_ptr()) },
            len,
            cap,
        }
    }

    fn into_vec(self) -> Vec<Value> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: `this` is never dropped, so the vector is put back once.
        unsafe { this.vec() }
    }

    /// The vector `from_vec` took apart.
    ///
    /// # Safety
    /// Called once: the vector owns the buffer and its values.
    unsafe fn vec(&self) -> Vec<Value> {
        // SAFETY: the parts of a vector, as `from_vec` found them.
        unsafe { Vec::from_raw_parts(self.ptr.as_ptr(), self.len as usize, self.cap as usize) }
    }

    fn as_slice(&self) -> &[Value] {
        // SAFETY: the first `len` values of the buffer are initialised.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len as usize) }
    }
}

impl Drop for SavedValues {
    fn drop(&mut self) {
        // SAFETY: the buffer is let go of only here (or in `into_vec`, which skips
        // this); the vector drops the values and frees it.
        drop(unsafe { self.vec() });
    }
}

/// Two facts about a parked frame, as an enum rather than bits so that the byte's
/// other values are free for the tags of `Parked` and `Option<Parked>`.
#[derive(Clone, Copy)]
#[repr(u8)]
enum ParkFlags {
    Plain = 0,
    /// The frame was handling an exception when it suspended (CPython's
    /// `gi_exc_state`): that exception is the last of its values.
    Handling = 1,
    /// The frame suspended at a `yield from`/`await` because its delegate yielded
    /// (its YieldFrom runs again on resumption): resuming it in place goes straight
    /// on down to the delegate (`Vm::resume_owned`).
    AtYieldFrom = 2,
    Both = 3,
}

impl ParkFlags {
    fn new(handling: bool, at_yield_from: bool) -> ParkFlags {
        match (handling, at_yield_from) {
            (false, false) => ParkFlags::Plain,
            (true, false) => ParkFlags::Handling,
            (false, true) => ParkFlags::AtYieldFrom,
            (true, true) => ParkFlags::Both,
        }
    }

    fn handling(self) -> bool {
        matches!(self, ParkFlags::Handling | ParkFlags::Both)
    }

    fn at_yield_from(self) -> bool {
        matches!(self, ParkFlags::AtYieldFrom | ParkFlags::Both)
    }
}

impl ParkedFrame {
    /// A new generator's frame, before its first instruction: its locals bound in
    /// `saved`, its cells after them. The caller checked that the cells fit the
    /// count (at most 65,535; `Vm::park_new_frame` parks a frame with more whole).
    pub fn at_start(mut saved: Vec<Value>, cells: &mut Vec<Rc<RefCell<Value>>>) -> ParkedFrame {
        debug_assert!(cells.len() <= usize::from(u16::MAX));
        let ncells = cells.len() as u16;
        if ncells > 0 {
            saved.reserve_exact(cells.len());
            saved.extend(cells.drain(..).map(Value::Cell));
        }
        ParkedFrame {
            ip: 0,
            ncells,
            nblocks: 0,
            flags: ParkFlags::Plain,
            saved: SavedValues::from_vec(saved),
        }
    }

    /// Parks `frame`, whose values (and handled exception) are in its `saved`: that
    /// buffer, its cells and its blocks are taken (the frame keeps their room, for
    /// the pool). None, leaving the frame as it was, when it has more cells or blocks
    /// than the counts hold, or its code no module (the caller keeps it whole).
    pub fn take_from(frame: &mut Frame) -> Option<ParkedFrame> {
        let module = frame.code.module.as_ref()?;
        debug_assert!(Rc::ptr_eq(module, &frame.globals));
        let ncells = u16::try_from(frame.cells.len()).ok()?;
        let nblocks = u8::try_from(frame.blocks.len()).ok()?;
        let mut saved = std::mem::take(&mut frame.saved);
        let tail = frame.cells.len() + frame.blocks.len();
        if tail > 0 {
            saved.reserve_exact(tail);
            saved.extend(frame.cells.drain(..).map(Value::Cell));
            saved.extend(frame.blocks.drain(..).map(stow_block));
        }
        let flags = ParkFlags::new(
            std::mem::replace(&mut frame.handling, false),
            frame.at_yield_from,
        );
        Some(ParkedFrame {
            ip: frame.ip as u32,
            ncells,
            nblocks,
            flags,
            saved: SavedValues::from_vec(saved),
        })
    }

    /// Puts the parked state back into `frame` (whose code the caller set): its
    /// globals (its code's module), instruction pointer, flags and values, its cells
    /// and blocks out of the tail (into the room the frame kept).
    pub fn restore_into(self, frame: &mut Frame) {
        let ParkedFrame {
            ip,
            ncells,
            nblocks,
            flags,
            saved,
        } = self;
        let mut saved = saved.into_vec();
        debug_assert!(frame.code.module.is_some());
        if let Some(module) = &frame.code.module {
            if !Rc::ptr_eq(&frame.globals, module) {
                frame.globals = module.clone();
            }
        }
        frame.ip = ip as usize;
        frame.handling = flags.handling();
        frame.at_yield_from = flags.at_yield_from();
        let tail = usize::from(ncells) + usize::from(nblocks);
        if tail > 0 {
            let blocks_at = saved.len() - usize::from(nblocks);
            frame
                .blocks
                .extend(saved.drain(blocks_at..).map(unstow_block));
            let cells_at = saved.len() - usize::from(ncells);
            frame
                .cells
                .extend(saved.drain(cells_at..).filter_map(|v| match v {
                    Value::Cell(c) => Some(c),
                    _ => None,
                }));
        }
        if frame.saved.capacity() == 0 {
            // SAFETY: an empty, unallocated vector owns nothing: overwriting it
            // leaks nothing.
            unsafe { std::ptr::write(&mut frame.saved, saved) };
        } else {
            frame.saved = saved;
        }
    }

    /// The locals and operands (without a handled exception).
    pub fn values(&self) -> &[Value] {
        let tail = usize::from(self.ncells) + usize::from(self.nblocks);
        let handled = usize::from(self.flags.handling());
        let saved = self.saved.as_slice();
        &saved[..saved.len() - tail - handled]
    }

    /// Cell variables, then free variables.
    pub fn cells(&self) -> impl Iterator<Item = &Rc<RefCell<Value>>> {
        let saved = self.saved.as_slice();
        let end = saved.len() - usize::from(self.nblocks);
        saved[end - usize::from(self.ncells)..end]
            .iter()
            .filter_map(|v| match v {
                Value::Cell(c) => Some(c),
                _ => None,
            })
    }

    /// Is the frame inside a `try` or `with` (closing it runs code)?
    pub fn has_blocks(&self) -> bool {
        self.nblocks > 0
    }
}

/// A handler block as a value, for a parked frame's tail: a protected region is an
/// int (its handler and level in the high and low halves), an except handler the
/// exception that was being handled before it (an exception instance or None, never
/// an int).
fn stow_block(block: Block) -> Value {
    match block {
        Block::Setup { handler, level } => {
            Value::Int(((u64::from(handler) << 32) | u64::from(level)) as i64)
        }
        Block::ExceptHandler { prev } => prev,
    }
}

/// `stow_block` undone.
fn unstow_block(v: Value) -> Block {
    match v {
        Value::Int(bits) => Block::Setup {
            handler: ((bits as u64) >> 32) as u32,
            level: bits as u32,
        },
        prev => Block::ExceptHandler { prev },
    }
}

/// What a frame's next instruction does with a value handed to it (a value sent
/// into a generator, a `send` call's result): the run loop's hand-overs put the value
/// straight into the local, or drop it, and step past the instruction.
pub enum NextTakes {
    /// `StoreFast` (alone or fused with what follows) into this local.
    Local(usize),
    /// `Pop`: the value is dropped at once.
    Pop,
    /// Anything else: the value goes on the stack.
    Stack,
}

impl Frame {
    /// What the next instruction does with a value handed to the frame.
    #[inline(always)]
    pub fn next_takes(&self) -> NextTakes {
        match self.code.quick.get(self.ip) {
            Some(&Instr::StoreFast(i)) => NextTakes::Local(i as usize),
            Some(&Instr::StoreFastLoadFast(i, _) | &Instr::StoreFastJump(i, _)) => {
                NextTakes::Local(i as usize)
            }
            Some(&Instr::Pop) => NextTakes::Pop,
            _ => NextTakes::Stack,
        }
    }

    /// A frame parked whole: takes out the exception it was handling when it
    /// suspended (None when it was handling none).
    #[inline(always)]
    pub fn take_handled(&mut self) -> Value {
        if std::mem::replace(&mut self.handling, false) {
            self.saved.pop().unwrap_or(Value::None)
        } else {
            Value::None
        }
    }
}

/// A handler block on a frame's block stack.
#[derive(Clone, Debug)]
pub enum Block {
    /// A protected region (`try`, `with`): on an exception, jump to `handler` with the
    /// operand stack cut back to `level`.
    Setup { handler: u32, level: u32 },
    /// An except/finally handler is running; `prev` is the exception that was being
    /// handled before it, restored when the handler ends.
    ExceptHandler { prev: Value },
}

/// What the caller gets when a frame returns.
pub enum OnReturn {
    /// The value is pushed onto the caller's operand stack (or returned from the run
    /// loop for an entry frame).
    Value,
    /// `__init__` returned: it must be None, and the caller gets the instance.
    Init(Value),
    /// A class body returned its namespace: build the class.
    /// (Boxed: it is rare, and keeps every frame small.)
    /// (Its name, its bases and the dict of its keywords, None when it has none.)
    BuildClass(Box<(Value, Vec<Value>, Value)>),
}

/// Who resumed a running generator's frame: that decides where its yields and its
/// return go (`vm::suspend`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resumer {
    /// A native, through `Vm::resume`: the frame is the entry of a nested run of the
    /// loop, which a yield or a return ends.
    Native,
    /// `send`, `__next__` or `next()` called from the run loop: a yield is the call's
    /// result, a return raises StopIteration in the caller.
    Send,
    /// The caller's `for` loop (`ForIter`): a yield is the loop's next item, a return
    /// ends the loop.
    ForIter,
    /// The caller's `yield from` or `await` (`YieldFrom`): a yield suspends the caller
    /// too, with the same value; a return is the `yield from`'s result.
    YieldFrom,
}

/// Pops the top of a value stack (Undefined on underflow, which only a compiler bug
/// could cause).
#[inline(always)]
pub fn pop(stack: &mut Vec<Value>) -> Value {
    stack.pop().unwrap_or_default()
}

/// The top of a value stack.
#[inline(always)]
pub fn top(stack: &[Value]) -> &Value {
    stack
        .last()
        .expect("operand stack underflow: a compiler bug")
}

/// The value `depth` below the top (0 = top).
#[inline(always)]
pub fn peek(stack: &[Value], depth: usize) -> &Value {
    &stack[stack.len() - 1 - depth]
}

/// Removes the top `n` values and returns them in stack order.
pub fn pop_n(stack: &mut Vec<Value>, n: usize) -> Vec<Value> {
    let at = stack.len().saturating_sub(n);
    stack.split_off(at)
}

impl Frame {
    /// A frame for `code` with empty locals, stack and blocks.
    pub fn new(code: Rc<CodeObject>, globals: Rc<Module>) -> Frame {
        Frame {
            code,
            ip: 0,
            base: 0,
            ret_to: 0,
            saved: Vec::new(),
            cells: Vec::new(),
            globals,
            blocks: Vec::new(),
            namespace: None,
            on_return: OnReturn::Value,
            generator: None,
            is_entry: false,
            resumer: Resumer::Native,
            resumer_exc: Value::None,
            handling: false,
            at_yield_from: false,
            object_id: 0,
        }
    }

    /// The line of the instruction being executed.
    pub fn current_line(&self) -> u32 {
        self.code.line_at(self.ip.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::{stow_block, unstow_block, Block};
    use crate::vm::value::Value;

    /// A parked frame's blocks come back as they were, whatever their handler and
    /// level (both halves of the int, the sign bit included).
    #[test]
    fn blocks_survive_the_tail() {
        for (handler, level) in [(0, 0), (7, 3), (u32::MAX, 1), (1 << 31, u32::MAX)] {
            match unstow_block(stow_block(Block::Setup { handler, level })) {
                Block::Setup {
                    handler: h,
                    level: l,
                } => assert_eq!((h, l), (handler, level)),
                other => panic!("{:?}", other),
            }
        }
        for prev in [Value::None, Value::str("not an int")] {
            match unstow_block(stow_block(Block::ExceptHandler { prev })) {
                Block::ExceptHandler { prev } => assert!(!matches!(prev, Value::Int(_))),
                other => panic!("{:?}", other),
            }
        }
    }
}
