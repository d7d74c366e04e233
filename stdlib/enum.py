# enum for Baton: Enum, IntEnum, StrEnum, auto and unique, as CPython 3.11's.
#
# CPython builds an enum in its metaclass (EnumType). Baton has no metaclasses, so the
# members are made by `Enum.__init_subclass__` once the class body has run: each plain
# class attribute (not a dunder, a _sunder_, a private name or a function/descriptor)
# becomes an instance of the class with `_name_` and `_value_`, and an attribute with
# a value already taken becomes an alias of the first. What the metaclass gives the
# class itself comes from three hooks the VM looks up on a class (docs/language.md):
# `__class_iter__` (iterating it: its members in order), `__class_len__` (len) and
# `__class_repr__` (`<enum 'Color'>`). `Color(1)` is `Enum.__new__` finding a member,
# and `Color['RED']` is `__class_getitem__`.
#
# Differences: assigning to a member of the class (`Color.RED = 5`) is not refused;
# an enum with its own `__init__` has it run for each member once, and after that it
# is replaced by one that does nothing (so that `Color(value)` does not run it
# again); IntEnum and StrEnum members are not int and str instances (Baton cannot
# subclass them), but compare, hash, format and compute as their values do; Flag,
# IntFlag, EnumType and the functional API `Enum('Name', 'A B')` are not provided.

from types import MappingProxyType as _MappingProxy, FunctionType as _FunctionType

__all__ = ['Enum', 'IntEnum', 'StrEnum', 'auto', 'unique']


class _AutoValue:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoValue()


class auto:
    """`NAME = auto()`: the member's value is chosen by `_generate_next_value_`."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return f'auto({self.value!r})'


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(class_name, name):
    prefix = f'_{class_name.lstrip("_")}__'
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(value):
    if isinstance(value, (_FunctionType, classmethod, staticmethod, property)):
        return True
    kind = type(value)
    return any(hasattr(kind, hook) for hook in ('__get__', '__set__', '__delete__'))


def _no_init(self, *args, **kwds):
    pass


def _make_members(cls):
    """Turns the class attributes of a new enum class into its members."""
    for base in cls.__mro__[1:]:
        if base.__dict__.get('_member_names_'):
            raise TypeError(f'{cls!r} cannot extend {base!r}')
    names = []
    member_map = {}
    value_map = {}
    last_values = []
    candidates = [(name, value) for name, value in cls.__dict__.items()
                  if not (_is_dunder(name) or _is_sunder(name)
                          or _is_private(cls.__name__, name) or _is_descriptor(value))]
    own_init = cls.__dict__.get('__init__')
    for name, value in candidates:
        if isinstance(value, auto):
            if value.value is _auto_null:
                value.value = cls._generate_next_value_(name, 1, len(names), last_values[:])
            value = value.value
        last_values.append(value)
        value = cls._member_value_(value)
        canonical = None
        for existing in member_map.values():
            if existing._value_ == value:
                canonical = existing
                break
        if canonical is not None:
            member_map[name] = canonical
            setattr(cls, name, canonical)
            continue
        member = object.__new__(cls)
        member._value_ = value
        member._name_ = name
        if own_init is not None:
            args = value if isinstance(value, tuple) else (value,)
            own_init(member, *args)
        names.append(name)
        member_map[name] = member
        try:
            value_map[value] = member
        except TypeError:
            pass
        setattr(cls, name, member)
    if own_init is not None:
        cls.__init__ = _no_init
    cls._member_names_ = names
    cls._member_map_ = member_map
    cls._value2member_map_ = value_map
    cls.__members__ = _MappingProxy(member_map)


class Enum:
    """A class whose attributes are its members: `class Color(Enum): RED = 1`."""

    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)
        _make_members(cls)

    def __new__(cls, value):
        # `Color(1)`: the member with that value, never a new object.
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')
        raise TypeError(f'error in {cls.__name__}._missing_: returned {result!r} '
                        f'instead of None or a valid member')

    def __init__(self, *args, **kwds):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError(f'unable to increment {last_value!r}') from None

    @classmethod
    def _member_value_(cls, value):
        """The value a member keeps (IntEnum makes it an int)."""
        return value

    # What CPython's metaclass does for the class itself.
    @classmethod
    def __class_iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    @classmethod
    def __class_len__(cls):
        return len(cls._member_names_)

    @classmethod
    def __class_repr__(cls):
        return f'<enum {cls.__name__!r}>'

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    # A member is its own copy.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


class _ValueEnum(Enum):
    """Members that stand for their values: equal to them, hashed, shown and
    formatted as them, and computing with them."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        if isinstance(other, Enum):
            other = other._value_
        return self._value_ == other

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(self._value_)

    def __getattr__(self, name):
        if name.startswith('_'):
            raise AttributeError(name)
        return getattr(self._value_, name)


def _unwrap(x):
    return x._value_ if isinstance(x, Enum) else x


class IntEnum(_ValueEnum):
    """Members that behave as ints (`Priority.HIGH > Priority.LOW`,
    `Priority.HIGH + 1`); their values are made ints."""

    @classmethod
    def _member_value_(cls, value):
        return int(value)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __bool__(self):
        return bool(self._value_)

    def __lt__(self, other):
        return self._value_ < _unwrap(other)

    def __le__(self, other):
        return self._value_ <= _unwrap(other)

    def __gt__(self, other):
        return self._value_ > _unwrap(other)

    def __ge__(self, other):
        return self._value_ >= _unwrap(other)

    def __add__(self, other):
        return self._value_ + _unwrap(other)

    def __radd__(self, other):
        return _unwrap(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _unwrap(other)

    def __rsub__(self, other):
        return _unwrap(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _unwrap(other)

    def __rmul__(self, other):
        return _unwrap(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _unwrap(other)

    def __floordiv__(self, other):
        return self._value_ // _unwrap(other)

    def __mod__(self, other):
        return self._value_ % _unwrap(other)

    def __neg__(self):
        return -self._value_

    def __and__(self, other):
        return self._value_ & _unwrap(other)

    def __or__(self, other):
        return self._value_ | _unwrap(other)


class StrEnum(_ValueEnum):
    """Members that behave as strs (`Color.RED == 'red'`, `Color.RED.upper()`);
    `auto()` gives the member's name in lower case."""

    @classmethod
    def _member_value_(cls, value):
        if not isinstance(value, str):
            raise TypeError(f'{value!r} is not a string')
        return value

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __lt__(self, other):
        return self._value_ < _unwrap(other)

    def __add__(self, other):
        return self._value_ + _unwrap(other)

    def __radd__(self, other):
        return _unwrap(other) + self._value_

    def __len__(self):
        return len(self._value_)

    def __contains__(self, item):
        return item in self._value_


def unique(enumeration):
    """A class decorator: ValueError when an enum has aliases."""
    aliases = [(name, member._name_) for name, member in enumeration.__members__.items()
               if name != member._name_]
    if aliases:
        details = ', '.join(f'{alias} -> {name}' for alias, name in aliases)
        raise ValueError(f'duplicate values found in {enumeration!r}: {details}')
    return enumeration
