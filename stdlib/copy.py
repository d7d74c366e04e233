# copy for Baton: shallow and deep copies, as CPython 3.11's copy module makes them.
#
# Immutable values (numbers, strings, None, tuples of immutable values, frozensets,
# ranges, functions, classes) are their own copies. Lists, dicts and sets are copied
# by their type; an instance is made with `object.__new__` and its attributes copied,
# unless its class defines `__copy__` / `__deepcopy__(memo)`. A deep copy copies each
# object once (`memo`, keyed by id), so shared and cyclic structure stays shared and
# cyclic in the copy.
#
# Differences: CPython copies other objects through the pickle protocol
# (`__reduce_ex__`); Baton has no pickle support, so an object with none of the
# above (a generator, a module, a lock, a file) raises the TypeError CPython raises
# for an unpicklable object, and `__getstate__`/`__setstate__`/`__reduce__` are
# not consulted.

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, range, type, type(len), type(lambda: None),
           type(Ellipsis), type(NotImplemented))


def _new_like(x, args=None):
    """An empty instance of x's class, as unpickling makes it: `cls.__new__(cls)`, or
    for an exception `cls(*args)` (BaseException's `__reduce__`)."""
    cls = type(x)
    if isinstance(x, BaseException):
        return cls(*(_exception_args(x) if args is None else args))
    return cls.__new__(cls)


def _exception_args(x):
    """The arguments an exception's `__reduce__` gives: its `args`, and for an
    OSError its file names too."""
    args = x.args
    if isinstance(x, OSError) and len(args) == 2 and x.filename is not None:
        if x.filename2 is None:
            return args + (x.filename,)
        return args + (x.filename, None, x.filename2)
    return args


def _state(x):
    """The attributes a copy of x gets: its `__dict__`, and for an ImportError its
    `name` and `path` when set (its `__reduce__`'s state)."""
    state = list(vars(x).items())
    if isinstance(x, ImportError):
        state += [(k, getattr(x, k)) for k in ('name', 'path') if getattr(x, k) is not None]
    return state


def _set_state(y, state):
    """Sets the copied attributes, past any `__setattr__` of the class (a frozen
    dataclass's), as unpickling does."""
    for name, value in state:
        object.__setattr__(y, name, value)


def _cannot(x):
    raise TypeError(f"cannot pickle '{type(x).__name__}' object")


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if isinstance(x, _ATOMIC) or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set):
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls.__module__ == 'builtins' and not isinstance(x, BaseException):
        _cannot(x)
    y = _new_like(x)
    _set_state(y, _state(x))
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x: every object reachable from it copied once."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if isinstance(x, _ATOMIC):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple that a deeper copy already made (a cycle through it) is that one.
        if d in memo:
            return memo[d]
        same = all(a is b for a, b in zip(x, items))
        y = x if same else tuple(items)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(cls, '__deepcopy__', None)
        if copier is not None:
            y = copier(x, memo)
        else:
            if cls.__module__ == 'builtins' and not isinstance(x, BaseException):
                _cannot(x)
            args = deepcopy(_exception_args(x), memo) if isinstance(x, BaseException) else None
            y = _new_like(x, args)
            memo[d] = y
            _set_state(y, [(name, deepcopy(value, memo)) for name, value in _state(x)])
    # Keep x alive while the copy is made, so its id is not reused (CPython's
    # _keep_alive), and remember the copy.
    if y is not x:
        memo[d] = y
        memo.setdefault(id(memo), []).append(x)
    return y
