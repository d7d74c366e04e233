//! The virtual machine: values and object types, heap frames, the run loop,
//! exceptions and tracebacks.
//!
//! | file | owns |
//! |---|---|
//! | `value.rs` | the `Value` enum and heap object structs |
//! | `types.rs` | built-in type objects, `type_of`, class creation (C3) |
//! | `frame.rs` | heap frames and handler blocks |
//! | `frame_object.rs` | frame objects of running frames (`sys._getframe`, `f_back`) |
//! | `interp.rs`, `interp/fast.rs` | the run loop: the general path, and the fast path for the common instructions |
//! | `call.rs` | argument binding, frames for calls, class instantiation |
//! | `exceptions.rs` | exception objects, matching, tracebacks |
//! | `os_error.rs` | OSError's errno subclasses, fields and str |
//! | `exception_group.rs` | exception groups: the constructor's checks, `derive`, `split`, `subgroup` |
//! | `attrs.rs` | attribute look-up and assignment |
//! | `shape.rs` | instance attributes: shapes shared between instances, one value per name |
//! | `protocols.rs` | repr/str, truth, equality, hashing, iteration, items |
//! | `ops.rs` | arithmetic and comparison operators |
//! | `dict.rs`, `set.rs`, `hash.rs` | the hash tables and CPython's hashes |
//! | `methods/` | methods of the built-in types |
//! | `items.rs` | subscription and slicing |
//! | `annotations.rs` | generic aliases (`list[int]`) and unions of classes: where the VM makes the Baton-written `types.GenericAlias` and `types.UnionType` |
//! | `coroutine.rs` | generator and coroutine objects: the resume gate, finalization |
//! | `lean_rc.rs` | `LeanRc`, the one-count pointer to generator and coroutine objects |
//! | `suspend.rs` | generator frames entering and leaving the run loop in place (send, for, await) |
//! | `asyncgen.rs` | async generators: the asend/athrow/aclose awaitables |
//! | `budget.rs` | the step budget (`--max-steps`): what a step is, counting, the stop |
//! | `signals.rs` | requests for the run loop's attention (Ctrl-C, finalizers) |
//! | `traceback.rs` | the report of an uncaught exception: chains, tracebacks, exception groups |
//! | `suggestions.rs` | "Did you mean" for an uncaught NameError or AttributeError |
//! | `format.rs`, `strmethods.rs` | number/str formatting and text algorithms (pure) |

pub mod annotations;
pub mod asyncgen;
pub mod attrs;
pub mod budget;
pub mod cache;
pub mod call;
pub mod carets;
pub mod coroutine;
pub mod dict;
pub mod error;
pub mod exception_group;
pub mod exceptions;
pub mod format;
pub mod frame;
pub mod frame_object;
pub mod hash;
pub mod instance_init;
pub mod instance_pool;
pub mod intern;
pub mod interp;
pub mod items;
pub mod lean_rc;
pub mod methods;
pub mod ops;
pub mod origins;
pub mod os_error;
pub mod output;
pub mod percent;
pub mod protocols;
pub mod set;
pub mod shape;
pub mod signals;
pub mod strmethods;
pub mod suggestions;
pub mod suspend;
pub mod traceback;
pub mod types;
pub mod value;

pub use call::CallOutcome;
pub use error::{ExcType, PyErr, PyResult};
pub use value::Value;

use crate::vm::frame::Frame;
use crate::vm::lean_rc::LeanRc;
use crate::vm::types::Types;
use crate::vm::value::{Generator, Module, PyStr};
use std::io::Write;
use std::rc::Rc;

/// The interpreter state: the frame stack, the built-in types and modules, and the
/// exception being handled.
pub struct Vm {
    pub frames: Vec<Box<Frame>>,
    /// The value stack shared by all running frames (locals, then operands, per frame).
    pub stack: Vec<Value>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    /// Set by a re-raise so the unwinder does not add the frame to the traceback twice.
    pub(crate) reraising: bool,
    /// An exception to raise in the top frame before its next instruction
    /// (`generator.throw`).
    pub(crate) pending_throw: Option<Value>,
    pub types: Types,
    pub builtins: Rc<Module>,
    /// Imported modules by name.
    pub modules: ahash::AHashMap<String, Value>,
    pub recursion_limit: usize,
    /// Nested runs of the loop currently active (natives calling back into Baton).
    pub(crate) nested_runs: usize,
    /// Finished frames kept for reuse (their vectors keep their capacity). Boxed
    /// because frames move between this pool and the frame stack, and a box moves as
    /// one pointer.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<Frame>>,
    /// Finished generator objects no one holds, kept to be made new generators
    /// again without an allocation (`Vm::enter_delegate_call`).
    pub(crate) generator_pool: Vec<LeanRc<Generator>>,
    /// Argument buffers for calls to natives from the fast path.
    pub(crate) arg_pool: Vec<Vec<Value>>,
    /// The built-in types' methods as their types hand them out (`list.append`), one
    /// object for each (defining type, function), so that `list.append is
    /// list.append` (`attrs::method_descriptor`).
    pub(crate) method_descriptors: ahash::AHashMap<(usize, usize), Value>,
    /// Source text by file name, for tracebacks.
    pub sources: ahash::AHashMap<Rc<str>, Rc<str>>,
    /// The directory imports look in (the script's directory).
    pub script_dir: std::path::PathBuf,
    pub argv: Vec<String>,
    /// CPython's limit on int ↔ str conversion (`sys.set_int_max_str_digits`).
    pub int_max_str_digits: usize,
    /// Buffered standard output; flushed before anything goes to stderr and at exit.
    pub stdout: std::io::BufWriter<output::Stdout>,
    /// Objects whose `__repr__` is running, to print `[...]` for recursive containers.
    pub(crate) repr_guard: Vec<usize>,
    /// The `random` module's generator (seeded from entropy on first use).
    pub random: Option<Box<crate::modules::random::MersenneTwister>>,
    /// The step budget (`--max-steps`, `budget.rs`).
    pub(crate) budget: budget::Budget,
    /// What a Ctrl-C calls instead of raising KeyboardInterrupt (None: raise it):
    /// `asyncio.run` cancels its main task the first time (`Vm::attend`).
    pub(crate) interrupt_handler: Value,
    /// The running event loop's finalizer for async generators (CPython's
    /// `sys.set_asyncgen_hooks(finalizer=)`): an abandoned suspended async generator is
    /// handed to it, which schedules its `aclose()`, instead of being closed at once.
    pub(crate) asyncgen_finalizer: Value,
}

impl Vm {
    pub fn new() -> Vm {
        let types = Types::new();
        let builtins = Rc::new(Module::new("builtins", "<builtins>"));
        let mut vm = Vm {
            frames: Vec::new(),
            stack: Vec::with_capacity(1 << 12),
            exc_info: Value::None,
            reraising: false,
            pending_throw: None,
            types,
            builtins,
            modules: ahash::AHashMap::new(),
            recursion_limit: 1000,
            nested_runs: 0,
            frame_pool: Vec::new(),
            generator_pool: Vec::new(),
            arg_pool: Vec::new(),
            method_descriptors: ahash::AHashMap::new(),
            sources: ahash::AHashMap::new(),
            script_dir: std::path::PathBuf::from("."),
            argv: Vec::new(),
            int_max_str_digits: 4300,
            stdout: std::io::BufWriter::with_capacity(1 << 16, output::Stdout),
            repr_guard: Vec::new(),
            random: None,
            budget: budget::Budget::default(),
            interrupt_handler: Value::None,
            asyncgen_finalizer: Value::None,
        };
        methods::install(&mut vm);
        coroutine::install(&mut vm);
        frame_object::install(&vm);
        crate::modules::builtins::install(&mut vm);
        vm
    }

    /// The one shared `PyStr` for a name.
    pub fn intern(&mut self, s: &str) -> Rc<PyStr> {
        intern::intern(s)
    }

    pub fn type_of(&self, v: &Value) -> Rc<value::Class> {
        self.types.type_of(v)
    }

    /// The type's name, as error messages show it.
    pub fn type_name(&self, v: &Value) -> String {
        self.types.type_of(v).name.as_str().to_string()
    }

    /// The type's name as CPython's generated argument parsers show a wrong
    /// argument's ("replace() argument 1 must be str, not None"): `None` for None,
    /// else the type's name.
    pub fn arg_type_name(&self, v: &Value) -> String {
        match v {
            Value::None => "None".to_string(),
            _ => self.type_name(v),
        }
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    /// Writes to standard error, after flushing standard output so the two interleave
    /// as they were produced.
    pub fn write_stderr(&mut self, s: &str) {
        self.flush_stdout();
        output::write_stderr(s.as_bytes());
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
