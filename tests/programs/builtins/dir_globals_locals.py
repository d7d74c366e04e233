"""dir(), globals() and locals(), and the names a module and a class start with."""
import math


class Shape:
    """A shape."""

    sides = 0

    def area(self):
        return 0


class Square(Shape):
    sides = 4

    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side**2


class Listed:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]


def public(names):
    return [n for n in names if not n.startswith("_")]


sq = Square(3)
sq.colour = "red"
# An object's own attributes, then its class's and the bases', sorted, once each.
print(public(dir(sq)))
print(public(dir(Square)), public(dir(Shape)))
print("__class__" in dir(sq), "__init__" in dir(Square), "side" in dir(Square))
# A class's own `__dir__` decides, and the result is sorted.
print(dir(Listed()))
# A module's names; a built-in type's methods.
print("sqrt" in dir(math), "pi" in dir(math))
print(public(dir([])))
print(public(dir({})))
print("upper" in dir("text"), "bit_length" in dir(7))


def show(a, b=2, *rest):
    total = a + b
    # With no argument: the names of the calling scope.
    print(dir())
    print(sorted(locals().items()))


show(1, 5, 6)

# At module level, locals() and globals() are the module's names.
print(public(sorted(globals())))
print(globals()["Square"] is Square, "show" in locals())
print(__name__, __doc__)
print(Shape.__doc__, Square.__doc__, "__doc__" in Square.__dict__)
names = dir()
print([n in names for n in ("__name__", "__doc__", "__file__")])
# (Inside a comprehension, dir() is the comprehension's own scope, as in 3.11.)
print([dir() for _ in "x"])
print(__file__.endswith("dir_globals_locals.py"))
