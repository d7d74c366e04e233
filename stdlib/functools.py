# functools for Baton: partial, partialmethod, reduce, wraps (and update_wrapper),
# lru_cache and cache, total_ordering, cmp_to_key, cached_property, singledispatch and
# singledispatchmethod. Written in Baton, behaving as CPython 3.11's (reprs, error
# messages, the cache statistics).
#
# Differences: Baton's functions have no `__get__`, so a partialmethod or a
# singledispatchmethod read from an instance calls its function with the instance
# first rather than making a bound method (the result is the same; a repr shows the
# function and the instance); singledispatch dispatches on the classes of the MRO
# (Baton has no abstract base classes for `collections.abc`-style registration), and
# a string annotation is looked up by name in the function's module.

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


class KeyWrapper:
    """What `cmp_to_key(mycmp)` returns: called with an object, it gives a key that
    compares by `mycmp` (as CPython's C `functools.KeyWrapper`)."""

    def __init__(self, cmp, obj=_initial_missing):
        self.cmp = cmp
        if obj is not _initial_missing:
            self.obj = obj

    def __call__(self, *args, **kwargs):
        if len(args) + len(kwargs) > 1:
            raise TypeError(f'K() takes at most 1 argument ({len(args) + len(kwargs)} given)')
        if args:
            obj = args[0]
        elif 'obj' in kwargs:
            obj = kwargs['obj']
        elif kwargs:
            raise TypeError(f"K() got an unexpected keyword argument '{next(iter(kwargs))}'")
        else:
            raise TypeError("K() missing required argument 'obj' (pos 1)")
        return KeyWrapper(self.cmp, obj)

    def _compare(self, other):
        if not isinstance(other, KeyWrapper):
            raise TypeError('other argument must be K instance')
        return self.cmp(self.obj, other.obj)

    def __lt__(self, other):
        return self._compare(other) < 0

    def __le__(self, other):
        return self._compare(other) <= 0

    def __gt__(self, other):
        return self._compare(other) > 0

    def __ge__(self, other):
        return self._compare(other) >= 0

    def __eq__(self, other):
        return self._compare(other) == 0

    def __ne__(self, other):
        return self._compare(other) != 0

    def __hash__(self):
        raise TypeError("unhashable type: 'functools.KeyWrapper'")

    def __repr__(self):
        return f'<functools.KeyWrapper object at {hex(id(self))}>'


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""
    return KeyWrapper(mycmp)


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance: the first read calls the function and
    stores the result in the instance's __dict__ under the same name, where later
    reads find it (`del obj.name` forgets it)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, '__module__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            cache[self.attrname] = value
        return value

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


def _bind(method, obj, cls):
    """`method` (a function, classmethod, staticmethod or descriptor from a class
    body) as it is read from `obj` (None: from the class `cls`). A function read
    from an instance becomes a callable that passes the instance first."""
    if isinstance(method, classmethod):
        func = method.__func__
        owner = cls if cls is not None else type(obj)
        return partial(func, owner)
    if isinstance(method, staticmethod):
        return method.__func__
    get = getattr(type(method), '__get__', None)
    if get is not None:
        return get(method, obj, cls)
    if obj is None:
        return method
    return partial(method, obj)


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        args = ', '.join(map(repr, self.args))
        keywords = ', '.join(f'{k}={v!r}' for k, v in self.keywords.items())
        return f'functools.partialmethod({self.func!r}, {args}, {keywords})'

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        func = self.func
        if isinstance(func, (classmethod, staticmethod)) or hasattr(type(func), '__get__'):
            bound = _bind(func, obj, cls)
            result = partial(bound, *self.args, **self.keywords)
            if isinstance(func, classmethod):
                result.__self__ = bound.args[0]
            return result
        method = self._make_unbound_method()
        if obj is None:
            return method
        result = partial(method, obj)
        result.__self__ = obj
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


def _union_members(tp):
    """The classes of `int | str` or `typing.Union[int, str]`, else None."""
    from types import UnionType
    if isinstance(tp, UnionType):
        return tp.__args__
    origin = getattr(tp, '__origin__', None)
    if origin is not None and repr(origin) == 'typing.Union':
        return tp.__args__
    return None


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    members = _union_members(cls)
    return members is not None and all(isinstance(arg, type) for arg in members)


def _resolve_annotation(func, annotation):
    """A string annotation (`from __future__ import annotations`) as the object it
    names in the function's module (or builtins)."""
    if not isinstance(annotation, str):
        return annotation
    import sys
    import builtins
    module = sys.modules.get(getattr(func, '__module__', None) or '__main__')
    parts = annotation.split('.')
    if all(part.isidentifier() for part in parts):
        head = parts[0]
        if module is not None and hasattr(module, head):
            value = getattr(module, head)
        elif hasattr(builtins, head):
            value = getattr(builtins, head)
        else:
            raise NameError(f"name '{head}' is not defined", name=head)
        for part in parts[1:]:
            value = getattr(value, part)
        return value
    raise NotImplementedError(
        f'Baton cannot evaluate the annotation {annotation!r} for singledispatch; '
        'use register(cls) instead')


def singledispatch(func):
    """Single-dispatch generic function decorator.

    Transforms a function into a generic function, which can have different
    behaviours depending upon the type of its first argument. The decorated
    function acts as the default implementation, and additional
    implementations can be registered using the register() attribute of the
    generic function.
    """
    from types import MappingProxyType
    registry = {}
    dispatch_cache = {}

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available implementation
        for the given *cls* registered on *generic_func*.
        """
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = None
        for klass in cls.__mro__:
            if klass in registry:
                impl = registry[klass]
                break
        if impl is None:
            impl = registry[object]
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_func*.
        """
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            func = cls
            annotated = func.__func__ if isinstance(func, (classmethod, staticmethod)) else func
            ann = getattr(annotated, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            argname, cls = next(iter(ann.items()))
            cls = _resolve_annotation(annotated, cls)
            if not _is_valid_dispatch_type(cls):
                if _union_members(cls) is not None:
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
                raise TypeError(f'Invalid annotation for {argname!r}. {cls!r} is not a class.')
        members = _union_members(cls)
        if members is not None:
            for arg in members:
                registry[arg] = func
        else:
            registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor.

    Supports wrapping existing descriptors and handles non-descriptor
    callables as instance methods.
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a *generic_method*.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return _bind(method, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        func = self.func
        if isinstance(func, (classmethod, staticmethod)):
            func = func.__func__
        update_wrapper(_method, func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)
