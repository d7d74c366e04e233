//! Exception groups as CPython 3.11's (PEP 654): the constructor's checks (a str
//! message and a non-empty sequence of exceptions; `BaseExceptionGroup` of
//! Exceptions only is an `ExceptionGroup`, which refuses to hold other
//! BaseExceptions), and `derive`, `split` and `subgroup`, which take a group apart
//! by an exception type, a tuple of them, or a predicate, keeping the nesting and
//! copying the traceback, cause, context and notes to each part.

use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::exceptions::exc_data;
use crate::vm::methods::check_args;
use crate::vm::types::add_methods;
use crate::vm::value::{Class, KwArgs, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn install(vm: &mut Vm) {
    let class = vm.types.exc(ExcType::BaseExceptionGroup).clone();
    add_methods(
        &class,
        "BaseExceptionGroup",
        &[("derive", derive), ("split", split), ("subgroup", subgroup)],
    );
}

impl Vm {
    fn is_group(&self, v: &Value) -> bool {
        self.type_of(v)
            .is_subclass(self.types.exc(ExcType::BaseExceptionGroup))
    }

    /// Checks a new group's arguments and gives the class it really is: a
    /// `BaseExceptionGroup` of Exceptions only is an `ExceptionGroup`.
    pub(crate) fn exception_group_class(
        &self,
        class: &Rc<Class>,
        args: &[Value],
    ) -> PyResult<Rc<Class>> {
        let [message, excs] = args else {
            return Err(PyErr::type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        };
        if !matches!(message, Value::Str(_)) {
            return Err(PyErr::type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                self.type_name(message)
            )));
        }
        let items = match excs {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            _ => {
                return Err(PyErr::type_error(
                    "second argument (exceptions) must be a sequence",
                ))
            }
        };
        if items.is_empty() {
            return Err(PyErr::value_error(
                "second argument (exceptions) must be a non-empty sequence",
            ));
        }
        let base = self.types.exc(ExcType::BaseException);
        let exception = self.types.exc(ExcType::Exception);
        let mut all_exceptions = true;
        for (i, item) in items.iter().enumerate() {
            let t = self.type_of(item);
            if !matches!(item, Value::Instance(_)) || !t.is_subclass(base) {
                return Err(PyErr::value_error(format!(
                    "Item {} of second argument (exceptions) is not an exception",
                    i
                )));
            }
            all_exceptions &= t.is_subclass(exception);
        }
        let group = self.types.exc(ExcType::BaseExceptionGroup);
        if Rc::ptr_eq(class, group) {
            if all_exceptions {
                return Ok(self.types.exc(ExcType::ExceptionGroup).clone());
            }
        } else if class.is_subclass(exception) && !all_exceptions {
            let eg = self.types.exc(ExcType::ExceptionGroup);
            return Err(PyErr::type_error(if Rc::ptr_eq(class, eg) {
                "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
            } else {
                format!("Cannot nest BaseExceptions in '{}'", class.name.as_str())
            }));
        }
        Ok(class.clone())
    }

    /// A group's message and its exceptions.
    fn group_parts(&self, group: &Value) -> (Value, Vec<Value>) {
        let args = self.exc_args(group);
        let message = args.first().cloned().unwrap_or(Value::None);
        let excs = match args.get(1) {
            Some(Value::List(l)) => l.borrow().clone(),
            Some(Value::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        (message, excs)
    }
}

/// What `split` and `subgroup` test each exception against.
enum Matcher {
    Types(Value),
    Predicate(Value),
}

impl Matcher {
    fn new(vm: &Vm, condition: &Value) -> PyResult<Matcher> {
        let base = vm.types.exc(ExcType::BaseException);
        let is_exc_type = |v: &Value| matches!(v, Value::Class(c) if c.is_subclass(base));
        match condition {
            v if is_exc_type(v) => Ok(Matcher::Types(v.clone())),
            Value::Tuple(t) if t.iter().all(is_exc_type) => Ok(Matcher::Types(condition.clone())),
            v if crate::modules::builtins::is_callable(vm, v) && !matches!(v, Value::Class(_)) => {
                Ok(Matcher::Predicate(v.clone()))
            }
            _ => Err(PyErr::type_error(
                "expected a function, exception type or tuple of exception types",
            )),
        }
    }

    fn matches(&self, vm: &mut Vm, exc: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(types) => {
                let t = vm.type_of(exc);
                Ok(match types {
                    Value::Class(c) => t.is_subclass(c),
                    Value::Tuple(items) => items
                        .iter()
                        .any(|c| matches!(c, Value::Class(c) if t.is_subclass(c))),
                    _ => false,
                })
            }
            Matcher::Predicate(f) => {
                let r = vm.call(f, vec![exc.clone()])?;
                vm.truthy(&r)
            }
        }
    }
}

/// `group.derive(excs)`: a group with the same message and these exceptions.
fn derive(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("derive", args, kw, 1, 1)?;
    let (message, _) = vm.group_parts(&args[0]);
    let class = Value::Class(vm.types.exc(ExcType::BaseExceptionGroup).clone());
    vm.call(&class, vec![message, args[1].clone()])
}

/// `group` cut down to `excs`: nothing when there are none, else its `derive(excs)`
/// with its traceback, cause, context and notes (a new group even when `excs` are
/// all of its exceptions, as in CPython).
fn subset(vm: &mut Vm, group: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let derive_name = vm.intern("derive");
    let derive = vm.get_attr(group, &derive_name)?;
    let part = vm.call(&derive, vec![Value::list(excs)])?;
    if !vm.is_group(&part) {
        return Err(PyErr::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    }
    if let (Some(from), Some(to)) = (exc_data(group), exc_data(&part)) {
        *to.traceback.borrow_mut() = from.traceback.borrow().clone();
        *to.cause.borrow_mut() = from.cause.borrow().clone();
        *to.context.borrow_mut() = from.context.borrow().clone();
        to.suppress_context.set(from.suppress_context.get());
    }
    let notes = vm.intern("__notes__");
    if let Some(n) = vm.try_get_attr(group, &notes)? {
        vm.set_attr(&part, &notes, n)?;
    }
    Ok(Some(part))
}

/// The parts of `exc` that match and (when `with_rest`) that do not.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    matcher: &Matcher,
    with_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matcher.matches(vm, exc)? {
        return Ok((Some(exc.clone()), None));
    }
    if !vm.is_group(exc) {
        return Ok((None, with_rest.then(|| exc.clone())));
    }
    let (_, excs) = vm.group_parts(exc);
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for e in &excs {
        let (m, r) = split_recursive(vm, e, matcher, with_rest)?;
        matched.extend(m);
        rest.extend(r);
    }
    let matched = subset(vm, exc, matched)?;
    let rest = if with_rest {
        subset(vm, exc, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// `group.split(condition)`: `(match, rest)`, each a group or None.
fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("split", args, kw, 1, 1)?;
    let matcher = Matcher::new(vm, &args[1])?;
    let (m, r) = split_recursive(vm, &args[0], &matcher, true)?;
    Ok(Value::tuple(vec![
        m.unwrap_or(Value::None),
        r.unwrap_or(Value::None),
    ]))
}

/// `group.subgroup(condition)`: the matching part, or None.
fn subgroup(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_args("subgroup", args, kw, 1, 1)?;
    let matcher = Matcher::new(vm, &args[1])?;
    let (m, _) = split_recursive(vm, &args[0], &matcher, false)?;
    Ok(m.unwrap_or(Value::None))
}
