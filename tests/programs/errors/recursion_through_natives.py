# Recursion that goes through a native and back into Baton (an attribute hook, a
# generator that list() drives, repr, ==, hash, a sort key, map, iter) nests runs of
# the interpreter loop, each on the Rust stack. However high sys.setrecursionlimit is
# set, Baton stops such nesting at a bound that fits its stack and raises
# RecursionError; CPython, at this limit, overflows the C stack and crashes.
# differential: no
import sys

sys.setrecursionlimit(1000000)


class Attr:
    def __getattr__(self, name):
        return self.other


class Repr:
    def __repr__(self):
        return repr(Repr())


class Eq:
    def __eq__(self, other):
        return [Eq()] == [Eq()]


class Hash:
    def __hash__(self):
        return hash(Hash())


def key(x):
    return sorted([1, 2], key=key)[0]


def mapped(x):
    return list(map(mapped, [x]))


def gen(n):
    yield from list(gen(n + 1))


class Iterable:
    def __iter__(self):
        return iter(list(Iterable()))


for name, f in [
    ("__getattr__", lambda: Attr().x),
    ("repr", lambda: repr(Repr())),
    ("==", lambda: Eq() == Eq()),
    ("hash", lambda: hash(Hash())),
    ("sort key", lambda: key(1)),
    ("map", lambda: mapped(1)),
    ("generator", lambda: list(gen(0))),
    ("iter", lambda: list(Iterable())),
]:
    try:
        f()
        print(name, "returned")
    except RecursionError as e:
        print(name, "RecursionError:", e)
