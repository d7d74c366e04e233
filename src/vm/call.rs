//! Calling: binding arguments to parameters with CPython's TypeError messages, pushing
//! frames for Baton functions, running natives, instantiating classes, and the nested
//! run used when a native calls back into the language.

use crate::vm::dict::Dict;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::frame::OnReturn;
use crate::vm::interp::RunExit;
use crate::vm::shape::Attrs;
use crate::vm::value::{
    BoundMethod, Class, ExcData, Function, GenKind, Instance, PyStr, TypeKind, Value,
};
use crate::vm::Vm;
use std::cell::RefCell;
use std::rc::Rc;

/// The result of starting a call from the run loop.
pub enum CallOutcome {
    /// The call finished with this value.
    Done(Value),
    /// A frame was pushed; its return value will arrive on the caller's stack.
    Pushed,
}

/// The most runs of the loop that may nest (`Vm::max_nested_runs`). A nested run
/// takes about 4-5 KiB of Rust stack on the paths measured (`__getattr__`, a
/// generator a native drives, `__repr__`, `__eq__`, a sort key): the thread's 1 GiB
/// holds some 200,000, so 20,000 leaves a tenfold margin. (An unoptimised build's
/// frames are several times larger.)
const MAX_NESTED_RUNS: usize = if cfg!(debug_assertions) {
    2_000
} else {
    20_000
};

impl Vm {
    /// Calls any callable from Rust and returns its result (a nested run of the loop
    /// when the callee is a Baton function).
    pub fn call(&mut self, callee: &Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_kw(callee, args, Vec::new())
    }

    pub fn call_kw(
        &mut self,
        callee: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<Value> {
        // A plain Baton function taking exactly these positional arguments (a sort
        // key, a done-callback, `map`'s function): its frame is entered as the run
        // loop enters one, the callee and the arguments moved onto the stack as its
        // first slots, without the general binding's buffer.
        if let Value::Function(f) = callee {
            if kwargs.is_empty() && self.can_enter_plain(f, args.len()) {
                let n = args.len();
                self.stack.reserve(n + 1);
                self.stack.push(callee.clone());
                self.stack.extend(args);
                self.push_fast_frame(f, n, 1);
                return self.run_pushed();
            }
        }
        match self.invoke(callee.clone(), args, kwargs)? {
            CallOutcome::Done(v) => Ok(v),
            CallOutcome::Pushed => self.run_pushed(),
        }
    }

    /// `call` with one argument: for a plain Baton function (a sort or `min` key,
    /// `map`'s or `filter`'s function, a done-callback) the argument goes straight
    /// onto the stack, with no vector made for it. (It is pushed by itself, not
    /// through `call_kw`'s code over an iterator: moved as an `Option<Value>`, the
    /// value cost 18 more instructions a call.)
    pub fn call1(&mut self, callee: &Value, arg: Value) -> PyResult<Value> {
        if let Value::Function(f) = callee {
            if self.can_enter_plain(f, 1) {
                self.stack.reserve(2);
                self.stack.push(callee.clone());
                self.stack.push(arg);
                self.push_fast_frame(f, 1, 1);
                return self.run_pushed();
            }
        }
        self.call(callee, vec![arg])
    }

    /// Can a native's call of `f` with `nargs` positional arguments enter its frame
    /// the way the run loop does (exact positional arity, room under the limit)?
    #[inline]
    fn can_enter_plain(&self, f: &crate::vm::value::Function, nargs: usize) -> bool {
        f.code.fast_call_ok(nargs) && self.frames.len() < self.recursion_limit
    }

    /// Runs the frame just pushed to completion as an entry frame.
    pub(crate) fn run_pushed(&mut self) -> PyResult<Value> {
        if self.nested_runs >= self.max_nested_runs() {
            let f = self.pop_frame();
            self.recycle(f);
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        if let Some(f) = self.frames.last_mut() {
            f.is_entry = true;
        }
        self.nested_runs += 1;
        let r = self.run_loop();
        self.nested_runs -= 1;
        match r? {
            RunExit::Return(v) => Ok(v),
            RunExit::Yield(_) => Err(PyErr::runtime_error("unexpected yield in a nested call")),
            RunExit::Escape(e) => Err(e),
        }
    }

    /// How many runs of the loop may nest (natives calling back into Baton: a
    /// `__getattr__` that reads an attribute, a `__repr__` that reprs, a sort key).
    /// Each takes Rust stack, so however high `sys.setrecursionlimit` is set, the
    /// nesting stays within `MAX_NESTED_RUNS`, well inside the interpreter thread's
    /// stack (`run::STACK_SIZE`): a RecursionError, never a stack overflow.
    pub(crate) fn max_nested_runs(&self) -> usize {
        (self.recursion_limit + 50).min(MAX_NESTED_RUNS)
    }

    /// The check a built-in type's method taken from the type makes of its first
    /// argument (`NativeFunction::self_class`): there must be one, and of that type
    /// (or a subclass), with CPython's messages: a slot wrapper's (`int.__add__`) for
    /// a dunder, a method descriptor's (`list.append`) otherwise.
    pub(crate) fn check_descriptor_self(
        &self,
        f: &crate::vm::value::NativeFunction,
        first: Option<&Value>,
    ) -> PyResult<()> {
        let Some(class) = &f.self_class else {
            return Ok(());
        };
        let (name, owner) = (f.name, class.name.as_str());
        let method_style = !f.is_slot_wrapper();
        let Some(first) = first else {
            return Err(PyErr::type_error(if method_style {
                format!("unbound method {owner}.{name}() needs an argument")
            } else {
                format!("descriptor '{name}' of '{owner}' object needs an argument")
            }));
        };
        let actual = self.type_of(first);
        if actual.is_subclass(class) {
            return Ok(());
        }
        let actual = actual.name.as_str();
        Err(PyErr::type_error(if method_style {
            format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{actual}' object"
            )
        } else {
            format!("descriptor '{name}' requires a '{owner}' object but received a '{actual}'")
        }))
    }

    /// Starts a call. Baton functions get a frame pushed; everything else runs now.
    pub(crate) fn invoke(
        &mut self,
        callee: Value,
        mut args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<CallOutcome> {
        match callee {
            Value::Function(f) => self.call_function(&f, args, kwargs, OnReturn::Value),
            Value::Native(n) => {
                self.check_descriptor_self(&n, args.first())?;
                Ok(CallOutcome::Done((n.func)(self, &args, &kwargs)?))
            }
            Value::BoundMethod(m) => {
                args.insert(0, m.self_.clone());
                self.invoke(m.func.clone(), args, kwargs)
            }
            Value::Class(c) => self.instantiate(&c, args, kwargs),
            Value::Instance(ref inst) => {
                let class = inst.class.clone();
                match class.lookup(&self.intern("__call__")) {
                    Some(call) => {
                        args.insert(0, callee.clone());
                        self.invoke(call, args, kwargs)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not callable",
                        class.name.as_str()
                    ))),
                }
            }
            Value::StaticMethod(f) => self.invoke((*f).clone(), args, kwargs),
            other => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                self.type_name(&other)
            ))),
        }
    }

    /// Binds arguments and pushes a frame for a Baton function (or creates the
    /// generator/coroutine object that will own the frame).
    pub(crate) fn call_function(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
        on_return: OnReturn,
    ) -> PyResult<CallOutcome> {
        let code = &f.code;
        // (Creating a generator enters no frame: its first resumption is checked.)
        if self.frames.len() >= self.recursion_limit && !code.is_generator_like() {
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let mut frame = self.new_frame(code.clone(), f.globals.clone());
        frame.on_return = on_return;
        let nlocals = code.nlocals();
        let argcount = code.argcount as usize;
        // Positional arguments only, each parameter bound once: those not given take
        // their defaults, and so do keyword-only parameters (when every one has a
        // default, in order).
        let kwonly = code.kwonlyargcount as usize;
        let simple = kwargs.is_empty()
            && args.len() <= argcount
            && args.len() + f.defaults.len() >= argcount
            && !code.flags.varargs
            && !code.flags.varkeywords
            && (kwonly == 0 || kwonly_defaults_in_order(f, argcount, kwonly));
        // Locals are bound in the frame's parking buffer, then moved onto the value
        // stack (or left there when the call creates a generator).
        if simple {
            let given = args.len();
            frame.saved.extend(args);
            if given < argcount {
                let first_default = argcount.saturating_sub(f.defaults.len());
                let rest = f.defaults.get(given - first_default..).unwrap_or(&[]);
                frame.saved.extend(rest.iter().cloned());
            }
            if kwonly > 0 {
                frame
                    .saved
                    .extend(f.kwdefaults.iter().map(|(_, v)| v.clone()));
            }
            frame.saved.resize(nlocals, Value::Undefined);
        } else if let Err(e) = self.bind_args(f, args, kwargs, &mut frame.saved) {
            self.recycle(frame);
            return Err(e);
        }
        for _ in 0..code.cellvars.len() {
            frame.cells.push(Rc::new(RefCell::new(Value::Undefined)));
        }
        for &(cell, arg) in &code.cell2arg {
            let v = std::mem::take(&mut frame.saved[arg as usize]);
            *frame.cells[cell as usize].borrow_mut() = v;
        }
        frame.cells.extend(f.closure.iter().cloned());
        if code.is_generator_like() {
            let parked = self.park_new_frame(frame, GenKind::of(code));
            return Ok(CallOutcome::Done(self.new_generator(f, parked)));
        }
        frame.base = self.stack.len();
        frame.ret_to = frame.base;
        self.stack.append(&mut frame.saved);
        self.stack.reserve(code.stacksize as usize);
        self.count_step();
        self.frames.push(frame);
        Ok(CallOutcome::Pushed)
    }

    /// General argument binding with CPython's error messages.
    #[allow(clippy::needless_range_loop)] // `i` indexes the locals and the names alike
    fn bind_args(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
        locals: &mut Vec<Value>,
    ) -> PyResult<()> {
        let code = &f.code;
        let fname = f.qualname.borrow().clone();
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let nlocals = code.nlocals();
        locals.clear();
        locals.resize(nlocals, Value::Undefined);
        let nargs = args.len();
        // The arguments past the positional parameters, in their own buffer (all of
        // `args`' when there are none: `*args` takes it over without a copy).
        let mut args = args;
        let extra = if nargs <= argcount {
            Vec::new()
        } else if argcount == 0 {
            std::mem::take(&mut args)
        } else {
            args.split_off(argcount)
        };
        for (i, a) in args.into_iter().enumerate() {
            locals[i] = a;
        }
        let mut slot = argcount + kwonly;
        if code.flags.varargs {
            locals[slot] = Value::tuple(extra);
            slot += 1;
        } else if !extra.is_empty() {
            let given_kw = kwargs
                .iter()
                .filter(|(k, _)| {
                    code.varnames[..argcount]
                        .iter()
                        .any(|v| v.as_str() == k.as_str())
                })
                .count();
            let ndefaults = f.defaults.len();
            let takes = if ndefaults > 0 {
                format!("from {} to {}", argcount - ndefaults, argcount)
            } else {
                format!("{}", argcount)
            };
            let plural = if argcount == 1 && ndefaults == 0 {
                ""
            } else {
                "s"
            };
            let kwpart = if given_kw > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if nargs == 1 { "" } else { "s" },
                    given_kw,
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            let was = if nargs == 1 { "was" } else { "were" };
            return Err(PyErr::type_error(if given_kw > 0 {
                format!(
                    "{}() takes {} positional argument{} but {}{} were given",
                    fname.as_str(),
                    takes,
                    plural,
                    nargs,
                    kwpart
                )
            } else {
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    fname.as_str(),
                    takes,
                    plural,
                    nargs,
                    was
                )
            }));
        }
        let kwdict_slot = if code.flags.varkeywords {
            Some(slot)
        } else {
            None
        };
        let mut kwdict = Dict::new();
        let posonly = code.posonlyargcount as usize;
        if kwdict_slot.is_none() {
            // Positional-only parameters named by keyword, all reported at once.
            let named: Vec<&str> = kwargs
                .iter()
                .map(|(name, _)| name.as_str())
                .filter(|n| code.varnames[..posonly].iter().any(|v| v.as_str() == *n))
                .collect();
            if !named.is_empty() {
                return Err(PyErr::type_error(format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    fname.as_str(),
                    named.join(", ")
                )));
            }
        }
        for (name, value) in kwargs {
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|v| v.as_str() == name.as_str());
            match pos {
                Some(i) if i >= posonly => {
                    if !locals[i].is_undefined() {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            fname.as_str(),
                            name.as_str()
                        )));
                    }
                    locals[i] = value;
                }
                _ => {
                    if kwdict_slot.is_some() {
                        kwdict.set_str(name, value);
                    } else {
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            fname.as_str(),
                            name.as_str()
                        )));
                    }
                }
            }
        }
        // Defaults for positional parameters.
        let ndefaults = f.defaults.len();
        let first_default = argcount - ndefaults.min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_undefined() {
                if i >= first_default {
                    locals[i] = f.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                fname.as_str(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let mut missing_kw = Vec::new();
        for i in argcount..argcount + kwonly {
            if locals[i].is_undefined() {
                let name = &code.varnames[i];
                match f
                    .kwdefaults
                    .iter()
                    .find(|(k, _)| k.as_str() == name.as_str())
                {
                    Some((_, v)) => locals[i] = v.clone(),
                    None => missing_kw.push(name.clone()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                fname.as_str(),
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                name_list(&missing_kw)
            )));
        }
        if let Some(s) = kwdict_slot {
            locals[s] = Value::dict(kwdict);
        }
        Ok(())
    }

    /// `Class(args)`: instances of user classes run `__init__` in a new frame.
    fn instantiate(
        &mut self,
        class: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<CallOutcome> {
        match class.kind {
            TypeKind::Builtin => {
                if Rc::ptr_eq(class, &self.types.type_) && args.len() == 1 && kwargs.is_empty() {
                    return Ok(CallOutcome::Done(Value::Class(self.type_of(&args[0]))));
                }
                let ctor = class.lookup(&self.intern("__new__"));
                match ctor {
                    Some(Value::Native(n)) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(Value::Class(class.clone()));
                        full.extend(args);
                        Ok(CallOutcome::Done((n.func)(self, &full, &kwargs)?))
                    }
                    _ => Err(PyErr::type_error(format!(
                        "cannot create '{}' instances",
                        class.name.as_str()
                    ))),
                }
            }
            TypeKind::Object if class.defines_new() => {
                self.instantiate_with_new(class, args, kwargs)
            }
            TypeKind::Object | TypeKind::Exception => {
                let is_exc = class.kind == TypeKind::Exception;
                let os_error = is_exc && self.is_os_error(class);
                let mapped;
                let class = if os_error {
                    mapped = self.os_error_class(class, &args);
                    &mapped
                } else if is_exc && class.is_subclass(self.types.exc(ExcType::BaseExceptionGroup)) {
                    mapped = self.exception_group_class(class, &args)?;
                    &mapped
                } else {
                    class
                };
                let instance = Value::Instance(if is_exc {
                    Instance::new_exception(
                        class.clone(),
                        ExcData {
                            args: RefCell::new(Value::tuple(args.clone())),
                            ..ExcData::default()
                        },
                    )
                } else {
                    Rc::new(Instance {
                        class: class.clone(),
                        attrs: crate::vm::shape::AttrCell::default(),
                    })
                });
                if is_exc {
                    self.init_exception_fields(&instance, &args);
                }
                match class.lookup(&self.types.init_name) {
                    Some(init) if !is_native_object_init(&init) => {
                        self.run_init(instance, init, args, kwargs)
                    }
                    _ => {
                        if !is_exc && (!args.is_empty() || !kwargs.is_empty()) {
                            return Err(PyErr::type_error(format!(
                                "{}() takes no arguments",
                                class.name.as_str()
                            )));
                        }
                        crate::vm::methods::constructors::exception_keywords(
                            self, &instance, &kwargs,
                        )?;
                        Ok(CallOutcome::Done(instance))
                    }
                }
            }
        }
    }

    /// Calls a class that has its own `__new__`: that, with the class and the
    /// arguments; then, when it returned an instance of the class, its `__init__`
    /// with the same arguments (as `type.__call__` does).
    fn instantiate_with_new(
        &mut self,
        class: &Rc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<CallOutcome> {
        let new = match class.lookup(&self.intern("__new__")) {
            Some(Value::StaticMethod(f)) => (*f).clone(),
            Some(other) => other,
            None => return Err(PyErr::type_error("class has no __new__")),
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(Value::Class(class.clone()));
        full.extend(args.iter().cloned());
        let obj = self.call_kw(&new, full, kwargs.clone())?;
        let is_instance = matches!(&obj, Value::Instance(i) if i.class.is_subclass(class));
        if !is_instance {
            return Ok(CallOutcome::Done(obj));
        }
        match class.lookup(&self.types.init_name) {
            Some(init) if !is_native_object_init(&init) => self.run_init(obj, init, args, kwargs),
            // (`object.__init__` ignores the arguments when `__new__` took them.)
            _ => Ok(CallOutcome::Done(obj)),
        }
    }

    /// Runs a class's own `__init__` on the new `instance`: a Baton function in a
    /// frame of its own, which hands back the instance (and checks that it returned
    /// None, `OnReturn::Init`); anything else called here.
    fn run_init(
        &mut self,
        instance: Value,
        init: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<PyStr>, Value)>,
    ) -> PyResult<CallOutcome> {
        let mut full = Vec::with_capacity(args.len() + 1);
        full.push(instance.clone());
        full.extend(args);
        match init {
            Value::Function(f) => self.call_function(&f, full, kwargs, OnReturn::Init(instance)),
            other => {
                self.call_kw(&other, full, kwargs)?;
                Ok(CallOutcome::Done(instance))
            }
        }
    }

    /// CallFunction on a user class whose `__init__` is a plain Baton function taking
    /// the arguments positionally: the new instance replaces the class on the value
    /// stack and becomes `self` of the `__init__` frame, pushed without moving the
    /// arguments. False (nothing done) when the general path must take the call.
    pub(crate) fn try_fast_instantiate(
        &mut self,
        n: usize,
        cache: &crate::vm::cache::InlineCache,
    ) -> bool {
        let at = self.stack.len() - n - 1;
        let Value::Class(class) = &self.stack[at] else {
            return false;
        };
        if class.kind != TypeKind::Object || class.defines_new() {
            return false;
        }
        // `__init__` as found at this call site before (see `vm::cache`), borrowed
        // from the class dict: no Baton code runs before the frame is pushed.
        if cache.cached_ref(class).is_none() {
            drop(cache.method(class, &self.types.init_name));
        }
        let Some(Value::Function(f)) = cache.cached_ref(class) else {
            return false;
        };
        if !f.code.fast_call_ok(n + 1) {
            return false;
        }
        let f: *const Function = Rc::as_ptr(f);
        // A `__init__` that only stores runs without a frame (`vm::instance_init`).
        // SAFETY: `f` is in the class dict, and no Baton code runs in there.
        if unsafe { self.init_in_place(at, n, f) } {
            return true;
        }
        // The class's reference moves from its stack slot into the instance, which
        // takes the slot (as `self`) and is also what the `__init__` frame returns.
        let slot: *mut Value = &mut self.stack[at];
        // SAFETY: the slot is read once here and written once below, before anything
        // else can see it.
        let class = match unsafe { slot.read() } {
            Value::Class(class) => class,
            other => {
                unsafe { slot.write(other) };
                return false;
            }
        };
        let room = class.instance_slots.get() as usize;
        let instance = crate::vm::instance_pool::new_instance(class, Attrs::with_capacity(room));
        // (Each value is made from the pointer, rather than one copied from the
        // other just after it was built: see `value::write_words`.)
        unsafe { slot.write(Value::Instance(instance.clone())) };
        // SAFETY: the class dict holding `__init__` is alive (the instance holds the
        // class) and unchanged (no Baton code ran).
        self.push_fast_frame(unsafe { &*f }, n + 1, 0);
        if let Some(frame) = self.frames.last_mut() {
            let init = OnReturn::Init(Value::Instance(instance));
            if matches!(frame.on_return, OnReturn::Value) {
                // A pooled frame's usual state: nothing to drop.
                // SAFETY: `OnReturn::Value` owns nothing.
                unsafe { std::ptr::write(&mut frame.on_return, init) };
            } else {
                frame.on_return = init;
            }
        }
        true
    }

    /// Calls a native with the `n` arguments on top of the value stack (and the callee
    /// under them) and pushes the result. Up to `INLINE_ARGS` arguments move into an
    /// array on the Rust stack (natives may call back into Baton, which may grow and
    /// move the value stack, so they cannot be lent in place); more go through a
    /// pooled buffer.
    pub(crate) fn call_native_in_place(
        &mut self,
        func: crate::vm::value::NativeFn,
        n: usize,
    ) -> PyResult<()> {
        const INLINE_ARGS: usize = 6;
        let len = self.stack.len();
        if n >= len {
            return Err(PyErr::runtime_error("native call without its callee"));
        }
        if n > INLINE_ARGS {
            return self.call_native_pooled(func, n);
        }
        let mut held = [const { std::mem::MaybeUninit::<Value>::uninit() }; INLINE_ARGS + 1];
        // SAFETY: the callee and the `n` arguments move (whole, see `copy_whole`) from
        // the top of the stack, whose length is cut first, into `held`; each is
        // dropped exactly once below.
        let args: &[Value] = unsafe {
            let src = self.stack.as_ptr().add(len - n - 1);
            for (i, slot) in held.iter_mut().enumerate().take(n + 1) {
                crate::vm::value::copy_whole(src.add(i), slot.as_mut_ptr());
            }
            self.stack.set_len(len - n - 1);
            std::slice::from_raw_parts(held.as_ptr().add(1).cast::<Value>(), n)
        };
        let r = func(self, args, &[]);
        // SAFETY: as above; the arguments and the callee are read out once each.
        unsafe {
            for slot in held.iter().take(n + 1) {
                slot.as_ptr().read().release();
            }
        }
        let r = r?;
        self.stack.reserve(1);
        // SAFETY: there is room for one more value, written whole (see `write_whole`).
        unsafe {
            let end = self.stack.len();
            r.write_whole(self.stack.as_mut_ptr().add(end));
            self.stack.set_len(end + 1);
        }
        Ok(())
    }

    /// `call_native_in_place` for a call with many arguments: they move into a buffer
    /// from a pool (natives may re-enter here).
    #[inline(never)]
    fn call_native_pooled(&mut self, func: crate::vm::value::NativeFn, n: usize) -> PyResult<()> {
        let len = self.stack.len();
        let mut args = self.arg_pool.pop().unwrap_or_default();
        args.reserve(n);
        // SAFETY: the `n` arguments move from the top of the stack (whose length is cut
        // first) into the buffer's room, each exactly once.
        unsafe {
            self.stack.set_len(len - n);
            std::ptr::copy_nonoverlapping(self.stack.as_ptr().add(len - n), args.as_mut_ptr(), n);
            args.set_len(n);
        }
        let callee = self.stack.pop();
        let r = func(self, &args, &[]);
        args.clear();
        drop(callee);
        if args.capacity() <= 64 && self.arg_pool.len() < 16 {
            self.arg_pool.push(args);
        }
        let r = r?;
        self.stack.push(r);
        Ok(())
    }

    /// BuildClass: runs the class body in a frame with a fresh namespace.
    pub(crate) fn start_class_body(
        &mut self,
        body: Value,
        name: Value,
        bases: Vec<Value>,
        keywords: Value,
    ) -> PyResult<()> {
        let Value::Function(f) = body else {
            return Err(PyErr::type_error("class body is not a function"));
        };
        self.call_function(
            &f,
            Vec::new(),
            Vec::new(),
            OnReturn::BuildClass(Box::new((name, bases, keywords))),
        )?;
        let ns = Rc::new(RefCell::new(Dict::new()));
        let module_name = f
            .globals
            .get("__name__")
            .unwrap_or_else(|| Value::str("__main__"));
        ns.borrow_mut()
            .set_str(self.intern("__module__"), module_name);
        ns.borrow_mut().set_str(
            self.intern("__qualname__"),
            Value::Str(f.qualname.borrow().clone()),
        );
        if let Some(frame) = self.frames.last_mut() {
            frame.namespace = Some(ns);
        }
        Ok(())
    }

    /// The class body returned its namespace: create the class.
    pub(crate) fn finish_class(
        &mut self,
        namespace: Value,
        name: Value,
        bases: Vec<Value>,
        keywords: Value,
    ) -> PyResult<Value> {
        let Value::Dict(ns) = namespace else {
            return Err(PyErr::type_error("class body did not return its namespace"));
        };
        let Value::Str(name) = name else {
            return Err(PyErr::type_error("class name must be a string"));
        };
        let mut base_classes = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => base_classes.push(c),
                other => {
                    return Err(PyErr::type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(&other)
                    )))
                }
            }
        }
        let mut dict = ns.borrow().clone();
        let cell = dict.remove_str(&PyStr::new("__classcell__"));
        let qualname = match dict.get_str(&PyStr::new("__qualname__")) {
            Some(Value::Str(s)) => s,
            _ => name.clone(),
        };
        dict.remove_str(&PyStr::new("__qualname__"));
        // `__init_subclass__` is a class method whether or not it says so, and
        // `__new__` a static method.
        let init_subclass = self.intern("__init_subclass__");
        if let Some(f @ Value::Function(_)) = dict.get_str(&init_subclass) {
            dict.set_str(init_subclass, Value::ClassMethod(Rc::new(f)));
        }
        let new = self.intern("__new__");
        if let Some(f @ Value::Function(_)) = dict.get_str(&new) {
            dict.set_str(new, Value::StaticMethod(Rc::new(f)));
        }
        let module = match dict.get_str(&PyStr::new("__module__")) {
            Some(Value::Str(s)) => s,
            _ => self.intern("__main__"),
        };
        // A class without a docstring has `__doc__` None in its own dict, as `type`
        // gives it.
        let doc = self.intern("__doc__");
        if dict.get_str(&doc).is_none() {
            dict.set_str(doc, Value::None);
        }
        let class = crate::vm::types::new_class(
            name,
            qualname,
            module,
            base_classes,
            dict,
            &self.types.object,
        )?;
        if let Some(Value::Cell(c)) = cell {
            *c.borrow_mut() = Value::Class(class.clone());
        }
        self.set_names(&class)?;
        self.init_subclass(&class, keywords)?;
        Ok(Value::Class(class))
    }

    /// Calls `__set_name__(class, name)` on each attribute of the new class that
    /// defines it (descriptors learning their name), in the class body's order.
    fn set_names(&mut self, class: &Rc<Class>) -> PyResult<()> {
        let set_name = self.intern("__set_name__");
        let attrs: Vec<(Value, Value)> = class
            .dict
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, value) in attrs {
            if !matches!(value, Value::Instance(_)) {
                continue;
            }
            if let Some(hook) = self.type_of(&value).lookup(&set_name) {
                let bound = self.bind(hook, value.clone());
                self.call(&bound, vec![Value::Class(class.clone()), name])?;
            }
        }
        Ok(())
    }

    /// Calls the `__init_subclass__` that the new class's bases provide (the first
    /// along its MRO after itself; `object`'s takes no keywords) with the class and
    /// the class statement's keywords.
    fn init_subclass(&mut self, class: &Rc<Class>, keywords: Value) -> PyResult<()> {
        let name = self.intern("__init_subclass__");
        let Some(hook) = class
            .mro
            .iter()
            .find_map(|c| c.dict.borrow().get_str(&name))
        else {
            return Ok(());
        };
        let kwargs = match &keywords {
            Value::Dict(d) => d
                .borrow()
                .items()
                .into_iter()
                .map(|(k, v)| match k {
                    Value::Str(k) => Ok((k, v)),
                    _ => Err(PyErr::type_error("keywords must be strings")),
                })
                .collect::<PyResult<Vec<_>>>()?,
            _ => Vec::new(),
        };
        let hook = match hook {
            Value::ClassMethod(f) => (*f).clone(),
            other => other,
        };
        let cls = Value::Class(class.clone());
        self.call_kw(&hook, vec![cls], kwargs)?;
        Ok(())
    }

    /// Binds a function found on a type to its instance.
    pub fn bind(&self, func: Value, obj: Value) -> Value {
        Value::BoundMethod(Rc::new(BoundMethod { func, self_: obj }))
    }
}

/// Whether `v` is `object.__init__` (or `BaseException`'s), which a new instance
/// need not run.
pub(crate) fn is_native_object_init(v: &Value) -> bool {
    matches!(v, Value::Native(n) if n.name == "__init__" && (n.owner == "object" || n.owner == "BaseException"))
}

/// `'a', 'b' and 'c'` as CPython lists missing arguments.
fn name_list(names: &[Rc<PyStr>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n.as_str())).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// Whether `f`'s keyword-only defaults are exactly its keyword-only parameters, in
/// order (so a call giving none of them binds them by position).
pub(crate) fn kwonly_defaults_in_order(f: &Function, argcount: usize, kwonly: usize) -> bool {
    f.kwdefaults.len() == kwonly
        && f.code
            .varnames
            .get(argcount..argcount + kwonly)
            .is_some_and(|names| {
                names
                    .iter()
                    .zip(f.kwdefaults.iter())
                    .all(|(n, (k, _))| Rc::ptr_eq(n, k) || n.as_str() == k.as_str())
            })
}
