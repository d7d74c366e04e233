# collections.namedtuple as CPython 3.11's: the class prints as `<class '__main__.P'>`
# with the caller's module, the tuple operations (+, *, count, index, slicing,
# comparisons with tuples, hashing, unpacking), _fields, _field_defaults, _make,
# _asdict, _replace, the TypeErrors of its __new__ in CPython's words, ValueError
# for bad field names (and rename=True instead), and subclassing (methods, __new__
# with defaults, a different class name).
from collections import namedtuple

P = namedtuple("P", "x y")
print(P, P.__name__, P.__qualname__, P.__module__, P.__doc__)
p = P(1, y=2)
print(p, repr(p), str(p), p.x, p.y, p[0], p[-1], p[:1], p[::-1], len(p))
print(p + (3,), (0,) + p, p * 2, 2 * p, p + P(5, 6), p.count(1), p.index(2), 2 in p)
print(p == (1, 2), p != (1, 2), p == [1, 2], p < (1, 3), p > P(0, 9), p <= (1, 2), p >= (2,))
print(hash(p) == hash((1, 2)), {p: "point"}[(1, 2)], sorted([P(2, 1), P(1, 5), P(1, 2)]))
x, y = p
first, *rest = P(7, 8)
print(x, y, first, rest, list(p), tuple(p), max(p), "{}-{}".format(*p), dict([P("k", "v")]))
print(P._fields, P._field_defaults, p._asdict(), p._replace(y=20), P._make([3, 4]), P.x)

D = namedtuple("D", ["a", "b", "c"], defaults=[0, None])
print(D(1), D(1, 2, 3), D._field_defaults, D(a=5, c=7))
R = namedtuple("R", ["abc", "def", "abc", "_x", "1y", "ok"], rename=True)
print(R._fields, namedtuple("M", "a b", module="shapes"))
E = namedtuple("E", "")
print(E(), len(E()), namedtuple("One", "a").__doc__)

for bad in (lambda: P(1), lambda: P(), lambda: P(1, 2, 3), lambda: P(1, 2, z=3),
            lambda: P(1, x=3), lambda: D(), lambda: D(1, 2, 3, 4),
            lambda: namedtuple("T", "a b c d")(), lambda: E(1),
            lambda: P._make([1]), lambda: p._replace(z=1),
            lambda: p < [1, 2], lambda: p + [3], lambda: p * 1.5, lambda: p.index(9), lambda: p[5],
            lambda: namedtuple("1P", "a"), lambda: namedtuple("P", "a def"),
            lambda: namedtuple("P", "a a"), lambda: namedtuple("P", "a _b"),
            lambda: namedtuple("P", "a", defaults=[1, 2]), lambda: namedtuple("class", "a")):
    try:
        bad()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
for action in ("set field", "set new", "delete", "read missing"):
    try:
        if action == "set field":
            p.x = 5
        elif action == "set new":
            p.z = 5
        elif action == "delete":
            del p.x
        else:
            p.nothing
    except AttributeError as e:
        print("AttributeError:", e)

class Point(namedtuple("Point", "x y")):
    __slots__ = ()

    @property
    def hypot(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __str__(self):
        return "Point: x=%6.3f  y=%6.3f  hypot=%6.3f" % (self.x, self.y, self.hypot)

print(Point(3, 4), repr(Point(3, 4)), Point._make([5, 12]).hypot, Point(1, 2)._replace(x=9))

class Pair(namedtuple("PairBase", "left right")):
    def __new__(cls, left, right="-"):
        return super().__new__(cls, left, right)

    def swap(self):
        return Pair(self.right, self.left)

pr = Pair("a")
pr.note = "subclasses without __slots__ take attributes"
print(Pair, Pair.__name__, Pair.__bases__[0], pr, pr.swap(), pr.note, Pair._make("xy"))
