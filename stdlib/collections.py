# collections for Baton: deque, defaultdict, OrderedDict, Counter and namedtuple,
# written in Baton. They print, compare and behave as CPython 3.11's in everyday use.
# One difference: Baton cannot subclass the built-in types, so defaultdict, OrderedDict
# and Counter are mappings that hold a dict (isinstance(d, dict) is False; dict(d),
# {**d}, d.items() and the rest work), and a namedtuple is a class of its own rather
# than a tuple subclass (it indexes, unpacks, compares and hashes as its tuple does).


class deque:
    """A double-ended queue, optionally bounded by `maxlen` (appending to a full one
    drops an item from the other end)."""

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self._items = []
        self.maxlen = maxlen
        self.extend(iterable)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def clear(self):
        self._items.clear()

    def rotate(self, n=1):
        if self._items:
            n %= len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def remove(self, value):
        try:
            self._items.remove(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def count(self, value):
        return self._items.count(value)

    def index(self, value, *args):
        try:
            return self._items.index(value, *args)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __reversed__(self):
        return reversed(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, x):
        try:
            self._items[i] = x
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        return deque(self._items + other._items, self.maxlen)

    def __repr__(self):
        if self.maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self.maxlen})'


class _MappingBase:
    """A mapping that keeps its items in a dict (`_data`): the dict methods, passed on."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'update expected at most 1 argument, got {len(args)}')
        if args:
            other = args[0]
            if hasattr(other, 'keys'):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._data[key] = value

    def __delitem__(self, key):
        del self._data[key]

    def __contains__(self, key):
        return key in self._data

    def __iter__(self):
        return iter(self._data)

    def __reversed__(self):
        return reversed(self._data)

    def __len__(self):
        return len(self._data)

    def __bool__(self):
        return bool(self._data)

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def popitem(self):
        return self._data.popitem()

    def setdefault(self, key, default=None):
        return self._data.setdefault(key, default)

    def clear(self):
        self._data.clear()

    def __eq__(self, other):
        if isinstance(other, _MappingBase):
            other = other._data
        if not isinstance(other, dict):
            return NotImplemented
        return self._data == other


class defaultdict(_MappingBase):
    """A dict whose missing keys get `default_factory()` (stored) when read with []."""

    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        super().__init__(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._data[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._data)

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {self._data!r})'


class OrderedDict(_MappingBase):
    """A dict that can also move a key to either end and pop from either end."""

    def move_to_end(self, key, last=True):
        value = self._data.pop(key)
        if last:
            self._data[key] = value
        else:
            rest = self._data
            self._data = {key: value}
            self._data.update(rest)

    def popitem(self, last=True):
        if not self._data:
            raise KeyError('dictionary is empty')
        key = next(reversed(self._data)) if last else next(iter(self._data))
        return key, self._data.pop(key)

    def copy(self):
        return OrderedDict(self._data)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._data.items()) == list(other._data.items())
        return super().__eq__(other)

    def __repr__(self):
        if not self._data:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._data.items())!r})'


class Counter(_MappingBase):
    """Counts of hashable things: a missing key counts 0."""

    def __init__(self, iterable=None, **kwargs):
        super().__init__()
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) + iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) + 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if hasattr(iterable, 'keys'):
                for k in iterable.keys():
                    self._data[k] = self._data.get(k, 0) - iterable[k]
            else:
                for k in iterable:
                    self._data[k] = self._data.get(k, 0) - 1
        for k, v in kwargs.items():
            self._data[k] = self._data.get(k, 0) - v

    def most_common(self, n=None):
        ranked = sorted(self._data.items(), key=lambda kv: kv[1], reverse=True)
        return ranked if n is None else ranked[:n]

    def elements(self):
        for k, v in self._data.items():
            for _ in range(v):
                yield k

    def total(self):
        return sum(self._data.values())

    def copy(self):
        return Counter(self)

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k in list(self._data) + [k for k in other._data if k not in self._data]:
            n = self[k] + other[k]
            if n > 0:
                result._data[k] = n
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for k, v in self._data.items():
            n = v - other[k]
            if n > 0:
                result._data[k] = n
        for k, v in other._data.items():
            if k not in self._data and v < 0:
                result._data[k] = -v
        return result

    def __repr__(self):
        if not self._data:
            return 'Counter()'
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return 'Counter({' + items + '})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A class named `typename` whose instances hold the fields `field_names` (a
    list, or one string of names separated by commas or spaces), by position or by
    name; `_make`, `_asdict`, `_replace` and `_fields` as in CPython."""
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(str(f) for f in field_names)
    for name in (typename,) + fields:
        if not name.isidentifier():
            raise ValueError(f'Type names and field names must be valid identifiers: {name!r}')
    seen = set()
    for name in fields:
        if name.startswith('_'):
            raise ValueError(f'Field names cannot start with an underscore: {name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(fields):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    class _Record:
        __slots__ = ()
        _fields = fields
        _field_defaults = field_defaults

        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f'{typename}.__new__() takes {len(fields) + 1} positional '
                                f'arguments but {len(args) + 1} were given')
            values = list(args)
            for name in fields[len(args):]:
                if name in kwargs:
                    values.append(kwargs.pop(name))
                elif name in field_defaults:
                    values.append(field_defaults[name])
                else:
                    missing = [n for n in fields[len(values):]
                               if n not in kwargs and n not in field_defaults]
                    raise TypeError(f"{typename}.__new__() missing {len(missing)} required "
                                    f"positional argument{'s' if len(missing) > 1 else ''}: "
                                    + ', '.join(repr(m) for m in missing[:-1])
                                    + (' and ' if len(missing) > 1 else '')
                                    + repr(missing[-1]))
            for name in kwargs:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{name}'")
            object.__setattr__(self, '_values', tuple(values))
            for name, value in zip(fields, values):
                object.__setattr__(self, name, value)

        @classmethod
        def _make(cls, iterable):
            return cls(*iterable)

        def _asdict(self):
            return dict(zip(fields, self._values))

        def _replace(self, **changes):
            values = self._asdict()
            for name, value in changes.items():
                if name not in values:
                    raise ValueError(f'Got unexpected field names: {list(changes)!r}')
                values[name] = value
            return type(self)(**values)

        def __repr__(self):
            inner = ', '.join(f'{n}={v!r}' for n, v in zip(fields, self._values))
            return f'{typename}({inner})'

        def __iter__(self):
            return iter(self._values)

        def __len__(self):
            return len(self._values)

        def __getitem__(self, i):
            return self._values[i]

        def __eq__(self, other):
            if isinstance(other, _Record):
                return self._values == other._values
            if isinstance(other, tuple):
                return self._values == other
            return NotImplemented

        def __lt__(self, other):
            return self._values < tuple(other)

        def __hash__(self):
            return hash(self._values)

        def __setattr__(self, name, value):
            raise AttributeError("can't set attribute")

    _Record.__name__ = typename
    _Record.__qualname__ = typename
    return _Record
