//! Heap frames: the state of one running (or parked) code object, and the handler
//! blocks that make `try` work.

use crate::compile::code::CodeObject;
use crate::vm::dict::Dict;
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
    pub generator: Option<Rc<Generator>>,
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
        let (saved, handling) = match self {
            Parked::Cold(p) => (&p.saved, p.handling),
            Parked::Hot(h) => (&h.0.saved, h.0.handling),
        };
        &saved[..saved.len() - usize::from(handling)]
    }

    /// Cell variables, then free variables.
    pub fn cells(&self) -> &[Rc<RefCell<Value>>] {
        match self {
            Parked::Cold(p) => &p.cells,
            Parked::Hot(h) => &h.0.cells,
        }
    }

    /// The compact form (a hot frame's `Frame` is freed: this is for the rare paths
    /// that keep a parked frame beyond its generator's life, `Orphan`).
    pub fn into_cold(self) -> ParkedFrame {
        match self {
            Parked::Cold(p) => p,
            Parked::Hot(h) => {
                let mut f = h.into_frame();
                ParkedFrame {
                    globals: f.globals.clone(),
                    ip: f.ip as u32,
                    handling: f.handling,
                    at_yield_from: f.at_yield_from,
                    saved: std::mem::take(&mut f.saved),
                    cells: std::mem::take(&mut f.cells).into_boxed_slice(),
                    blocks: std::mem::take(&mut f.blocks).into_boxed_slice(),
                }
            }
        }
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
/// Kept small: a million suspended generators are a million of these.
pub struct ParkedFrame {
    pub globals: Rc<Module>,
    /// The next instruction to execute.
    pub ip: u32,
    /// The frame was handling an exception when it suspended (CPython's
    /// `gi_exc_state`): that exception is the last value of `saved`.
    pub handling: bool,
    /// The frame suspended at a `yield from`/`await` because its delegate yielded
    /// (its YieldFrom runs again on resumption): resuming it in place goes straight
    /// on down to the delegate (`Vm::resume_owned`).
    pub at_yield_from: bool,
    /// Locals, then operands (then the handled exception, when `handling`).
    pub saved: Vec<Value>,
    /// Cell variables, then free variables.
    pub cells: Box<[Rc<RefCell<Value>>]>,
    /// Active handler blocks (levels relative to the locals), exactly sized.
    pub blocks: Box<[Block]>,
}

impl Frame {
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
    BuildClass(Box<(Value, Vec<Value>)>),
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
        }
    }

    /// The line of the instruction being executed.
    pub fn current_line(&self) -> u32 {
        self.code.line_at(self.ip.saturating_sub(1))
    }
}
