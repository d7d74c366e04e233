# functools for Baton: partial, reduce, wraps (and update_wrapper), lru_cache and
# cache, total_ordering. Written in Baton, behaving as CPython 3.11's (reprs, error
# messages, the cache statistics); `cached_property` and `singledispatch` are left
# out (Baton has no descriptor protocol beyond property, staticmethod and classmethod).

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__annotations__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Makes `wrapper` look like `wrapped`: its name, qualified name, module and
    docstring, its attributes, and `__wrapped__` pointing back at it."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        for key, value in getattr(wrapped, attr, {}).items():
            setattr(wrapper, key, value)
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """`@wraps(func)` on a decorator's inner function: `update_wrapper` as a
    decorator."""
    def decorating(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return decorating


class partial:
    """`partial(func, *args, **keywords)`: calling it calls `func` with these
    arguments first (keywords given at the call win)."""

    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return 'functools.partial(' + ', '.join(parts) + ')'


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    """Folds `sequence` from the left with the two-argument `function`."""
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    """What `cache_info()` returns: hits, misses, maxsize, currsize."""

    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __repr__(self):
        return (f'CacheInfo(hits={self.hits}, misses={self.misses}, '
                f'maxsize={self.maxsize}, currsize={self.currsize})')

    def __eq__(self, other):
        if isinstance(other, _CacheInfo):
            other = (other.hits, other.misses, other.maxsize, other.currsize)
        return (self.hits, self.misses, self.maxsize, self.currsize) == other


_keyword_mark = object()


def _make_key(args, kwargs, typed):
    key = args
    if kwargs:
        key += (_keyword_mark,)
        for item in kwargs.items():
            key += item
    if typed:
        key += tuple(type(a) for a in args)
        if kwargs:
            key += tuple(type(v) for v in kwargs.values())
    return key


def lru_cache(maxsize=128, typed=False):
    """`@lru_cache(maxsize=128)` (or bare `@lru_cache`): remembers the results of
    the most recent `maxsize` distinct calls (all of them for None); the arguments
    must be hashable."""
    if callable(maxsize) and isinstance(typed, bool):
        # `@lru_cache` without parentheses: the function itself came in.
        return _lru_wrapper(maxsize, 128, False)
    if maxsize is not None:
        if not isinstance(maxsize, int):
            raise TypeError('Expected first argument to be an integer, a callable, or None')
        if maxsize < 0:
            maxsize = 0

    def decorating(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]   # hits, misses

    def wrapper(*args, **kwargs):
        key = _make_key(args, kwargs, typed)
        if key in cache:
            stats[0] += 1
            result = cache.pop(key)
            cache[key] = result   # now the most recently used
            return result
        stats[1] += 1
        result = user_function(*args, **kwargs)
        if maxsize is None or maxsize > 0:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]   # the least recently used
        return result

    def cache_info():
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function):
    """`@cache`: `lru_cache(maxsize=None)`, without a bound."""
    return _lru_wrapper(user_function, None, False)


def _derived(root, negate, combine):
    """A comparison made from the class's `root` one: its result (negated when
    `negate`), then `and self != other` or `or self == other` (`combine`)."""
    def method(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if combine == 'and_ne':
            return r and self != other
        if combine == 'or_eq':
            return r or self == other
        return r
    return method


# For each root, the three it gives: a > b is not a < b and a != b, and so on.
_convert = {
    '__lt__': [('__gt__', _derived('__lt__', True, 'and_ne')),
               ('__le__', _derived('__lt__', False, 'or_eq')),
               ('__ge__', _derived('__lt__', True, None))],
    '__le__': [('__ge__', _derived('__le__', True, 'or_eq')),
               ('__lt__', _derived('__le__', False, 'and_ne')),
               ('__gt__', _derived('__le__', True, None))],
    '__gt__': [('__lt__', _derived('__gt__', True, 'and_ne')),
               ('__ge__', _derived('__gt__', False, 'or_eq')),
               ('__le__', _derived('__gt__', True, None))],
    '__ge__': [('__le__', _derived('__ge__', True, 'or_eq')),
               ('__gt__', _derived('__ge__', False, 'and_ne')),
               ('__lt__', _derived('__ge__', True, None))],
}


def total_ordering(cls):
    """`@total_ordering` on a class with `__eq__` and one of `<`, `<=`, `>`, `>=`:
    the other three are filled in from it."""
    roots = [op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)   # prefer __lt__ to __le__ to __gt__ to __ge__
    for name, method in _convert[root]:
        if name not in roots:
            setattr(cls, name, method)
    return cls
