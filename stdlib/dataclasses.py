# dataclasses for Baton: `@dataclass` reads a class's annotated fields (its
# `__annotations__`, and its dataclass bases' fields) and adds the methods CPython
# 3.11's adds: `__init__`, `__repr__`, `__eq__`, the ordering methods, `__hash__`
# by CPython's table, `__setattr__`/`__delattr__` for frozen classes, and
# `__match_args__`; with `fields`, `asdict`, `astuple`, `replace` and
# `is_dataclass`. CPython writes each method as source text and execs it; Baton's
# methods are closures over the field list, which bind their arguments and raise
# the TypeErrors a generated `__init__` would.
#
# Differences (docs/language.md): `slots=True` is accepted but adds no `__slots__`
# (Baton's `__slots__` does not restrict attributes anyway), and `asdict`/`astuple`
# copy dataclasses, lists, tuples and dicts but not other objects (CPython deep-copies
# those with `copy.deepcopy`).

from types import MappingProxyType as _MappingProxy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'replace', 'is_dataclass']


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


_EMPTY_METADATA = _MappingProxy({})


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    """`x: InitVar[int]`: an argument of `__init__` passed on to `__post_init__`,
    not a field."""

    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        if isinstance(self.type, type):
            return f'dataclasses.InitVar[{self.type.__name__}]'
        return f'dataclasses.InitVar[{self.type!r}]'


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')


def _attrs_repr(obj, names):
    """`Name(a=1,b=2)`: CPython's compact repr of a Field or the dataclass params."""
    return f'{type(obj).__name__}(' + ','.join(f'{n}={getattr(obj, n)!r}' for n in names) + ')'


class Field:
    _SHOWN = ('name', 'type', 'default', 'default_factory', 'init', 'repr', 'hash',
              'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else _MappingProxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return _attrs_repr(self, Field._SHOWN)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


class _DataclassParams:
    _SHOWN = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, *flags):
        for name, value in zip(_DataclassParams._SHOWN, flags):
            setattr(self, name, value)

    def __repr__(self):
        return _attrs_repr(self, _DataclassParams._SHOWN)


def _is_classvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith(('ClassVar', 'typing.ClassVar'))
    name = getattr(a_type, '_name', None)
    return type(a_type).__module__ == 'typing' and name == 'ClassVar'


def _is_initvar(a_type):
    if isinstance(a_type, str):
        return a_type.startswith(('InitVar', 'dataclasses.InitVar'))
    return a_type is InitVar or isinstance(a_type, InitVar)


def _is_kw_only(a_type):
    if isinstance(a_type, str):
        return a_type in ('KW_ONLY', 'dataclasses.KW_ONLY')
    return a_type is KW_ONLY


def _get_field(cls, name, a_type, default_kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    elif f.kw_only is not MISSING:
        raise TypeError(f'field {f.name} is a ClassVar but specifies kw_only')
    if f._field_type is _FIELD and f.default is not MISSING \
            and type(f.default).__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')
    return f


def _set_method(cls, name, func):
    func.__name__ = name
    func.__qualname__ = f'{cls.__qualname__}.{name}'
    setattr(cls, name, func)


def _set_new_method(cls, name, func):
    """Adds `func` unless the class defines `name` itself; True when it did."""
    if name in cls.__dict__:
        return True
    _set_method(cls, name, func)
    return False


def _plural(n, word):
    return f'{n} {word}' if n == 1 else f'{n} {word}s'


def _names_list(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _make_init(fields, std_fields, kw_only_fields, frozen, has_post_init):
    """`__init__(self, <std_fields>, *, <kw_only_fields>)`: binds its arguments as a
    def with those parameters would, then sets every field (through
    `object.__setattr__` when frozen) and calls `__post_init__` with the InitVars."""
    positional = [f.name for f in std_fields]
    keyword_only = [f.name for f in kw_only_fields]
    params = {f.name: f for f in std_fields + kw_only_fields}
    initvars = [f.name for f in fields if f._field_type is _FIELD_INITVAR]
    store = object.__setattr__ if frozen else setattr
    # The common call, every field passed by position (the trailing ones may be left
    # to their defaults), is bound without the general path's dict, when the fields
    # are exactly the positional parameters in order.
    by_position = [f for f in fields if f._field_type is _FIELD] == std_fields \
        and not kw_only_fields and not initvars
    n_positional = len(std_fields)
    required = sum(1 for f in std_fields
                   if f.default is MISSING and f.default_factory is MISSING)

    def __init__(self, *args, **kwargs):
        if by_position and not kwargs and required <= len(args) <= n_positional:
            i = 0
            for value in args:
                store(self, positional[i], value)
                i += 1
            while i < n_positional:
                f = std_fields[i]
                store(self, f.name, f.default if f.default_factory is MISSING
                      else f.default_factory())
                i += 1
            if has_post_init:
                self.__post_init__()
            return
        if len(args) > len(positional):
            given = len(args) + 1
            takes = len(positional) + 1
            defaults = sum(1 for n in positional if params[n].default is not MISSING
                           or params[n].default_factory is not MISSING)
            if defaults:
                count = f'from {takes - defaults} to {takes}'
                raise TypeError(f'{type(self).__qualname__}.__init__() takes {count} '
                                f'positional arguments but {given} were given')
            raise TypeError(f'{type(self).__qualname__}.__init__() takes '
                            f'{_plural(takes, "positional argument")} '
                            f'but {given} {"was" if given == 1 else "were"} given')
        values = dict(zip(positional, args))
        for name, value in kwargs.items():
            if name not in params:
                raise TypeError(f'{type(self).__qualname__}.__init__() got an unexpected '
                                f'keyword argument {name!r}')
            if name in values:
                raise TypeError(f'{type(self).__qualname__}.__init__() got multiple '
                                f'values for argument {name!r}')
            values[name] = value
        for group, kind in ((positional, 'positional'), (keyword_only, 'keyword-only')):
            missing = [n for n in group if n not in values
                       and params[n].default is MISSING
                       and params[n].default_factory is MISSING]
            if missing:
                raise TypeError(f'{type(self).__qualname__}.__init__() missing '
                                f'{len(missing)} required {kind} '
                                f'{"argument" if len(missing) == 1 else "arguments"}: '
                                f'{_names_list(missing)}')
        for f in fields:
            if f._field_type is not _FIELD:
                continue
            if f.init:
                if f.name in values:
                    value = values[f.name]
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    value = f.default
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            store(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[n] if n in values else params[n].default
                                 for n in initvars])

    return __init__


def _make_repr(fields):
    shown = [f.name for f in fields if f.repr]
    running = set()

    def __repr__(self):
        key = id(self)
        if key in running:
            return '...'
        running.add(key)
        try:
            inner = ', '.join(f'{name}={getattr(self, name)!r}' for name in shown)
        finally:
            running.discard(key)
        return f'{type(self).__qualname__}({inner})'

    return __repr__


def _fields_tuple(obj, names):
    return tuple(getattr(obj, name) for name in names)


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _fields_tuple(self, names) == _fields_tuple(other, names)
        return NotImplemented

    return __eq__


def _make_order(op, names):
    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(_fields_tuple(self, names), _fields_tuple(other, names))
        return NotImplemented

    return compare


def _make_hash(names):
    def __hash__(self):
        return hash(_fields_tuple(self, names))

    return __hash__


def _make_frozen_methods(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots):
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get('__annotations__', {})
    own_fields = []
    kw_only_now = kw_only
    seen_kw_only = False
    for name, a_type in annotations.items():
        if _is_kw_only(a_type):
            if seen_kw_only:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY has already been '
                                'specified')
            seen_kw_only = True
            kw_only_now = True
        else:
            own_fields.append(_get_field(cls, name, a_type, kw_only_now))

    for f in own_fields:
        fields[f.name] = f
        # The class attribute is the default; a Field object there goes.
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order, unsafe_hash, frozen)

    all_fields = list(fields.values())
    field_list = [f for f in all_fields if f._field_type is _FIELD]

    if init:
        has_post_init = hasattr(cls, '__post_init__')
        in_init = [f for f in all_fields if f._field_type in (_FIELD, _FIELD_INITVAR)]
        std_fields = [f for f in in_init if f.init and not f.kw_only]
        kw_only_fields = [f for f in in_init if f.init and f.kw_only]
        seen_default = False
        for f in std_fields:
            if f.default is not MISSING or f.default_factory is not MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
        _set_method(cls, '__init__', _make_init(all_fields, std_fields, kw_only_fields,
                                                frozen, has_post_init))

    if repr:
        _set_new_method(cls, '__repr__', _make_repr(field_list))

    compared = [f.name for f in field_list if f.compare]
    if eq:
        _set_new_method(cls, '__eq__', _make_eq(compared))

    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', lambda a, b: a < b), ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b), ('__ge__', lambda a, b: a >= b)):
            if _set_new_method(cls, name, _make_order(op, compared)):
                raise TypeError(f'Cannot overwrite attribute {name} in class '
                                f'{cls.__name__}. Consider using functools.total_ordering')

    if frozen:
        setter, deleter = _make_frozen_methods(cls, {f.name for f in field_list})
        for name, method in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_method(cls, name, method):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')

    # CPython's table: which `__hash__` a dataclass gets.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    hashed = [f.name for f in field_list
              if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        _set_method(cls, '__hash__', _make_hash(hashed))
    elif eq and frozen:
        if not has_explicit_hash:
            _set_method(cls, '__hash__', _make_hash(hashed))
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in all_fields
                                   if f._field_type in (_FIELD, _FIELD_INITVAR)
                                   and f.init and not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots)

    if cls is None:
        return wrap
    return wrap(cls)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in found.values() if f._field_type is _FIELD)


def _copy_out(obj, make):
    if _is_dataclass_instance(obj):
        return make([(f.name, _copy_out(getattr(obj, f.name), make)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_copy_out(v, make) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_copy_out(v, make) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_copy_out(k, make), _copy_out(v, make)) for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _copy_out(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _copy_out(obj, lambda pairs: tuple_factory([v for _, v in pairs]))


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it '
                                 'cannot be specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
