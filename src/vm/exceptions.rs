//! Exception objects: creating them from `PyErr`, `raise` and `raise … from`, matching
//! in `except`, implicit chaining (`__context__`), and the traceback entries (printed by
//! `traceback.rs`).

use crate::compile::code::CodeObject;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{Class, ExcData, Instance, TracebackEntry, TypeKind, Value};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// Appends one traceback line to an exception instance: `code` failed at instruction
/// `ip`.
pub fn add_traceback(exc: &Value, code: &Rc<CodeObject>, ip: usize) {
    if code.hidden_from_tracebacks.get() {
        return;
    }
    if let Some(data) = exc_data(exc) {
        data.traceback.borrow_mut().push(TracebackEntry {
            code: code.clone(),
            line: code.line_at(ip),
            span: code.span_at(ip),
        });
    }
}

/// The exception payload of an exception instance.
/// The fields of built-in exceptions beyond `args`, by class (and for its
/// subclasses): CPython's member descriptors. Each is an attribute that reads None
/// until set (by a keyword argument, the constructor, or a store) and lives in the
/// exception's `ExcData`, not in its `__dict__`.
pub(crate) const EXCEPTION_FIELDS: [(ExcType, &[&str]); 4] = [
    (ExcType::AttributeError, &["name", "obj"]),
    (ExcType::NameError, &["name"]),
    (ExcType::ImportError, &["msg", "name", "path"]),
    (
        ExcType::OSError,
        &["errno", "strerror", "filename", "filename2"],
    ),
];

pub fn exc_data(v: &Value) -> Option<&ExcData> {
    match v {
        Value::Instance(i) => i.exc(),
        _ => None,
    }
}

impl Vm {
    /// The fields `class`'s instances keep natively (`EXCEPTION_FIELDS`).
    pub(crate) fn exception_fields(&self, class: &Rc<Class>) -> &'static [&'static str] {
        EXCEPTION_FIELDS
            .iter()
            .find(|(t, _)| class.is_subclass(self.types.exc(*t)))
            .map_or(&[], |(_, names)| names)
    }

    /// Sets the fields a new built-in exception takes from its arguments: an
    /// OSError's (`init_os_error`), an ImportError's `msg` (its one argument).
    pub(crate) fn init_exception_fields(&self, exc: &Value, args: &[Value]) {
        let class = self.type_of(exc);
        if self.is_os_error(&class) {
            self.init_os_error(exc, args);
        } else if let ([msg], Some(data)) = (args, exc_data(exc)) {
            if class.is_subclass(self.types.exc(ExcType::ImportError)) {
                data.set_field(crate::vm::intern::intern("msg"), msg.clone());
            }
        }
    }

    /// A new instance of a built-in exception type.
    pub fn new_exception(&self, typ: ExcType, args: Vec<Value>) -> Value {
        let class = self.types.exc(typ).clone();
        let msg = match (typ, &args[..]) {
            (ExcType::ImportError | ExcType::ModuleNotFoundError, [msg]) => Some(msg.clone()),
            _ => None,
        };
        let data = ExcData {
            args: RefCell::new(Value::tuple(args)),
            ..ExcData::default()
        };
        if let Some(msg) = msg {
            data.set_field(crate::vm::intern::intern("msg"), msg);
        }
        Value::Instance(Instance::new_exception(class, data))
    }

    /// A built-in exception with a message and attributes of its own (`name` and `obj`
    /// of an AttributeError, `name` of a NameError or ModuleNotFoundError).
    pub fn exception_with_attrs(
        &self,
        typ: ExcType,
        msg: String,
        attrs: Vec<(&str, Value)>,
    ) -> PyErr {
        let exc = self.new_exception(typ, vec![Value::from_string(msg)]);
        if let Some(data) = exc_data(&exc) {
            for (name, v) in attrs {
                data.set_field(crate::vm::intern::intern(name), v);
            }
        }
        PyErr::Raised(exc)
    }

    /// `NameError: name 'x' is not defined`, naming the name (`e.name`).
    pub fn name_error(&self, name: &crate::vm::value::PyStr) -> PyErr {
        self.exception_with_attrs(
            ExcType::NameError,
            format!("name '{}' is not defined", name.as_str()),
            vec![("name", Value::str(name.as_str()))],
        )
    }

    /// Turns an error into an exception instance, chaining it to the exception being
    /// handled (`__context__`).
    pub fn normalize(&mut self, err: PyErr) -> Value {
        let exc = match err {
            PyErr::Raised(v) => v,
            PyErr::New { typ, args } => self.new_exception(typ, args),
        };
        self.set_context(&exc);
        exc
    }

    fn set_context(&self, exc: &Value) {
        let handled = &self.exc_info;
        if matches!(handled, Value::None | Value::Undefined) || handled.is(exc) {
            return;
        }
        if let Some(data) = exc_data(exc) {
            if !data.context.borrow().is_undefined() && !data.context.borrow().is_none() {
                return;
            }
            // Break a cycle: if exc is already in handled's context chain, cut it there.
            let mut cur = handled.clone();
            let mut guard = 0;
            while let Some(d) = exc_data(&cur) {
                let next = d.context.borrow().clone();
                if next.is(exc) {
                    *d.context.borrow_mut() = Value::None;
                    break;
                }
                cur = next;
                guard += 1;
                if guard > 10_000 {
                    break;
                }
            }
            *data.context.borrow_mut() = handled.clone();
        }
    }

    /// `raise exc` / `raise exc from cause`: validates and instantiates.
    pub(crate) fn make_raisable(&mut self, exc: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = self.instantiate_exception(exc, "exceptions must derive from BaseException")?;
        if let Some(cause) = cause {
            let cause = match cause {
                Value::None => Value::None,
                other => self.instantiate_exception(
                    other,
                    "exception causes must derive from BaseException",
                )?,
            };
            if let Some(d) = exc_data(&exc) {
                *d.cause.borrow_mut() = cause;
                d.suppress_context.set(true);
            }
        }
        Ok(PyErr::Raised(exc))
    }

    fn instantiate_exception(&mut self, v: Value, msg: &str) -> PyResult<Value> {
        match &v {
            Value::Class(c) if c.kind == TypeKind::Exception => {
                let inst = self.call(&v, Vec::new())?;
                if exc_data(&inst).is_none() {
                    return Err(PyErr::type_error(msg));
                }
                Ok(inst)
            }
            Value::Instance(i) if i.is_exception() => Ok(v),
            _ => Err(PyErr::type_error(msg)),
        }
    }

    /// Does `exc` match an except clause's type (a class or a tuple of classes)?
    pub(crate) fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Class(c) if c.kind == TypeKind::Exception => {
                Ok(self.type_of(exc).is_subclass(c))
            }
            Value::Tuple(items) => {
                for t in items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// Is `err` an exception of built-in type `typ` (or a subclass)?
    pub fn err_is(&self, err: &PyErr, typ: ExcType) -> bool {
        match err {
            PyErr::New { typ: t, .. } => {
                let class = self.types.exc(*t);
                class.is_subclass(self.types.exc(typ))
            }
            PyErr::Raised(v) => self.type_of(v).is_subclass(self.types.exc(typ)),
        }
    }

    /// `args` of an exception instance.
    pub fn exc_args(&self, exc: &Value) -> Vec<Value> {
        match exc_data(exc).map(|d| d.args.borrow().clone()) {
            Some(Value::Tuple(t)) => (*t).clone(),
            _ => Vec::new(),
        }
    }

    /// `str(exc)`.
    pub fn exc_str(&mut self, exc: &Value) -> PyResult<String> {
        if self.is_os_error(&self.type_of(exc)) {
            if let Some(s) = self.os_error_str(exc)? {
                return Ok(s);
            }
        }
        // An ImportError shows its `msg` when set.
        if let Some(msg) = exc_data(exc).and_then(|d| d.field("msg")) {
            if !msg.is_none() {
                return self.str_string(&msg);
            }
        }
        let args = self.exc_args(exc);
        let is_key_error = self
            .type_of(exc)
            .is_subclass(self.types.exc(ExcType::KeyError));
        let is_group = self
            .type_of(exc)
            .is_subclass(self.types.exc(ExcType::BaseExceptionGroup));
        if is_group && args.len() == 2 {
            let n = match &args[1] {
                Value::List(l) => l.borrow().len(),
                Value::Tuple(t) => t.len(),
                _ => 0,
            };
            let msg = self.str_string(&args[0])?;
            let plural = if n == 1 { "" } else { "s" };
            return Ok(format!("{} ({} sub-exception{})", msg, n, plural));
        }
        match args.len() {
            0 => Ok(String::new()),
            1 if is_key_error => self.repr_string(&args[0]),
            1 => self.str_string(&args[0]),
            _ => self.repr_string(&Value::tuple(args)),
        }
    }

    /// `repr(exc)`: `ValueError('x')`.
    pub fn exc_repr(&mut self, exc: &Value) -> PyResult<String> {
        let name = self.type_of(exc).name.as_str().to_string();
        let args = self.exc_args(exc);
        if args.len() == 1 {
            let r = self.repr_string(&args[0])?;
            return Ok(format!("{}({})", name, r));
        }
        let r = self.repr_string(&Value::tuple(args))?;
        if r == "()" {
            return Ok(format!("{}()", name));
        }
        Ok(format!("{}{}", name, r))
    }
}
