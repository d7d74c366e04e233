//! OSError's own argument handling, as CPython's: `OSError(errno, strerror)` makes the
//! subclass for a known errno (`OSError(2, ...)` is a FileNotFoundError), the
//! `errno`, `strerror`, `filename` and `filename2` attributes come from the
//! arguments, a filename is kept out of `args`, and `str()` shows
//! `[Errno 2] No such file or directory: 'x.txt'`.

use crate::vm::error::{ExcType, PyResult};
use crate::vm::exceptions::exc_data;
use crate::vm::value::{Class, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// The subclass for an errno (Linux numbering), CPython's `errnomap`.
fn subclass_for_errno(errno: i64) -> Option<ExcType> {
    Some(match errno {
        11 | 114 | 115 => ExcType::BlockingIOError, // EAGAIN, EALREADY, EINPROGRESS
        10 => ExcType::ChildProcessError,           // ECHILD
        32 | 108 => ExcType::BrokenPipeError,       // EPIPE, ESHUTDOWN
        103 => ExcType::ConnectionAbortedError,     // ECONNABORTED
        111 => ExcType::ConnectionRefusedError,     // ECONNREFUSED
        104 => ExcType::ConnectionResetError,       // ECONNRESET
        17 => ExcType::FileExistsError,             // EEXIST
        2 => ExcType::FileNotFoundError,            // ENOENT
        21 => ExcType::IsADirectoryError,           // EISDIR
        20 => ExcType::NotADirectoryError,          // ENOTDIR
        4 => ExcType::InterruptedError,             // EINTR
        1 | 13 => ExcType::PermissionError,         // EPERM, EACCES
        3 => ExcType::ProcessLookupError,           // ESRCH
        110 => ExcType::TimeoutError,               // ETIMEDOUT
        _ => return None,
    })
}

/// Do these arguments have OSError's meaning (errno, strerror[, filename[, winerror[,
/// filename2]]])? With one argument or more than five they are plain arguments.
fn has_fields(args: &[Value]) -> bool {
    (2..=5).contains(&args.len())
}

impl Vm {
    /// Is `class` OSError or a subclass of it?
    pub(crate) fn is_os_error(&self, class: &Rc<Class>) -> bool {
        class.is_subclass(self.types.exc(ExcType::OSError))
    }

    /// The class `class(*args)` really makes: OSError itself with a known errno
    /// first makes that errno's subclass.
    pub(crate) fn os_error_class(&self, class: &Rc<Class>, args: &[Value]) -> Rc<Class> {
        if !Rc::ptr_eq(class, self.types.exc(ExcType::OSError)) || !has_fields(args) {
            return class.clone();
        }
        match &args[0] {
            Value::Int(errno) => match subclass_for_errno(*errno) {
                Some(t) => self.types.exc(t).clone(),
                None => class.clone(),
            },
            _ => class.clone(),
        }
    }

    /// Sets a new OSError's `errno`, `strerror`, `filename` and `filename2` from its
    /// arguments (None when they have no such meaning); a filename is not kept in
    /// `args`, which become `(errno, strerror)`.
    pub(crate) fn init_os_error(&self, exc: &Value, args: &[Value]) {
        let Value::Instance(inst) = exc else {
            return;
        };
        let field = |i: usize| {
            if has_fields(args) {
                args.get(i).cloned().unwrap_or(Value::None)
            } else {
                Value::None
            }
        };
        let fields = [
            ("errno", field(0)),
            ("strerror", field(1)),
            ("filename", field(2)),
            ("filename2", field(4)),
        ];
        let Some(data) = inst.exc() else {
            return;
        };
        for (name, v) in fields {
            data.set_field(crate::vm::intern::intern(name), v);
        }
        if has_fields(args) && args.len() > 2 {
            *data.args.borrow_mut() = Value::tuple(args[..2].to_vec());
        }
    }

    /// `str()` of an OSError whose `errno` and `strerror` are set: `[Errno N] text`,
    /// then `: 'filename'` and ` -> 'filename2'` when set. None otherwise (the
    /// generic form applies).
    pub(crate) fn os_error_str(&mut self, exc: &Value) -> PyResult<Option<String>> {
        let Some(data) = exc_data(exc) else {
            return Ok(None);
        };
        let get = |name: &str| data.field(name).unwrap_or(Value::None);
        let (errno, strerror) = (get("errno"), get("strerror"));
        let (filename, filename2) = (get("filename"), get("filename2"));
        if errno.is_none() || strerror.is_none() {
            return Ok(None);
        }
        let mut out = format!(
            "[Errno {}] {}",
            self.str_string(&errno)?,
            self.str_string(&strerror)?
        );
        if !filename.is_none() {
            out.push_str(": ");
            out.push_str(&self.repr_string(&filename)?);
            if !filename2.is_none() {
                out.push_str(" -> ");
                out.push_str(&self.repr_string(&filename2)?);
            }
        }
        Ok(Some(out))
    }
}
