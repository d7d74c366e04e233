# types for Baton: the types of the built-in objects that have no builtin name
# (`types.GeneratorType`, `types.CoroutineType`, ...), `SimpleNamespace`, and the
# `coroutine` decorator that makes a generator function awaitable (the generator-based
# coroutines `await` grew out of). Written in Baton; each type is taken from an object
# of it, as CPython's types.py does.
import _asyncio


def _function():
    pass


def _generator():
    yield


async def _coroutine():
    pass


async def _async_generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = FunctionType
CodeType = type(_function.__code__)
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_asyncio)
GeneratorType = type(_generator())
_made = _coroutine()
CoroutineType = type(_made)
_made.close()
AsyncGeneratorType = type(_async_generator())
FrameType = type(_generator().gi_frame)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(...)
del _made


def coroutine(func):
    """`@types.coroutine`: the generators of the generator function `func` may be
    awaited in an `async def` (what they yield goes out to whoever drives the
    coroutine, as an `__await__`'s does). Anything else is returned as it is."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    _asyncio.iterable_coroutine(func)
    return func


class mappingproxy:
    """A read-only view of a mapping (`types.MappingProxyType`): a dataclass field's
    `metadata`, an enum's `__members__`."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __eq__(self, other):
        return self._mapping == other

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return f'mappingproxy({self._mapping!r})'

    def __str__(self):
        return str(self._mapping)


MappingProxyType = mappingproxy


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return f'{name}({items})'

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)


def _type_repr(obj):
    """An argument of a generic alias as its repr shows it (CPython's
    `ga_repr_item`): a class by its qualified name, `...` as itself, anything
    else (an alias, a string, a TypeVar) by its repr."""
    if obj is ...:
        return '...'
    if isinstance(obj, GenericAlias):
        return repr(obj)
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)


def _parameters(args):
    """The type variables among `args`, each once, in order."""
    found = []
    for a in args:
        if type(a).__name__ == 'TypeVar' and a not in found:
            found.append(a)
        elif isinstance(a, (GenericAlias, UnionType)):
            for p in a.__parameters__:
                if p not in found:
                    found.append(p)
    return tuple(found)


class GenericAlias:
    """`list[int]`: a class subscripted with the types of what it holds. It prints
    as it was written, compares by its origin and arguments, and calling it calls
    the class; its other attributes are the class's."""

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _parameters(args)

    def __repr__(self):
        if self.__args__ == ():
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) for a in self.__args__)
        return f'{_type_repr(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')


class UnionType:
    """`int | None`: the union of classes (and generic aliases) that `|` makes. Its
    members are flattened and each kept once; isinstance and issubclass check
    against any of them."""

    def __init__(self, args):
        self.__args__ = args
        self.__parameters__ = _parameters(args)

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__args__)


def _union_member(x):
    """`x` as a member of a union (None stands for its type), or None when `|`
    cannot take it."""
    if x is None:
        return NoneType
    if isinstance(x, (type, GenericAlias)):
        return x
    return None


def _union(a, b):
    """`a | b` for classes, None, generic aliases and unions (`type.__or__`):
    NotImplemented for anything else, so that `|` raises its usual TypeError."""
    members = []
    for x in (a, b):
        if isinstance(x, UnionType):
            parts = x.__args__
        else:
            m = _union_member(x)
            if m is None:
                return NotImplemented
            parts = (m,)
        for m in parts:
            if m not in members:
                members.append(m)
    if len(members) == 1:
        return members[0]
    return UnionType(tuple(members))
