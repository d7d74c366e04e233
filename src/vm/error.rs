//! The error type every fallible operation returns, and the table of built-in exception
//! types.
//!
//! Code that has no VM at hand (formatting, number parsing, data structures) returns
//! `PyErr::new(ExcType::ValueError, "...")`; the VM turns that into a real exception
//! instance (`Vm::normalize`) the moment it is raised into the program.

use crate::vm::value::Value;

/// The built-in exception classes, in the order they are created (parents first).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExcType {
    BaseException,
    Exception,
    ArithmeticError,
    ZeroDivisionError,
    OverflowError,
    LookupError,
    KeyError,
    IndexError,
    ValueError,
    UnicodeError,
    TypeError,
    NameError,
    UnboundLocalError,
    AttributeError,
    RuntimeError,
    RecursionError,
    NotImplementedError,
    StopIteration,
    StopAsyncIteration,
    GeneratorExit,
    AssertionError,
    BufferError,
    FloatingPointError,
    ReferenceError,
    SystemError,
    OSError,
    FileNotFoundError,
    TimeoutError,
    BlockingIOError,
    ChildProcessError,
    ConnectionError,
    BrokenPipeError,
    ConnectionAbortedError,
    ConnectionRefusedError,
    ConnectionResetError,
    FileExistsError,
    InterruptedError,
    IsADirectoryError,
    NotADirectoryError,
    PermissionError,
    ProcessLookupError,
    EOFError,
    MemoryError,
    KeyboardInterrupt,
    SystemExit,
    ImportError,
    ModuleNotFoundError,
    SyntaxError,
    IndentationError,
    TabError,
    Warning,
    UserWarning,
    DeprecationWarning,
    RuntimeWarning,
    PendingDeprecationWarning,
    SyntaxWarning,
    FutureWarning,
    ImportWarning,
    UnicodeWarning,
    BytesWarning,
    ResourceWarning,
    EncodingWarning,
    BaseExceptionGroup,
    ExceptionGroup,
    CancelledError,
    InvalidStateError,
}

impl ExcType {
    /// Every built-in exception type, parents before children.
    pub const ALL: &'static [ExcType] = &[
        ExcType::BaseException,
        ExcType::Exception,
        ExcType::ArithmeticError,
        ExcType::ZeroDivisionError,
        ExcType::OverflowError,
        ExcType::LookupError,
        ExcType::KeyError,
        ExcType::IndexError,
        ExcType::ValueError,
        ExcType::UnicodeError,
        ExcType::TypeError,
        ExcType::NameError,
        ExcType::UnboundLocalError,
        ExcType::AttributeError,
        ExcType::RuntimeError,
        ExcType::RecursionError,
        ExcType::NotImplementedError,
        ExcType::StopIteration,
        ExcType::StopAsyncIteration,
        ExcType::GeneratorExit,
        ExcType::AssertionError,
        ExcType::BufferError,
        ExcType::FloatingPointError,
        ExcType::ReferenceError,
        ExcType::SystemError,
        ExcType::OSError,
        ExcType::FileNotFoundError,
        ExcType::TimeoutError,
        ExcType::BlockingIOError,
        ExcType::ChildProcessError,
        ExcType::ConnectionError,
        ExcType::BrokenPipeError,
        ExcType::ConnectionAbortedError,
        ExcType::ConnectionRefusedError,
        ExcType::ConnectionResetError,
        ExcType::FileExistsError,
        ExcType::InterruptedError,
        ExcType::IsADirectoryError,
        ExcType::NotADirectoryError,
        ExcType::PermissionError,
        ExcType::ProcessLookupError,
        ExcType::EOFError,
        ExcType::MemoryError,
        ExcType::KeyboardInterrupt,
        ExcType::SystemExit,
        ExcType::ImportError,
        ExcType::ModuleNotFoundError,
        ExcType::SyntaxError,
        ExcType::IndentationError,
        ExcType::TabError,
        ExcType::Warning,
        ExcType::UserWarning,
        ExcType::DeprecationWarning,
        ExcType::RuntimeWarning,
        ExcType::PendingDeprecationWarning,
        ExcType::SyntaxWarning,
        ExcType::FutureWarning,
        ExcType::ImportWarning,
        ExcType::UnicodeWarning,
        ExcType::BytesWarning,
        ExcType::ResourceWarning,
        ExcType::EncodingWarning,
        ExcType::BaseExceptionGroup,
        ExcType::ExceptionGroup,
        ExcType::CancelledError,
        ExcType::InvalidStateError,
    ];

    pub fn name(self) -> &'static str {
        use ExcType::*;
        match self {
            BaseException => "BaseException",
            Exception => "Exception",
            ArithmeticError => "ArithmeticError",
            ZeroDivisionError => "ZeroDivisionError",
            OverflowError => "OverflowError",
            LookupError => "LookupError",
            KeyError => "KeyError",
            IndexError => "IndexError",
            ValueError => "ValueError",
            UnicodeError => "UnicodeError",
            TypeError => "TypeError",
            NameError => "NameError",
            UnboundLocalError => "UnboundLocalError",
            AttributeError => "AttributeError",
            RuntimeError => "RuntimeError",
            RecursionError => "RecursionError",
            NotImplementedError => "NotImplementedError",
            StopIteration => "StopIteration",
            StopAsyncIteration => "StopAsyncIteration",
            GeneratorExit => "GeneratorExit",
            AssertionError => "AssertionError",
            BufferError => "BufferError",
            FloatingPointError => "FloatingPointError",
            ReferenceError => "ReferenceError",
            SystemError => "SystemError",
            OSError => "OSError",
            FileNotFoundError => "FileNotFoundError",
            TimeoutError => "TimeoutError",
            BlockingIOError => "BlockingIOError",
            ChildProcessError => "ChildProcessError",
            ConnectionError => "ConnectionError",
            BrokenPipeError => "BrokenPipeError",
            ConnectionAbortedError => "ConnectionAbortedError",
            ConnectionRefusedError => "ConnectionRefusedError",
            ConnectionResetError => "ConnectionResetError",
            FileExistsError => "FileExistsError",
            InterruptedError => "InterruptedError",
            IsADirectoryError => "IsADirectoryError",
            NotADirectoryError => "NotADirectoryError",
            PermissionError => "PermissionError",
            ProcessLookupError => "ProcessLookupError",
            EOFError => "EOFError",
            MemoryError => "MemoryError",
            KeyboardInterrupt => "KeyboardInterrupt",
            SystemExit => "SystemExit",
            ImportError => "ImportError",
            ModuleNotFoundError => "ModuleNotFoundError",
            SyntaxError => "SyntaxError",
            IndentationError => "IndentationError",
            TabError => "TabError",
            Warning => "Warning",
            UserWarning => "UserWarning",
            DeprecationWarning => "DeprecationWarning",
            RuntimeWarning => "RuntimeWarning",
            PendingDeprecationWarning => "PendingDeprecationWarning",
            SyntaxWarning => "SyntaxWarning",
            FutureWarning => "FutureWarning",
            ImportWarning => "ImportWarning",
            UnicodeWarning => "UnicodeWarning",
            BytesWarning => "BytesWarning",
            ResourceWarning => "ResourceWarning",
            EncodingWarning => "EncodingWarning",
            BaseExceptionGroup => "BaseExceptionGroup",
            ExceptionGroup => "ExceptionGroup",
            CancelledError => "CancelledError",
            InvalidStateError => "InvalidStateError",
        }
    }

    /// The direct base classes.
    pub fn bases(self) -> &'static [ExcType] {
        use ExcType::*;
        match self {
            BaseException => &[],
            Exception | KeyboardInterrupt | SystemExit | GeneratorExit | BaseExceptionGroup
            | CancelledError => &[BaseException],
            ArithmeticError | LookupError | ValueError | TypeError | NameError | AttributeError
            | RuntimeError | StopIteration | StopAsyncIteration | AssertionError | OSError
            | EOFError | MemoryError | ImportError | SyntaxError | Warning | InvalidStateError
            | BufferError | ReferenceError | SystemError => &[Exception],
            ZeroDivisionError | OverflowError | FloatingPointError => &[ArithmeticError],
            KeyError | IndexError => &[LookupError],
            UnicodeError => &[ValueError],
            UnboundLocalError => &[NameError],
            RecursionError | NotImplementedError => &[RuntimeError],
            FileNotFoundError | TimeoutError | BlockingIOError | ChildProcessError
            | ConnectionError | FileExistsError | InterruptedError | IsADirectoryError
            | NotADirectoryError | PermissionError | ProcessLookupError => &[OSError],
            BrokenPipeError
            | ConnectionAbortedError
            | ConnectionRefusedError
            | ConnectionResetError => &[ConnectionError],
            ModuleNotFoundError => &[ImportError],
            IndentationError => &[SyntaxError],
            TabError => &[IndentationError],
            UserWarning
            | DeprecationWarning
            | RuntimeWarning
            | PendingDeprecationWarning
            | SyntaxWarning
            | FutureWarning
            | ImportWarning
            | UnicodeWarning
            | BytesWarning
            | ResourceWarning
            | EncodingWarning => &[Warning],
            ExceptionGroup => &[BaseExceptionGroup, Exception],
        }
    }

    /// The module the class reports in its repr (`asyncio.exceptions.CancelledError`).
    pub fn module(self) -> &'static str {
        match self {
            ExcType::CancelledError | ExcType::InvalidStateError => "asyncio.exceptions",
            _ => "builtins",
        }
    }
}

/// An exception on its way up: either a live exception instance, or one still to be
/// created from a built-in type and its arguments.
#[derive(Clone, Debug)]
pub enum PyErr {
    /// An exception instance (a `Value::Instance` whose class derives from
    /// BaseException).
    Raised(Value),
    /// A built-in exception not yet instantiated.
    New { typ: ExcType, args: Vec<Value> },
}

impl PyErr {
    /// A built-in exception with one string argument.
    pub fn new(typ: ExcType, msg: impl Into<String>) -> PyErr {
        PyErr::New {
            typ,
            args: vec![Value::from_string(msg.into())],
        }
    }
    /// A built-in exception with the given arguments (`KeyError(key)`, `StopIteration()`).
    pub fn with_args(typ: ExcType, args: Vec<Value>) -> PyErr {
        PyErr::New { typ, args }
    }
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::TypeError, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ValueError, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::IndexError, msg)
    }
    pub fn overflow_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::OverflowError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ZeroDivisionError, msg)
    }
    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::RuntimeError, msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::AttributeError, msg)
    }
    /// `KeyError(key)`.
    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcType::KeyError, vec![key])
    }
    /// `StopIteration()` or `StopIteration(value)`.
    pub fn stop_iteration(value: Option<Value>) -> PyErr {
        PyErr::with_args(ExcType::StopIteration, value.into_iter().collect())
    }
    /// Is this (possibly not yet created) exception of the given built-in type?
    /// Only exact for `New`; the VM answers for raised instances.
    pub fn new_type(&self) -> Option<ExcType> {
        match self {
            PyErr::New { typ, .. } => Some(*typ),
            PyErr::Raised(_) => None,
        }
    }
}

pub type PyResult<T> = Result<T, PyErr>;
