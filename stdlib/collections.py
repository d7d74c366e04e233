# collections for Baton: deque, defaultdict, OrderedDict, Counter, ChainMap and
# namedtuple, written in Baton. They print, compare and fail as CPython 3.11's.
#
# Differences, all from what Baton's classes cannot do: defaultdict, OrderedDict and
# Counter are mappings that hold a dict (Baton cannot subclass the built-in types, so
# isinstance(d, dict) is False; dict(d), {**d}, d.items() and the rest work), and a
# namedtuple is a class of its own rather than a tuple subclass (it indexes, slices,
# unpacks, concatenates, compares and hashes as its tuple does; isinstance(p, tuple)
# is False and `'%s-%s' % p` needs tuple(p)). A namedtuple class's own name inside
# Baton is `_Record`: its __name__, __qualname__, __module__ and repr are the ones
# CPython gives, but a message the interpreter itself builds from the type's name
# (a TypeError for an operand the class does not handle at all) names `_Record`.

from types import GenericAlias as _GenericAlias, MappingProxyType as _MappingProxy

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']


def _index(n):
    """`n` as an int, through `__index__` (operator.index)."""
    if isinstance(n, int):
        return n
    convert = getattr(type(n), '__index__', None)
    if convert is None:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return convert(n)


# Set while one of the comparisons below asks the other operand for its reflected
# method, so that a class of this module asked in turn says NotImplemented.
_reflecting = [False]
_REFLECTED = {'<': '__gt__', '<=': '__ge__', '>': '__lt__', '>=': '__le__'}


def _compare_other(op, left, right, left_name):
    """An ordering `left op right` that `left` cannot do itself: the reflected method
    of `right`, or CPython's TypeError naming the two types (`left_name` is the name
    CPython's type carries, such as 'collections.deque')."""
    if _reflecting[0]:
        return NotImplemented
    reflected = getattr(type(right), _REFLECTED[op], None)
    if reflected is not None:
        _reflecting[0] = True
        try:
            result = reflected(right, left)
        finally:
            _reflecting[0] = False
        if result is not NotImplemented:
            return result
    raise TypeError(f"'{op}' not supported between instances of '{left_name}' and "
                    f"'{type(right).__name__}'")


# The objects whose repr is being made (by id), for the `[...]` of a recursive repr.
_repr_running = set()


# ---------------------------------------------------------------------------- deque

# The built-in containers whose iteration cannot see a deque change: extend() takes
# their items in one step.
_PLAIN_ITERABLES = (list, tuple, str, range, set, frozenset, dict,
                    type({}.keys()), type({}.values()), type({}.items()))


def _deque_name(d):
    return 'collections.deque' if type(d) is deque else type(d).__name__


class deque:
    """deque([iterable[, maxlen]]) --> deque object

A list-like sequence optimized for data accesses near its endpoints."""

    # The items are two lists: `_front` holds the left part reversed (its last item
    # is the leftmost), `_back` the right part in order (its last item is the
    # rightmost). Both ends are then list appends and pops; when the end being popped
    # runs empty, half of the other list moves over, so each operation is O(1)
    # amortized. `_state` changes with every change of size, as CPython's does, for the
    # iterators' "deque mutated during iteration". (Items leave a list by assigning []
    # to a slice: Baton's `del lst[i:j]` rebuilds the whole list.)

    def __new__(cls, *args, **kwargs):
        # An empty deque, even for a subclass whose __init__ does not call this one.
        self = object.__new__(cls)
        self._front = []
        self._back = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError('an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        if self._front or self._back:
            self.clear()
        if iterable is not ():
            self.extend(iterable)

    def __getattr__(self, name):
        # `maxlen` is read here, so that the instance has no property to slow down
        # every other attribute.
        if name == 'maxlen':
            return self._maxlen
        raise AttributeError(f"'{_deque_name(self)}' object has no attribute '{name}'",
                             name=name, obj=self)

    # -- the two ends

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._back.append(x)
        self._state += 1
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self.popleft()

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._front.append(x)
        self._state += 1
        if self._maxlen is not None and len(self._front) + len(self._back) > self._maxlen:
            self.pop()

    def pop(self):
        """Remove and return the rightmost element."""
        back = self._back
        if not back:
            front = self._front
            if not front:
                raise IndexError('pop from an empty deque')
            # The right half of the items (the start of `_front`) becomes `_back`.
            k = (len(front) + 1) // 2
            back = front[:k]
            front[:k] = []
            back.reverse()
            self._back = back
        self._state += 1
        return back.pop()

    def popleft(self):
        """Remove and return the leftmost element."""
        front = self._front
        if not front:
            back = self._back
            if not back:
                raise IndexError('pop from an empty deque')
            # The left half of the items (the start of `_back`) becomes `_front`.
            k = (len(back) + 1) // 2
            front = back[:k]
            back[:k] = []
            front.reverse()
            self._front = front
        self._state += 1
        return front.pop()

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        maxlen = self._maxlen
        if isinstance(iterable, _PLAIN_ITERABLES) or isinstance(iterable, deque):
            if maxlen == 0:
                return
            self._back.extend(iterable)
            self._state += 1
            if maxlen is not None:
                self._trim_left(len(self._front) + len(self._back) - maxlen)
            return
        # Any other iterable might look at this deque: one item at a time, each a
        # change its iterators notice. Bounded, the deque is trimmed now and then.
        back = self._back
        if maxlen is None:
            for x in iterable:
                back.append(x)
                self._state += 1
            return
        limit = 2 * maxlen + 16
        for x in iterable:
            self._back.append(x)
            self._state += 1
            if len(self._back) > limit:
                self._trim_left(len(self._front) + len(self._back) - maxlen)
        self._trim_left(len(self._front) + len(self._back) - maxlen)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        maxlen = self._maxlen
        if isinstance(iterable, _PLAIN_ITERABLES) or isinstance(iterable, deque):
            if maxlen == 0:
                return
            self._front.extend(iterable)
            self._state += 1
            if maxlen is not None:
                self._trim_right(len(self._front) + len(self._back) - maxlen)
            return
        if maxlen is None:
            front = self._front
            for x in iterable:
                front.append(x)
                self._state += 1
            return
        limit = 2 * maxlen + 16
        for x in iterable:
            self._front.append(x)
            self._state += 1
            if len(self._front) > limit:
                self._trim_right(len(self._front) + len(self._back) - maxlen)
        self._trim_right(len(self._front) + len(self._back) - maxlen)

    def _trim_left(self, k):
        """Drops the `k` leftmost items (none when k <= 0)."""
        if k <= 0:
            return
        front = self._front
        if k <= len(front):
            front[len(front) - k:] = []
        else:
            self._back[:k - len(front)] = []
            front.clear()
        self._state += 1

    def _trim_right(self, k):
        """Drops the `k` rightmost items (none when k <= 0)."""
        if k <= 0:
            return
        back = self._back
        if k <= len(back):
            back[len(back) - k:] = []
        else:
            self._front[:k - len(back)] = []
            back.clear()
        self._state += 1

    def _items(self):
        """The items in order, as a list not to be changed (it may be `_back`)."""
        if self._front:
            return self._front[::-1] + self._back
        return self._back

    def _rebalance(self):
        items = self._items()
        half = len(items) // 2
        front = items[:half]
        front.reverse()
        self._front = front
        self._back = items[half:]

    # -- the rest of the API

    def clear(self):
        """Remove all elements from the deque."""
        if self._front or self._back:
            self._front = []
            self._back = []
            self._state += 1

    def copy(self):
        """Return a shallow copy of a deque."""
        cls = type(self)
        if cls is deque:
            new = deque((), self._maxlen)
            new._front = self._front[:]
            new._back = self._back[:]
            return new
        if self._maxlen is None:
            return cls(self)
        return cls(self, self._maxlen)

    __copy__ = copy

    def count(self, value):
        """Return number of occurrences of value."""
        return self._items().count(value)

    def index(self, value, start=0, stop=9223372036854775807):
        """Return first index of value.

Raises ValueError if the value is not present."""
        try:
            return self._items().index(value, _index(start), _index(stop))
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None

    def insert(self, index, value):
        """Insert value before index."""
        index = _index(index)
        n = len(self._front) + len(self._back)
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        if index >= n:
            return self.append(value)
        if index <= -n or index == 0:
            return self.appendleft(value)
        if index < 0:
            index += n
        front = self._front
        if index <= len(front):
            front.insert(len(front) - index, value)
        else:
            self._back.insert(index - len(front), value)
        self._state += 1

    def remove(self, value):
        """Remove first occurrence of value."""
        try:
            i = self._items().index(value)
        except ValueError:
            raise ValueError(f'{value!r} is not in deque') from None
        del self[i]

    def reverse(self):
        """Reverse *IN PLACE*."""
        self._front, self._back = self._back, self._front

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."""
        n = _index(n)
        size = len(self._front) + len(self._back)
        if size <= 1:
            return
        half = size >> 1
        if n > half or n < -half:
            n %= size
            if n > half:
                n -= size
        self._state += 1
        if n > 0:
            # The n rightmost items move to the left end.
            if len(self._back) < n:
                self._rebalance()
            back = self._back
            moved = back[len(back) - n:]
            back[len(back) - n:] = []
            moved.reverse()
            self._front.extend(moved)
        elif n < 0:
            n = -n
            if len(self._front) < n:
                self._rebalance()
            front = self._front
            moved = front[len(front) - n:]
            front[len(front) - n:] = []
            moved.reverse()
            self._back.extend(moved)

    # -- the sequence protocol

    def __len__(self):
        return len(self._front) + len(self._back)

    def __bool__(self):
        return bool(self._front or self._back)

    def __iter__(self):
        return _deque_iterator(self)

    def __reversed__(self):
        """D.__reversed__() -- return a reverse iterator over the deque"""
        return _deque_reverse_iterator(self)

    def __contains__(self, value):
        return value in reversed(self._front) or value in self._back

    def _position(self, index):
        """(list, position in it) of the item at `index`, or IndexError."""
        if not isinstance(index, int):
            if getattr(type(index), '__index__', None) is None:
                raise TypeError(f"sequence index must be integer, not '{type(index).__name__}'")
            index = _index(index)
        front = self._front
        nf = len(front)
        if index < 0:
            index += nf + len(self._back)
            if index < 0:
                raise IndexError('deque index out of range')
        if index < nf:
            return front, nf - 1 - index
        index -= nf
        if index < len(self._back):
            return self._back, index
        raise IndexError('deque index out of range')

    def __getitem__(self, index):
        if type(index) is int:
            front = self._front
            nf = len(front)
            if 0 <= index < nf:
                return front[nf - 1 - index]
            if nf <= index < nf + len(self._back):
                return self._back[index - nf]
        items, i = self._position(index)
        return items[i]

    def __setitem__(self, index, value):
        items, i = self._position(index)
        items[i] = value

    def __delitem__(self, index):
        items, i = self._position(index)
        del items[i]
        self._state += 1

    # -- comparisons and operators

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        if self is other:
            return True
        if len(self) != len(other):
            return False
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        if self is other:
            return False
        if len(self) != len(other):
            return True
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return _compare_other('<', self, other, _deque_name(self))
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return _compare_other('<=', self, other, _deque_name(self))
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return _compare_other('>', self, other, _deque_name(self))
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return _compare_other('>=', self, other, _deque_name(self))
        return self._items() >= other._items()

    def __hash__(self):
        raise TypeError(f"unhashable type: '{_deque_name(self)}'")

    def __add__(self, other):
        if not isinstance(other, deque):
            reflected = getattr(type(other), '__radd__', None)
            if reflected is not None:
                result = reflected(other, self)
                if result is not NotImplemented:
                    return result
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def _repeat_count(self, n):
        if isinstance(n, int):
            return n
        if getattr(type(n), '__index__', None) is not None:
            return _index(n)
        return None

    def __mul__(self, n):
        count = self._repeat_count(n)
        if count is None:
            reflected = getattr(type(n), '__rmul__', None)
            if reflected is not None:
                result = reflected(n, self)
                if result is not NotImplemented:
                    return result
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        new = self.copy()
        new *= count
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        count = self._repeat_count(n)
        if count is None:
            raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
        if count <= 0:
            self.clear()
            return self
        if count == 1:
            return self
        items = self._items()
        size = len(items)
        if size == 0:
            return self
        maxlen = self._maxlen
        if maxlen is not None and size * count > maxlen:
            # Only the last `maxlen` items of the repetition stay.
            reps = min(count, maxlen // size + 2)
            repeated = (items * reps)[size * reps - maxlen:]
        else:
            repeated = items * count
        self._front = []
        self._back = repeated
        self._state += 1
        return self

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            return '[...]'
        _repr_running.add(key)
        try:
            items = repr(self._items())
        finally:
            _repr_running.discard(key)
        if self._maxlen is None:
            return f'{type(self).__name__}({items})'
        return f'{type(self).__name__}({items}, maxlen={self._maxlen})'

    __class_getitem__ = classmethod(_GenericAlias)


class _deque_iterator:
    """Iterates a deque by position; any change of the deque's size ends it with
    RuntimeError (every later call raises it again), as CPython's."""

    def __init__(self, d):
        self._deque = d
        self._state = d._state
        self._index = 0
        self._left = len(d._front) + len(d._back)

    def __iter__(self):
        return self

    def __next__(self):
        d = self._deque
        if d._state != self._state:
            self._left = 0
            raise RuntimeError('deque mutated during iteration')
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        i = self._index
        self._index = i + 1
        front = d._front
        if i < len(front):
            return front[len(front) - 1 - i]
        return d._back[i - len(front)]

    def __length_hint__(self):
        return self._left


class _deque_reverse_iterator(_deque_iterator):
    def __init__(self, d):
        super().__init__(d)
        self._index = self._left - 1

    def __next__(self):
        d = self._deque
        if d._state != self._state:
            self._left = 0
            raise RuntimeError('deque mutated during iteration')
        if self._left <= 0:
            raise StopIteration
        self._left -= 1
        i = self._index
        self._index = i - 1
        front = d._front
        if i < len(front):
            return front[len(front) - 1 - i]
        return d._back[i - len(front)]


# ------------------------------------------------------------------------- mappings

def _is_mapping(x):
    """Is `x` a Mapping, as CPython's collections.abc sees the mappings Baton has?"""
    return isinstance(x, (dict, _MappingBase, ChainMap, _MappingProxy))


def _recursive_repr(method):
    """`method` (a __repr__) gives '...' for an object whose repr is being made."""
    def wrapper(self):
        key = id(self)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            return method(self)
        finally:
            _repr_running.discard(key)
    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    wrapper.__doc__ = method.__doc__
    return wrapper


class _MappingBase:
    """A mapping that keeps its items in a dict (`_data`): the dict methods, passed on."""

    def __init__(self, *args, **kwargs):
        self._data = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'update expected at most 1 argument, got {len(args)}')
        plain = type(self).__setitem__ is _MappingBase.__setitem__
        if args:
            other = args[0]
            if isinstance(other, _MappingBase):
                other = other._data
            if plain and isinstance(other, dict):
                self._data.update(other)
            elif hasattr(other, 'keys'):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        if kwargs:
            if plain:
                self._data.update(kwargs)
            else:
                for k, v in kwargs.items():
                    self[k] = v

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            pass
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

    def __copy__(self):
        return self.copy()

    def __eq__(self, other):
        if isinstance(other, _MappingBase):
            other = other._data
        if not isinstance(other, dict):
            return NotImplemented
        return self._data == other

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __or__(self, other):
        if not isinstance(other, (dict, _MappingBase)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_GenericAlias)


class defaultdict(_MappingBase):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        self._data = {}
        if len(args) > 1:
            raise TypeError(f'dict expected at most 1 argument, got {len(args)}')
        if args or kwargs:
            self.update(*args, **kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    @classmethod
    def fromkeys(cls, iterable, value=None):
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.defaultdict'")

    def __or__(self, other):
        if not isinstance(other, (dict, _MappingBase)):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _MappingBase)):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __repr__(self):
        key = id(self)
        if key in _repr_running:
            factory = '...'
        else:
            _repr_running.add(key)
            try:
                factory = repr(self.default_factory)
            finally:
                _repr_running.discard(key)
        return f'{type(self).__name__}({factory}, {self._data!r})'


class _DictViewWrapper:
    """An OrderedDict's keys(), values() or items(): the dict's own view, shown as
    CPython's odict views."""

    def __init__(self, view):
        self._view = view

    def __iter__(self):
        return iter(self._view)

    def __reversed__(self):
        return reversed(self._view)

    def __len__(self):
        return len(self._view)

    def __contains__(self, x):
        return x in self._view

    def __repr__(self):
        return f'{type(self).__name__}({list(self._view)!r})'


def _unwrap_view(other):
    return other._view if isinstance(other, _DictViewWrapper) else other


class _SetViewWrapper(_DictViewWrapper):
    def __eq__(self, other):
        return self._view == _unwrap_view(other)

    def __ne__(self, other):
        return self._view != _unwrap_view(other)

    def __and__(self, other):
        return self._view & _unwrap_view(other)

    def __or__(self, other):
        return self._view | _unwrap_view(other)

    def __sub__(self, other):
        return self._view - _unwrap_view(other)

    def __xor__(self, other):
        return self._view ^ _unwrap_view(other)

    def __rand__(self, other):
        return other & self._view

    def __ror__(self, other):
        return other | self._view

    def __rsub__(self, other):
        return other - set(self._view)

    def __rxor__(self, other):
        return other ^ self._view

    def __le__(self, other):
        return self._view <= _unwrap_view(other)

    def __lt__(self, other):
        return self._view < _unwrap_view(other)

    def __ge__(self, other):
        return self._view >= _unwrap_view(other)

    def __gt__(self, other):
        return self._view > _unwrap_view(other)

    def isdisjoint(self, other):
        return self._view.isdisjoint(_unwrap_view(other))


class odict_keys(_SetViewWrapper):
    pass


class odict_items(_SetViewWrapper):
    pass


class odict_values(_DictViewWrapper):
    pass


_odict_keys, _odict_items, _odict_values = odict_keys, odict_items, odict_values
del odict_keys, odict_items, odict_values


class OrderedDict(_MappingBase):
    """Dictionary that remembers insertion order"""

    def __init__(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError(f'expected at most 1 arguments, got {len(args)}')
        self._data = {}
        self.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

Raise KeyError if the element does not exist."""
        data = self._data
        value = data.pop(key)
        if last:
            data[key] = value
        else:
            rest = list(data.items())
            data.clear()
            data[key] = value
            data.update(rest)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

Pairs are returned in LIFO order if last is true or FIFO order if false."""
        data = self._data
        if not data:
            raise KeyError('dictionary is empty')
        if last:
            return data.popitem()
        key = next(iter(data))
        return key, data.pop(key)

    def keys(self):
        return _odict_keys(self._data.keys())

    def values(self):
        return _odict_values(self._data.values())

    def items(self):
        return _odict_items(self._data.items())

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        new = cls()
        for key in iterable:
            new[key] = value
        return new

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return self._data == other._data and list(self._data) == list(other._data)
        return super().__eq__(other)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __hash__(self):
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    def __ror__(self, other):
        if not isinstance(other, (dict, _MappingBase)):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    @_recursive_repr
    def __repr__(self):
        if not self._data:
            return f'{type(self).__name__}()'
        return f'{type(self).__name__}({list(self._data.items())!r})'


# -------------------------------------------------------------------------- Counter

def _count_key(item):
    return item[1]


class Counter(_MappingBase):
    """Dict subclass for counting hashable items.  Sometimes called a bag
    or multiset.  Elements are stored as dictionary keys and their counts
    are stored as dictionary values.
    """

    def __init__(self, iterable=None, /, **kwds):
        self._data = {}
        self.update(iterable, **kwds)

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing values."""
        if elem in self._data:
            del self._data[elem]

    def total(self):
        """Sum of the counts"""
        return sum(self._data.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.
        """
        ranked = sorted(self._data.items(), key=_count_key, reverse=True)
        if n is None:
            return ranked
        if n <= 0:
            return []
        return ranked[:n]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in list(self._data.items()):
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            plain = type(self).__setitem__ is _MappingBase.__setitem__
            data = self._data
            if _is_mapping(iterable):
                if isinstance(iterable, _MappingBase):
                    iterable = iterable._data
                if data or not plain:
                    for elem, count in iterable.items():
                        self[elem] = count + data.get(elem, 0)
                else:
                    # An empty Counter takes the counts as they are (dict.update).
                    data.update(iterable)
            elif plain:
                get = data.get
                for elem in iterable:
                    data[elem] = get(elem, 0) + 1
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them."""
        if iterable is not None:
            if _is_mapping(iterable):
                if isinstance(iterable, _MappingBase):
                    iterable = iterable._data
                for elem, count in iterable.items():
                    self[elem] = self.get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self.get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    # Comparisons: a missing element counts zero (Python 3.10).

    def __eq__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, dict):
                return self._data == other
            return NotImplemented
        a = self._data
        b = other._data
        return (all(count == b.get(elem, 0) for elem, count in a.items())
                and all(count == a.get(elem, 0) for elem, count in b.items()))

    def __ne__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, dict):
                return self._data != other
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        a = self._data
        b = other._data
        return (all(count <= b.get(elem, 0) for elem, count in a.items())
                and all(a.get(elem, 0) <= count for elem, count in b.items()))

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        a = self._data
        b = other._data
        return (all(count >= b.get(elem, 0) for elem, count in a.items())
                and all(a.get(elem, 0) >= count for elem, count in b.items()))

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    def __hash__(self):
        raise TypeError("unhashable type: 'Counter'")

    def __repr__(self):
        if not self._data:
            return f'{self.__class__.__name__}()'
        try:
            shown = dict(self.most_common())
        except TypeError:
            # Counts that do not order are shown as they are.
            shown = dict(self._data)
        return f'{self.__class__.__name__}({shown!r})'

    # Multiset arithmetic: the results keep only positive counts.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        out = result._data
        b = other._data
        for elem, count in self._data.items():
            newcount = count + b.get(elem, 0)
            if newcount > 0:
                out[elem] = newcount
        a = self._data
        for elem, count in b.items():
            if elem not in a and count > 0:
                out[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        out = result._data
        b = other._data
        for elem, count in self._data.items():
            newcount = count - b.get(elem, 0)
            if newcount > 0:
                out[elem] = newcount
        a = self._data
        for elem, count in b.items():
            if elem not in a and count < 0:
                out[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            if isinstance(other, (dict, _MappingBase)):
                # dict's | (a Counter is a dict): a plain dict of both.
                merged = dict(self._data)
                merged.update(other._data if isinstance(other, _MappingBase) else other)
                return merged
            return NotImplemented
        result = Counter()
        out = result._data
        b = other._data
        for elem, count in self._data.items():
            other_count = b.get(elem, 0)
            newcount = other_count if count < other_count else count
            if newcount > 0:
                out[elem] = newcount
        a = self._data
        for elem, count in b.items():
            if elem not in a and count > 0:
                out[elem] = count
        return result

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = dict(other)
            merged.update(self._data)
            return merged
        return NotImplemented

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        out = result._data
        b = other._data
        for elem, count in self._data.items():
            other_count = b.get(elem, 0)
            newcount = count if count < other_count else other_count
            if newcount > 0:
                out[elem] = newcount
        return result

    def __pos__(self):
        """Adds an empty counter, effectively stripping negative and zero counts"""
        result = Counter()
        for elem, count in self._data.items():
            if count > 0:
                result._data[elem] = count
        return result

    def __neg__(self):
        """Subtracts from an empty counter.  Strips positive and zero counts,
        and flips the sign on negative counts."""
        result = Counter()
        for elem, count in self._data.items():
            if count < 0:
                result._data[elem] = 0 - count
        return result

    def _keep_positive(self):
        """Internal method to strip elements with a negative or zero count"""
        data = self._data
        for elem in [elem for elem, count in data.items() if not count > 0]:
            del data[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in list(self._data.items()):
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


# ------------------------------------------------------------------------- ChainMap

class KeysView:
    """The keys of a mapping (what ChainMap.keys() gives), as collections.abc's."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def __repr__(self):
        return f'{self.__class__.__name__}({self._mapping!r})'

    def _as_set(self):
        return set(self)

    def __eq__(self, other):
        if not isinstance(other, (set, frozenset, _KeysView, _ItemsView,
                                  type({}.keys()), type({}.items()), _SetViewWrapper)):
            return NotImplemented
        return self._as_set() == set(other)

    def __and__(self, other):
        return self._as_set() & set(other)

    def __or__(self, other):
        return self._as_set() | set(other)

    def __sub__(self, other):
        return self._as_set() - set(other)

    def __xor__(self, other):
        return self._as_set() ^ set(other)

    def __le__(self, other):
        return self._as_set() <= set(other)

    def __ge__(self, other):
        return self._as_set() >= set(other)

    def isdisjoint(self, other):
        return self._as_set().isdisjoint(other)


class ItemsView(KeysView):
    """The (key, value) pairs of a mapping, as collections.abc's."""

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        return v is value or v == value


class ValuesView:
    """The values of a mapping, as collections.abc's."""

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __repr__(self):
        return f'{self.__class__.__name__}({self._mapping!r})'


_KeysView, _ItemsView, _ValuesView = KeysView, ItemsView, ValuesView
del KeysView, ItemsView, ValuesView


class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together
    to create a single, updateable view.

    The underlying mappings are stored in a list.  That list is public and can
    be accessed or updated using the *maps* attribute.  There is no other
    state.

    Lookups search the underlying mappings successively until a key is found.
    In contrast, writes, updates, and deletions only operate on the first
    mapping.
    """

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                seen[key] = None
        return iter(seen)

    def __contains__(self, key):
        for mapping in self.maps:
            if key in mapping:
                return True
        return False

    def __bool__(self):
        for mapping in self.maps:
            if mapping:
                return True
        return False

    def keys(self):
        return _KeysView(self)

    def items(self):
        return _ItemsView(self)

    def values(self):
        return _ValuesView(self)

    def __eq__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    __hash__ = None

    @_recursive_repr
    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps.
        If no map is provided, an empty dict is used.
        Keyword arguments update the map or new empty dict.
        """
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError is maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if *key* not in maps[0]."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}') from None

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        if _is_mapping(other):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# ----------------------------------------------------------------------- namedtuple

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield'])

_MISSING = object()
_object_new = object.__new__
_object_setattr = object.__setattr__


def _and_list(names):
    """'a', 'a' and 'b', 'a', 'b', and 'c': names as CPython's argument errors list them."""
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _bind_fields(typename, fields, defaults, args, kwargs):
    """The values for `typename(*args, **kwargs)`, or the TypeError CPython's
    generated `__new__(_cls, field, ...)` raises, with its wording."""
    where = f'{typename}.__new__()'
    n = len(fields)
    values = list(args[:n])
    values.extend([_MISSING] * (n - len(values)))
    for name, value in kwargs.items():
        if name in fields:
            i = fields.index(name)
            if values[i] is not _MISSING:
                raise TypeError(f"{where} got multiple values for argument '{name}'")
            values[i] = value
        elif name == '_cls':
            raise TypeError(f"{where} got multiple values for argument '_cls'")
        else:
            raise TypeError(f"{where} got an unexpected keyword argument '{name}'")
    if len(args) > n:
        given = len(args) + 1
        if defaults:
            takes = f'from {n - len(defaults) + 1} to {n + 1} positional arguments'
        else:
            takes = f"{n + 1} positional argument{'s' if n + 1 != 1 else ''}"
        raise TypeError(f"{where} takes {takes} but {given} {'was' if given == 1 else 'were'} given")
    missing = []
    for i, name in enumerate(fields):
        if values[i] is _MISSING:
            if name in defaults:
                values[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        raise TypeError(f"{where} missing {len(missing)} required positional "
                        f"argument{'s' if len(missing) > 1 else ''}: {_and_list(missing)}")
    return tuple(values)


def _new_record(cls, values):
    """An instance of the namedtuple class `cls` holding the tuple `values`."""
    self = _object_new(cls)
    _object_setattr(self, '_tuple', values)
    i = 0
    for name in cls._fields:
        _object_setattr(self, name, values[i])
        i += 1
    return self


def _as_tuple(x):
    """The tuple a tuple or a namedtuple is, else None."""
    if isinstance(x, tuple):
        return x
    if getattr(type(x), '_namedtuple_class_', None) is not None:
        return x._tuple
    return None


# (module, qualname) of a class that subclasses a namedtuple class, as Baton named it.
_subclass_names = {}


def _own_names(cls):
    names = _subclass_names.get(cls)
    if names is None:
        # The default repr of an instance names the class as the class statement made
        # it, whatever its bases' dicts say.
        text = object.__repr__(object.__new__(cls))
        full = text[1:text.rindex(' object at ')]
        module = cls.__dict__.get('__module__', '')
        qualname = full[len(module) + 1:] if full.startswith(module + '.') else full
        names = (module, qualname)
        _subclass_names[cls] = names
    return names


class _ClassName:
    """`__name__` or `__qualname__` in a namedtuple class's dict: the typename for the
    class itself, its own for a subclass (Baton keeps class names apart from the
    dict, and a base's dict entry would otherwise show through)."""

    def __init__(self, record, which):
        self._record = record
        self._which = which

    def __get__(self, obj, cls=None):
        if obj is not None:
            raise AttributeError(f"'{type(obj).__name__}' object has no attribute "
                                 f"'{self._which}'")
        if cls is self._record:
            return self._record._typename_
        qualname = _own_names(cls)[1]
        if self._which == '__name__':
            return qualname.rpartition('.')[2]
        return qualname

    def __set__(self, obj, value):
        raise AttributeError(f"can't set attribute '{self._which}'")


class _tuplegetter:
    """What a namedtuple class holds for each field (read from the class)."""

    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        return obj._tuple[self._index]

    def __repr__(self):
        return f'_tuplegetter({self._index}, {self.__doc__!r})'


def _has_instance_dict(cls, record):
    """Does an instance of `cls` (a namedtuple class or a subclass) take new
    attributes? Only when a class below the namedtuple has no `__slots__`."""
    for klass in cls.__mro__:
        if klass is record:
            return False
        if '__slots__' not in klass.__dict__:
            return True
    return False


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point.__doc__                   # docstring for the new class
    'Point(x, y)'
    >>> p = Point(11, y=22)             # instantiate with positional args or keywords
    >>> p[0] + p[1]                     # indexable like a plain tuple
    33
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(zip(field_names[len(field_names) - len(defaults):], defaults))

    fields = tuple(field_names)
    num_fields = len(fields)
    field_set = frozenset(fields)
    arg_list = ', '.join(fields)
    if num_fields == 1:
        arg_list += ','
    if module is None:
        try:
            import sys
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'

    class _Record:
        __slots__ = ()
        _fields = fields
        _field_defaults = field_defaults
        __match_args__ = fields
        _typename_ = typename

        def __new__(_cls, *args, **kwargs):
            if kwargs or len(args) != num_fields:
                args = _bind_fields(typename, fields, field_defaults, args, kwargs)
            self = _object_new(_cls)
            _object_setattr(self, '_tuple', args)
            i = 0
            for name in fields:
                _object_setattr(self, name, args[i])
                i += 1
            return self

        @classmethod
        def _make(cls, iterable):
            result = tuple(iterable)
            if len(result) != num_fields:
                raise TypeError(f'Expected {num_fields} arguments, got {len(result)}')
            return _new_record(cls, result)

        def _replace(self, /, **kwds):
            result = self._make([kwds.pop(name, value)
                                 for name, value in zip(fields, self._tuple)])
            if kwds:
                raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
            return result

        def _asdict(self):
            return dict(zip(self._fields, self._tuple))

        def __getnewargs__(self):
            return self._tuple

        def __repr__(self):
            return (type(self).__name__ + '('
                    + ', '.join(f'{name}={value!r}' for name, value in zip(fields, self._tuple))
                    + ')')

        # -- the tuple it is

        def __len__(self):
            return num_fields

        def __iter__(self):
            return iter(self._tuple)

        def __reversed__(self):
            return reversed(self._tuple)

        def __contains__(self, value):
            return value in self._tuple

        def __getitem__(self, index):
            return self._tuple[index]

        def count(self, value):
            return self._tuple.count(value)

        def index(self, value, *args):
            return self._tuple.index(value, *args)

        def __hash__(self):
            return hash(self._tuple)

        def __eq__(self, other):
            t = _as_tuple(other)
            if t is None:
                return NotImplemented
            return self._tuple == t

        def __ne__(self, other):
            t = _as_tuple(other)
            if t is None:
                return NotImplemented
            return self._tuple != t

        def __lt__(self, other):
            t = _as_tuple(other)
            if t is None:
                return _compare_other('<', self, other, type(self).__name__)
            return self._tuple < t

        def __le__(self, other):
            t = _as_tuple(other)
            if t is None:
                return _compare_other('<=', self, other, type(self).__name__)
            return self._tuple <= t

        def __gt__(self, other):
            t = _as_tuple(other)
            if t is None:
                return _compare_other('>', self, other, type(self).__name__)
            return self._tuple > t

        def __ge__(self, other):
            t = _as_tuple(other)
            if t is None:
                return _compare_other('>=', self, other, type(self).__name__)
            return self._tuple >= t

        def __add__(self, other):
            t = _as_tuple(other)
            if t is None:
                reflected = getattr(type(other), '__radd__', None)
                if reflected is not None:
                    result = reflected(other, self)
                    if result is not NotImplemented:
                        return result
                raise TypeError(f'can only concatenate tuple (not "{type(other).__name__}") to tuple')
            return self._tuple + t

        def __radd__(self, other):
            t = _as_tuple(other)
            if t is None:
                return NotImplemented
            return t + self._tuple

        def __mul__(self, n):
            if not isinstance(n, int) and getattr(type(n), '__index__', None) is None:
                reflected = getattr(type(n), '__rmul__', None)
                if reflected is not None:
                    result = reflected(n, self)
                    if result is not NotImplemented:
                        return result
                raise TypeError(f"can't multiply sequence by non-int of type '{type(n).__name__}'")
            return self._tuple * _index(n)

        __rmul__ = __mul__

        # -- read-only

        def __setattr__(self, name, value):
            if name in field_set:
                raise AttributeError("can't set attribute")
            cls = type(self)
            attr = getattr(cls, name, None)
            if isinstance(attr, property):
                if attr.fset is None:
                    raise AttributeError(f"property '{name}' of '{cls.__name__}' object has no setter")
                attr.fset(self, value)
                return
            if _has_instance_dict(cls, _Record):
                object.__setattr__(self, name, value)
                return
            raise AttributeError(f"'{cls.__name__}' object has no attribute '{name}'")

        def __delattr__(self, name):
            if name in field_set:
                raise AttributeError("can't delete attribute")
            cls = type(self)
            if _has_instance_dict(cls, _Record) and name in self.__dict__:
                object.__delattr__(self, name)
                return
            raise AttributeError(f"'{cls.__name__}' object has no attribute '{name}'")

        def __getattr__(self, name):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'",
                                 name=name, obj=self)

        def __copy__(self):
            cls = type(self)
            new = cls.__new__(cls, *self._tuple)
            _copy_extra_state(self, new, None)
            return new

        def __deepcopy__(self, memo):
            from copy import deepcopy
            cls = type(self)
            new = cls.__new__(cls, *deepcopy(self._tuple, memo))
            memo[id(self)] = new
            _copy_extra_state(self, new, memo)
            return new

        @classmethod
        def __class_repr__(cls):
            if cls is _Record:
                return f"<class '{module}.{typename}'>"
            own_module, qualname = _own_names(cls)
            if own_module == 'builtins':
                return f"<class '{qualname}'>"
            return f"<class '{own_module}.{qualname}'>"

    for index, name in enumerate(fields):
        setattr(_Record, name, _tuplegetter(index, f'Alias for field number {index}'))
    _Record._namedtuple_class_ = _Record
    _Record.__doc__ = f'{typename}({arg_list})'
    _Record.__module__ = module
    for name, value in list(_Record.__dict__.items()):
        if callable(value) and hasattr(value, '__qualname__'):
            value.__qualname__ = f'{typename}.{name}'
        elif isinstance(value, classmethod):
            value.__func__.__qualname__ = f'{typename}.{name}'
    _Record.__new__.__doc__ = f'Create new instance of {typename}({arg_list})'
    _Record.__name__ = _ClassName(_Record, '__name__')
    _Record.__qualname__ = _ClassName(_Record, '__qualname__')
    return _Record


def _copy_extra_state(old, new, memo):
    """A copied namedtuple (subclass) instance gets the attributes it has beyond its
    fields."""
    fields = type(old)._fields
    extra = {k: v for k, v in old.__dict__.items() if k != '_tuple' and k not in fields}
    if extra:
        if memo is not None:
            from copy import deepcopy
            extra = deepcopy(extra, memo)
        new.__dict__.update(extra)
