# Annotations are evaluated where CPython evaluates them. A def's parameter and
# return annotations are evaluated when the def runs, after its defaults, and kept in
# its __annotations__. At module and class level, `name: T` stores T in the body's
# __annotations__ (made when the body starts), after the value is assigned; other
# annotated targets there have T evaluated and dropped. Inside a function nothing
# in an annotation is evaluated.
def note(x):
    print("eval", x)
    return x


def announce(f):
    print("decorating", f.__name__)
    return f


@announce
def f(a: note("a"), b: note("b") = note("b default"), /, c: note("c") = 1,
      *d: note("d"), e: note("e") = note("e default"), **g: note("g")) -> note("return"):
    pass


print(f.__annotations__)


def plain():
    pass


print(plain.__annotations__, plain.__dict__)
plain.__annotations__ = {"x": int}
print(plain.__annotations__)
try:
    plain.__annotations__ = 3
except TypeError as e:
    print("TypeError:", e)
print((lambda x: x).__annotations__)


class Point:
    print("body starts with", __annotations__)
    x: note("x type") = note("x value")
    y: note("y type")
    (z): note("z type") = 3
    if True:
        w: int = 1

    def method(self):
        local: note("never evaluated") = 1
        return local


print(Point.__annotations__, Point().method())
print(sorted(k for k in Point.__dict__ if not k.startswith("__")))


class Child(Point):
    pass


# A class without annotations of its own has an empty dict, not its base's.
print(Child.__annotations__)

print(__annotations__)
counter: note("module annotation")
print(__annotations__)

p = Point()
p.attr: note("attribute annotation") = 5
p.other: note("attribute without value")
print(p.attr)
try:
    ValueError.__annotations__
except AttributeError as e:
    print(e)
class E(ValueError):
    pass
print(E.__annotations__, hasattr(int, "__annotations__"))
