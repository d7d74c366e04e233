# operator for Baton: Python's operators as functions (`add`, `lt`, `getitem`, ...),
# the in-place ones (`iadd`, ...), and itemgetter, attrgetter and methodcaller with
# CPython's reprs and errors. Written in Baton: the functions print as Baton
# functions (`<function add at ...>`), where CPython's are built-in functions.
# `length_hint` is left out (Baton's iterators have no `__length_hint__`).


_builtin_abs = abs


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


def ge(a, b):
    return a >= b


def gt(a, b):
    return a > b


def not_(a):
    return not a


def truth(a):
    return bool(a)


def is_(a, b):
    return a is b


def is_not(a, b):
    return a is not b


def abs(a):
    return _builtin_abs(a)


def add(a, b):
    return a + b


def and_(a, b):
    return a & b


def floordiv(a, b):
    return a // b


def index(a):
    """`a` as an int, for an int (or a bool)."""
    if not isinstance(a, int):
        raise TypeError("'" + type(a).__name__ + "' object cannot be interpreted as an integer")
    return int(a)


def inv(a):
    return ~a


invert = inv


def lshift(a, b):
    return a << b


def mod(a, b):
    return a % b


def mul(a, b):
    return a * b


def matmul(a, b):
    return a @ b


def neg(a):
    return -a


def or_(a, b):
    return a | b


def pos(a):
    return +a


def pow(a, b):
    return a ** b


def rshift(a, b):
    return a >> b


def sub(a, b):
    return a - b


def truediv(a, b):
    return a / b


def xor(a, b):
    return a ^ b


def concat(a, b):
    """`a + b` for two sequences."""
    if not hasattr(a, "__getitem__"):
        raise TypeError("'" + type(a).__name__ + "' object can't be concatenated")
    return a + b


def contains(a, b):
    return b in a


def countOf(a, b):
    """How many items of `a` are (or equal) `b`."""
    return sum(1 for item in a if item is b or item == b)


def indexOf(a, b):
    """The position of the first item of `a` that is (or equals) `b`."""
    for i, item in enumerate(a):
        if item is b or item == b:
            return i
    raise ValueError("sequence.index(x): x not in sequence")


def getitem(a, b):
    return a[b]


def setitem(a, b, c):
    a[b] = c


def delitem(a, b):
    del a[b]


def iadd(a, b):
    a += b
    return a


def iand(a, b):
    a &= b
    return a


def iconcat(a, b):
    if not hasattr(a, "__getitem__"):
        raise TypeError("'" + type(a).__name__ + "' object can't be concatenated")
    a += b
    return a


def ifloordiv(a, b):
    a //= b
    return a


def ilshift(a, b):
    a <<= b
    return a


def imod(a, b):
    a %= b
    return a


def imul(a, b):
    a *= b
    return a


def ior(a, b):
    a |= b
    return a


def ipow(a, b):
    a **= b
    return a


def irshift(a, b):
    a >>= b
    return a


def isub(a, b):
    a -= b
    return a


def itruediv(a, b):
    a /= b
    return a


def ixor(a, b):
    a ^= b
    return a


class itemgetter:
    """`itemgetter(1)(x)` is `x[1]`; with several items, a tuple of them."""

    def __init__(self, *items):
        if not items:
            raise TypeError("itemgetter expected 1 argument, got 0")
        self._items = items

    def __call__(self, obj):
        if len(self._items) == 1:
            return obj[self._items[0]]
        return tuple(obj[item] for item in self._items)

    def __repr__(self):
        return "operator.itemgetter(" + ", ".join(repr(i) for i in self._items) + ")"


class attrgetter:
    """`attrgetter('x.y')(obj)` is `obj.x.y`; with several names, a tuple."""

    def __init__(self, *attrs):
        if not attrs:
            raise TypeError("attrgetter expected 1 argument, got 0")
        for attr in attrs:
            if not isinstance(attr, str):
                raise TypeError("attribute name must be a string")
        self._attrs = attrs

    def __call__(self, obj):
        if len(self._attrs) == 1:
            return _dotted(obj, self._attrs[0])
        return tuple(_dotted(obj, attr) for attr in self._attrs)

    def __repr__(self):
        return "operator.attrgetter(" + ", ".join(repr(a) for a in self._attrs) + ")"


def _dotted(obj, path):
    for name in path.split("."):
        obj = getattr(obj, name)
    return obj


class methodcaller:
    """`methodcaller('f', 1, k=2)(obj)` is `obj.f(1, k=2)`."""

    def __init__(self, *args, **kwargs):
        if not args:
            raise TypeError("methodcaller needs at least one argument, the method name")
        if not isinstance(args[0], str):
            raise TypeError("method name must be a string")
        self._name = args[0]
        self._args = args[1:]
        self._kwargs = kwargs

    def __call__(self, obj):
        return getattr(obj, self._name)(*self._args, **self._kwargs)

    def __repr__(self):
        parts = [repr(self._name)]
        parts.extend(repr(a) for a in self._args)
        parts.extend(k + "=" + repr(v) for k, v in self._kwargs.items())
        return "operator.methodcaller(" + ", ".join(parts) + ")"


__abs__ = abs
__add__ = add
__and__ = and_
__concat__ = concat
__contains__ = contains
__eq__ = eq
__floordiv__ = floordiv
__ge__ = ge
__getitem__ = getitem
__gt__ = gt
__index__ = index
__inv__ = inv
__invert__ = invert
__le__ = le
__lshift__ = lshift
__lt__ = lt
__mod__ = mod
__mul__ = mul
__ne__ = ne
__neg__ = neg
__not__ = not_
__or__ = or_
__pos__ = pos
__pow__ = pow
__rshift__ = rshift
__setitem__ = setitem
__delitem__ = delitem
__sub__ = sub
__truediv__ = truediv
__xor__ = xor
