//! The built-in type objects (`int`, `str`, `list`, ..., the exception hierarchy), the
//! mapping from a value to its type, and class creation with C3 linearisation.

use crate::vm::dict::Dict;
use crate::vm::error::{ExcType, PyErr, PyResult};
use crate::vm::value::{Class, EpochMemo, NativeFn, NativeFunction, PyStr, TypeKind, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Every built-in class the VM needs to name.
pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub int: Rc<Class>,
    pub bool_: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub none: Rc<Class>,
    pub not_implemented: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub cell: Rc<Class>,
    pub code: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub dict_keys: Rc<Class>,
    pub dict_values: Rc<Class>,
    pub dict_items: Rc<Class>,
    pub iterator: Rc<Class>,
    /// The built-in iterator types (`value::ITERATOR_TYPE_NAMES`, in that order).
    pub native_iterators: Vec<Rc<Class>>,
    /// `coroutine.__await__()`'s iterator (a `NativeIter::CoroWrapper`).
    pub coroutine_wrapper: Rc<Class>,
    /// The awaitables of an async generator (`NativeIter::AsyncGenOp`, `vm::asyncgen`):
    /// `asend()`/`__anext__()`, `athrow()`/`aclose()`, and `anext(it, default)`.
    pub async_generator_asend: Rc<Class>,
    pub async_generator_athrow: Rc<Class>,
    pub anext_awaitable: Rc<Class>,
    pub frame: Rc<Class>,
    /// Indexed by `ExcType as usize`.
    pub exceptions: Vec<Rc<Class>>,
    /// `"__init__"`, kept so instantiation does not build or intern the name per call.
    pub init_name: Rc<PyStr>,
}

/// Creates a built-in class with the given bases.
pub fn builtin_class(name: &str, bases: &[&Rc<Class>], kind: TypeKind) -> Rc<Class> {
    let bases: Vec<Rc<Class>> = bases.iter().map(|b| (*b).clone()).collect();
    let mro = c3_tail(&bases).unwrap_or_default();
    crate::vm::cache::classes_changed();
    Rc::new(Class {
        name: Rc::new(PyStr::new(name)),
        qualname: Rc::new(PyStr::new(name)),
        module: Rc::new(PyStr::new("builtins")),
        bases,
        mro,
        dict: RefCell::new(Dict::new()),
        kind,
        exc_type: None,
        has_property: Cell::new(false),
        mro_property_memo: EpochMemo::new(),
        identity_hash_memo: EpochMemo::new(),
        getattribute_memo: EpochMemo::new(),
        attr_hooks_memo: EpochMemo::new(),
        new_memo: EpochMemo::new(),
        instance_slots: Cell::new(0),
    })
}

/// Adds native methods to a class's dict.
pub fn add_methods(class: &Rc<Class>, owner: &'static str, methods: &[(&'static str, NativeFn)]) {
    crate::vm::cache::classes_changed();
    let mut d = class.dict.borrow_mut();
    for (name, func) in methods {
        d.set_str(
            crate::vm::intern::intern(name),
            Value::Native(Rc::new(NativeFunction {
                name,
                func: *func,
                owner,
                self_class: None,
            })),
        );
    }
}

/// How a native stored by `add_wrapped_method` is bound when looked up.
pub enum Binding {
    /// `staticmethod`: called with the arguments as given.
    Static,
    /// `classmethod`: called with the class first.
    Class,
}

/// Stores the native `func` in `class`'s dict as a static or class method (`name`
/// shown as `owner`'s, as `add_methods` does for plain methods).
pub fn add_wrapped_method(
    class: &Rc<Class>,
    owner: &'static str,
    name: &'static str,
    func: NativeFn,
    binding: Binding,
) {
    crate::vm::cache::classes_changed();
    let native = Rc::new(Value::Native(Rc::new(NativeFunction {
        name,
        func,
        owner,
        self_class: None,
    })));
    let wrapped = match binding {
        Binding::Static => Value::StaticMethod(native),
        Binding::Class => Value::ClassMethod(native),
    };
    class
        .dict
        .borrow_mut()
        .set_str(crate::vm::intern::intern(name), wrapped);
}

impl Types {
    pub fn new() -> Types {
        let object = builtin_class("object", &[], TypeKind::Object);
        let b = |name: &str| builtin_class(name, &[&object], TypeKind::Builtin);
        let int = b("int");
        let bool_ = builtin_class("bool", &[&int], TypeKind::Builtin);
        let mut exceptions: Vec<Rc<Class>> = Vec::new();
        for &t in ExcType::ALL {
            let bases: Vec<Rc<Class>> = if t.bases().is_empty() {
                vec![object.clone()]
            } else {
                t.bases()
                    .iter()
                    .map(|p| exceptions[*p as usize].clone())
                    .collect()
            };
            let mro = c3_tail(&bases).unwrap_or_default();
            exceptions.push(Rc::new(Class {
                name: Rc::new(PyStr::new(t.name())),
                qualname: Rc::new(PyStr::new(t.name())),
                module: Rc::new(PyStr::new(t.module())),
                bases,
                mro,
                dict: RefCell::new(Dict::new()),
                kind: TypeKind::Exception,
                exc_type: Some(t),
                has_property: Cell::new(false),
                mro_property_memo: EpochMemo::new(),
                identity_hash_memo: EpochMemo::new(),
                getattribute_memo: EpochMemo::new(),
                attr_hooks_memo: EpochMemo::new(),
                new_memo: EpochMemo::new(),
                instance_slots: Cell::new(0),
            }));
        }
        Types {
            type_: b("type"),
            float: b("float"),
            str_: b("str"),
            list: b("list"),
            tuple: b("tuple"),
            dict: b("dict"),
            set: b("set"),
            frozenset: b("frozenset"),
            range: b("range"),
            slice: b("slice"),
            none: b("NoneType"),
            not_implemented: b("NotImplementedType"),
            ellipsis: b("ellipsis"),
            function: b("function"),
            builtin_function: b("builtin_function_or_method"),
            method: b("method"),
            module: b("module"),
            cell: b("cell"),
            code: b("code"),
            generator: b("generator"),
            coroutine: b("coroutine"),
            async_generator: b("async_generator"),
            property: b("property"),
            staticmethod: b("staticmethod"),
            classmethod: b("classmethod"),
            super_: b("super"),
            dict_keys: b("dict_keys"),
            dict_values: b("dict_values"),
            dict_items: b("dict_items"),
            iterator: b("iterator"),
            native_iterators: crate::vm::value::ITERATOR_TYPE_NAMES
                .iter()
                .map(|name| b(name))
                .collect(),
            coroutine_wrapper: b("coroutine_wrapper"),
            async_generator_asend: b("async_generator_asend"),
            async_generator_athrow: b("async_generator_athrow"),
            anext_awaitable: b("anext_awaitable"),
            frame: b("frame"),
            int,
            bool_,
            object,
            exceptions,
            init_name: crate::vm::intern::intern("__init__"),
        }
    }

    pub fn exc(&self, t: ExcType) -> &Rc<Class> {
        &self.exceptions[t as usize]
    }

    /// The class of a value.
    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        use crate::vm::value::GenKind;
        let c = match v {
            Value::Undefined | Value::None => &self.none,
            Value::NotImplemented => &self.not_implemented,
            Value::Ellipsis => &self.ellipsis,
            Value::Bool(_) => &self.bool_,
            Value::Int(_) | Value::BigInt(_) => &self.int,
            Value::Float(_) => &self.float,
            Value::Str(_) => &self.str_,
            Value::List(_) => &self.list,
            Value::Tuple(_) => &self.tuple,
            Value::Dict(_) => &self.dict,
            Value::Set(s) => {
                if s.frozen {
                    &self.frozenset
                } else {
                    &self.set
                }
            }
            Value::Range(_) => &self.range,
            Value::Slice(_) => &self.slice,
            Value::Function(_) => &self.function,
            Value::BoundMethod(_) => &self.method,
            Value::Native(_) => &self.builtin_function,
            Value::Class(_) => &self.type_,
            Value::Instance(i) => return i.class.clone(),
            Value::Module(_) => &self.module,
            Value::Cell(_) => &self.cell,
            Value::Code(_) => &self.code,
            Value::Iterator(it) => {
                use crate::vm::value::{AsyncGenOpKind, NativeIter};
                match it.try_borrow().as_deref() {
                    Ok(NativeIter::CoroWrapper(_)) => &self.coroutine_wrapper,
                    Ok(NativeIter::AsyncGenOp(op)) if op.default.is_some() => &self.anext_awaitable,
                    Ok(NativeIter::AsyncGenOp(op)) if op.kind == AsyncGenOpKind::Send => {
                        &self.async_generator_asend
                    }
                    Ok(NativeIter::AsyncGenOp(_)) => &self.async_generator_athrow,
                    Ok(NativeIter::AnextDefault { .. }) => &self.anext_awaitable,
                    Ok(other) => {
                        let name = other.type_name();
                        crate::vm::value::ITERATOR_TYPE_NAMES
                            .iter()
                            .position(|n| *n == name)
                            .and_then(|i| self.native_iterators.get(i))
                            .unwrap_or(&self.iterator)
                    }
                    Err(_) => &self.iterator,
                }
            }
            Value::Generator(g) => match g.kind {
                GenKind::Generator => &self.generator,
                GenKind::Coroutine => &self.coroutine,
                GenKind::AsyncGenerator => &self.async_generator,
            },
            Value::Property(_) => &self.property,
            Value::StaticMethod(_) => &self.staticmethod,
            Value::ClassMethod(_) => &self.classmethod,
            Value::Super(_) => &self.super_,
            Value::Frame(_) => &self.frame,
            Value::DictView(v) => match v.kind {
                crate::vm::value::DictViewKind::Keys => &self.dict_keys,
                crate::vm::value::DictViewKind::Values => &self.dict_values,
                crate::vm::value::DictViewKind::Items => &self.dict_items,
            },
        };
        c.clone()
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// The C3 linearisation of a class with these bases, without the class itself.
pub fn c3_tail(bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases
        .iter()
        .map(|b| b.mro_iter().cloned().collect())
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<&str> = bases.iter().map(|b| b.name.as_str()).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// Creates a user class from its namespace.
pub fn new_class(
    name: Rc<PyStr>,
    qualname: Rc<PyStr>,
    module: Rc<PyStr>,
    bases: Vec<Rc<Class>>,
    mut namespace: Dict,
    object: &Rc<Class>,
) -> PyResult<Rc<Class>> {
    let bases = if bases.is_empty() {
        vec![object.clone()]
    } else {
        bases
    };
    for b in &bases {
        if b.kind == TypeKind::Builtin && !Rc::ptr_eq(b, object) {
            return Err(PyErr::type_error(format!(
                "Baton does not support subclassing the built-in type '{}'",
                b.name.as_str()
            )));
        }
    }
    let mro = c3_tail(&bases)?;
    let kind = if bases.iter().any(|b| b.kind == TypeKind::Exception) {
        TypeKind::Exception
    } else {
        TypeKind::Object
    };
    let has_property = namespace.iter().any(|(k, v)| {
        matches!(v, Value::Property(_))
            || crate::vm::attrs::descriptor_kind(v).is_some()
            || matches!(k, Value::Str(k) if crate::vm::attrs::is_attr_hook(k.as_str()))
    });
    // A class body that defines `__eq__` but not `__hash__` gets `__hash__ = None`
    // (as CPython's `type_new`): its instances are unhashable, and saying so in the
    // dict is what hashing and `C.__hash__` read.
    if namespace.get_str(&PyStr::new("__eq__")).is_some()
        && namespace.get_str(&PyStr::new("__hash__")).is_none()
    {
        namespace.set_str(Rc::new(PyStr::new("__hash__")), Value::None);
    }
    crate::vm::cache::classes_changed();
    Ok(Rc::new(Class {
        name,
        qualname,
        module,
        bases,
        mro,
        dict: RefCell::new(namespace),
        kind,
        exc_type: None,
        has_property: Cell::new(has_property),
        mro_property_memo: EpochMemo::new(),
        identity_hash_memo: EpochMemo::new(),
        getattribute_memo: EpochMemo::new(),
        attr_hooks_memo: EpochMemo::new(),
        new_memo: EpochMemo::new(),
        instance_slots: Cell::new(0),
    }))
}
