# typing for Baton: the names a type-annotated program imports, so that it runs.
#
# These objects are met in annotations (kept in `__annotations__`, where `dataclasses`
# looks for `ClassVar`) and where a program uses them as values: in an alias
# (`Json = Dict[str, Any]`), a `cast`, a `TypeVar`, a base class (`Generic[T]`,
# `Protocol`). They subscript, compare
# and print as CPython 3.11's do (`typing.Optional[int]`, `typing.Dict[str,
# typing.List[int]]`); checking against them with isinstance raises CPython's
# TypeError. Nothing here checks types.

TYPE_CHECKING = False


def _type_repr(obj):
    if obj is ...:
        return '...'
    if obj is None:
        return 'None'
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if isinstance(obj, list):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    return repr(obj)


def _as_tuple(params):
    return params if isinstance(params, tuple) else (params,)


def _type_convert(arg):
    """A `None` in a type's parameters stands for `type(None)`, as in CPython
    (`Dict[str, None]` prints as `typing.Dict[str, NoneType]`)."""
    return type(None) if arg is None else arg


def _convert_params(name, params):
    # `Literal[None]` keeps its values, and `Annotated[T, x]` its metadata.
    if name == 'Literal':
        return params
    if name == 'Annotated':
        return (_type_convert(params[0]),) + params[1:]
    return tuple(_type_convert(p) for p in params)


class _Form:
    """A special form or generic alias: `Any`, `Union`, `List`, `List[int]`, ..."""

    def __init__(self, name, args=None, origin=None):
        self._name = name
        self.__args__ = args
        self.__origin__ = origin

    def __repr__(self):
        if self.__args__ is None:
            return 'typing.' + self._name
        if self.__args__ == ():
            return f'typing.{self._name}[()]'
        return f'typing.{self._name}[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __getitem__(self, params):
        if self.__args__ is not None:
            raise TypeError(f'{self!r} is not a generic class')
        return _Form(self._name, _convert_params(self._name, _as_tuple(params)), self.__origin__)

    def __eq__(self, other):
        if not isinstance(other, _Form):
            return NotImplemented
        return self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        # `List()` and `List[int]()` refuse, as CPython's do.
        if self.__origin__ is not None:
            raise TypeError(f'Type {self._name} cannot be instantiated; '
                            f'use {self.__origin__.__name__}() instead')
        raise TypeError(f'Cannot instantiate typing.{self._name}')

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    # `X | Y` with a typing form on either side is their Union, as in CPython.
    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionForm(_Form):
    """`Union[X, Y]` (flattened, duplicates dropped, one member alone is itself) and
    `Optional[X]`, which is `Union[X, None]`."""

    def __getitem__(self, params):
        members = []
        for p in _as_tuple(params):
            if p is None:
                p = type(None)
            inner = p.__args__ if isinstance(p, _UnionForm) and p.__args__ else (p,)
            for m in inner:
                if m not in members:
                    members.append(m)
        if len(members) == 1:
            return members[0]
        return _UnionForm('Union', tuple(members))

    def __repr__(self):
        args = self.__args__
        if args is not None and len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return f'typing.Optional[{_type_repr(other)}]'
        return super().__repr__()

    def __eq__(self, other):
        if not isinstance(other, _UnionForm):
            return NotImplemented
        if self.__args__ is None or other.__args__ is None:
            return self.__args__ is other.__args__
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__ or ()))


class _OptionalForm(_Form):
    def __getitem__(self, param):
        return Union[param, None]


class _CallableForm(_Form):
    """`Callable[[int, str], bool]`, `Callable[..., int]`."""

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        result = _type_convert(result)
        if args is ...:
            return _Form('Callable', (..., result), self.__origin__)
        return _Form('Callable', ([_type_convert(a) for a in args], result), self.__origin__)


Any = _Form('Any')
NoReturn = _Form('NoReturn')
Never = _Form('Never')
Self = _Form('Self')
LiteralString = _Form('LiteralString')
ClassVar = _Form('ClassVar')
Final = _Form('Final')
Literal = _Form('Literal')
Annotated = _Form('Annotated')
Union = _UnionForm('Union')
Optional = _OptionalForm('Optional')
Callable = _CallableForm('Callable')

List = _Form('List', origin=list)
Dict = _Form('Dict', origin=dict)
Set = _Form('Set', origin=set)
FrozenSet = _Form('FrozenSet', origin=frozenset)
Tuple = _Form('Tuple', origin=tuple)
Type = _Form('Type', origin=type)
Iterable = _Form('Iterable')
Iterator = _Form('Iterator')
Generator = _Form('Generator')
Sequence = _Form('Sequence')
MutableSequence = _Form('MutableSequence')
Mapping = _Form('Mapping')
MutableMapping = _Form('MutableMapping')
Collection = _Form('Collection')
Container = _Form('Container')
Hashable = _Form('Hashable')
Sized = _Form('Sized')
Awaitable = _Form('Awaitable')
Coroutine = _Form('Coroutine')
AsyncIterable = _Form('AsyncIterable')
AsyncIterator = _Form('AsyncIterator')
AsyncGenerator = _Form('AsyncGenerator')


class TypeVar:
    """`T = TypeVar('T')`: prints as `~T`."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__


class Generic:
    """`class Stack(Generic[T])`: `Generic[T]` (and `Protocol[T]`) is the class
    itself, to be a base; a generic class subscripted (`Stack[int]`) is a
    `types.GenericAlias`, which prints as CPython's `__main__.Stack[int]` and makes
    a `Stack` when called."""

    def __class_getitem__(cls, params):
        if cls is Generic or cls is Protocol:
            return cls
        import types
        return types.GenericAlias(cls, params)


class Protocol(Generic):
    """`class Closer(Protocol)`: a plain base class (no structural checks)."""


def cast(typ, val):
    """Returns `val` unchanged."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def NewType(name, tp):
    """`UserId = NewType('UserId', int)`: calling it returns its argument."""
    def new_type(x):
        return x
    return new_type
