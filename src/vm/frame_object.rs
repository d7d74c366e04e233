//! Frame objects for the running frames (`sys._getframe`, `inspect.currentframe`,
//! `f_back`).
//!
//! A generator's or coroutine's frame object is the generator itself
//! (`Value::Frame`), live for as long as the generator lives. Any other frame is a
//! plain function's (or a module's, or a class body's) on the VM's frame stack, and
//! its box is reused once it returns; its frame object is an instance of `frame`
//! that knows the activation by an id (`Frame::object_id`, given on first request
//! and cleared when the box is reused). While that activation runs, `f_lineno`,
//! `f_lasti`, `f_locals` and `f_back` are read from it; after it returned, they are
//! what they were when the object was last read.

use crate::vm::error::{PyErr, PyResult};
use crate::vm::value::{Instance, KwArgs, PyStr, Value};
use crate::vm::Vm;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

thread_local! {
    /// The last frame object id given.
    static NEXT_ID: Cell<u64> = const { Cell::new(0) };
    /// The frame objects alive, by id, so that one activation has one object.
    static FRAME_OBJECTS: RefCell<ahash::AHashMap<u64, Weak<Instance>>> = RefCell::default();
}

impl Vm {
    /// The frame object of the running frame `depth` calls below the top one (the
    /// frame of the Baton code that called the native asking); None when the stack
    /// is not that deep.
    pub(crate) fn frame_object(&mut self, depth: usize) -> Option<Value> {
        let index = self.frames.len().checked_sub(1 + depth)?;
        Some(self.frame_object_at(index))
    }

    /// The frame object of the frame at `index` on the frame stack (the same object
    /// each time for the same activation, as long as something holds it).
    pub(crate) fn frame_object_at(&mut self, index: usize) -> Value {
        let Some(frame) = self.frames.get(index) else {
            return Value::None;
        };
        if let Some(g) = &frame.generator {
            return Value::Frame(g.clone());
        }
        if frame.object_id != 0 {
            if let Some(object) =
                FRAME_OBJECTS.with(|o| o.borrow().get(&frame.object_id).and_then(|w| w.upgrade()))
            {
                return Value::Instance(object);
            }
        }
        let id = NEXT_ID.with(|n| {
            let id = n.get() + 1;
            n.set(id);
            id
        });
        let object = Rc::new(Instance {
            class: self.types.frame.clone(),
            attrs: Default::default(),
        });
        object.attrs.with_mut(|a| {
            a.set_str(crate::vm::intern::intern("_id"), Value::Int(id as i64));
            a.set_str(
                crate::vm::intern::intern("f_code"),
                Value::Code(frame.code.clone()),
            );
        });
        if let Some(frame) = self.frames.get_mut(index) {
            frame.object_id = id;
        }
        FRAME_OBJECTS.with(|o| {
            let mut o = o.borrow_mut();
            // Forget objects that died, now and then.
            if o.len() > 64 && o.len().is_power_of_two() {
                o.retain(|_, w| w.strong_count() > 0);
            }
            o.insert(id, Rc::downgrade(&object));
        });
        let value = Value::Instance(object);
        self.refresh_frame_object(&value, index);
        value
    }

    /// Stores what a frame object shows of the running frame at `index`.
    fn refresh_frame_object(&self, object: &Value, index: usize) {
        let (Value::Instance(inst), Some(frame)) = (object, self.frames.get(index)) else {
            return;
        };
        let lasti = frame.ip.saturating_sub(1);
        let fields = [
            ("_lineno", Value::Int(i64::from(frame.code.line_at(lasti)))),
            ("_lasti", Value::Int(lasti as i64)),
            ("_locals", self.snapshot_locals(frame)),
            ("_globals", Value::dict(frame.globals.to_dict())),
        ];
        inst.attrs.with_mut(|a| {
            for (name, v) in fields {
                a.set_str(crate::vm::intern::intern(name), v);
            }
        });
    }

    /// Where the activation a frame object stands for runs on the frame stack.
    fn running_index(&self, object: &Value) -> Option<usize> {
        let Value::Instance(inst) = object else {
            return None;
        };
        let Some(Value::Int(id)) = inst.attrs.with(|a| a.get_str(&PyStr::new("_id"))) else {
            return None;
        };
        self.frames
            .iter()
            .rposition(|f| f.generator.is_none() && f.object_id == id as u64)
    }

    /// A frame's locals as `f_locals` shows them: a class body's namespace, a
    /// module's globals, a function's bound locals.
    fn snapshot_locals(&self, frame: &crate::vm::frame::Frame) -> Value {
        if let Some(ns) = &frame.namespace {
            return Value::Dict(ns.clone());
        }
        if frame.code.flags.module {
            return Value::dict(frame.globals.to_dict());
        }
        Value::dict(self.frame_locals(frame))
    }

    /// Where a running generator's frame is on the frame stack.
    pub(crate) fn generator_frame_index(
        &self,
        g: &crate::vm::lean_rc::LeanRc<crate::vm::value::Generator>,
    ) -> Option<usize> {
        self.frames.iter().rposition(|f| {
            f.generator
                .as_ref()
                .is_some_and(|fg| crate::vm::lean_rc::LeanRc::ptr_eq(fg, g))
        })
    }
}

/// Gives the `frame` type its repr and the attributes read from the running frame.
pub(crate) fn install(vm: &Vm) {
    crate::vm::types::add_methods(&vm.types.frame, "frame", &[("__repr__", frame_repr)]);
    let getters: [(&'static str, crate::vm::value::NativeFn); 5] = [
        ("f_lineno", f_lineno),
        ("f_lasti", f_lasti),
        ("f_locals", f_locals),
        ("f_globals", f_globals),
        ("f_back", f_back),
    ];
    let mut dict = vm.types.frame.dict.borrow_mut();
    for (name, getter) in getters {
        let fget = Value::Native(Rc::new(crate::vm::value::NativeFunction {
            name,
            func: getter,
            owner: "frame",
            self_class: None,
        }));
        dict.set_str(
            crate::vm::intern::intern(name),
            Value::Property(Rc::new(crate::vm::value::Property {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
            })),
        );
    }
    vm.types.frame.has_property.set(true);
}

/// A frame object's field: refreshed from its activation while that runs, else as
/// last seen.
fn frame_field(vm: &mut Vm, args: &[Value], field: &str) -> PyResult<Value> {
    let Some(this @ Value::Instance(inst)) = args.first() else {
        return Ok(Value::None);
    };
    if let Some(at) = vm.running_index(this) {
        vm.refresh_frame_object(this, at);
    }
    Ok(inst
        .attrs
        .with(|a| a.get_str(&PyStr::new(field)))
        .unwrap_or(Value::None))
}

fn f_lineno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    frame_field(vm, args, "_lineno")
}

fn f_lasti(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    frame_field(vm, args, "_lasti")
}

fn f_locals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    frame_field(vm, args, "_locals")
}

fn f_globals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    frame_field(vm, args, "_globals")
}

/// The caller's frame object while the activation runs (remembered after).
fn f_back(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(this @ Value::Instance(inst)) = args.first() else {
        return Ok(Value::None);
    };
    if let Some(at) = vm.running_index(this) {
        let back = match at.checked_sub(1) {
            Some(below) => vm.frame_object_at(below),
            None => Value::None,
        };
        inst.attrs
            .with_mut(|a| a.set_str(crate::vm::intern::intern("_back"), back.clone()));
        return Ok(back);
    }
    Ok(inst
        .attrs
        .with(|a| a.get_str(&PyStr::new("_back")))
        .unwrap_or(Value::None))
}

/// `repr()` of a snapshot frame object, as CPython shows a frame.
fn frame_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(this @ Value::Instance(inst)) = args.first() else {
        return Err(PyErr::type_error(
            "descriptor '__repr__' requires a 'frame' object",
        ));
    };
    let line = f_lineno(vm, args, &[])?;
    let get = |name: &str| inst.attrs.with(|a| a.get_str(&PyStr::new(name)));
    let (Some(Value::Code(code)), Value::Int(line)) = (get("f_code"), line) else {
        return Ok(Value::from_string(vm.default_repr(this)));
    };
    Ok(Value::from_string(format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        this.id(),
        code.filename,
        line,
        code.name.as_str()
    )))
}
