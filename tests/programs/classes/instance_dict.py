# An instance's __dict__ is where its attributes live, not a copy: what a program
# does to the dict (update, item assignment, del, clear) is what the attributes
# become, and the other way round. vars(obj) is the same dict. Assigning
# obj.__dict__ replaces it (and two instances may share one); del obj.__dict__ leaves
# an empty one.


class Options:
    def __init__(self, **kw):
        self.__dict__.update(kw)


o = Options(color="red", size=3)
print(o.color, o.size, o.__dict__)

# Item assignment and deletion are attribute assignment and deletion.
o.__dict__["shape"] = "round"
print(o.shape)
del o.__dict__["color"]
print(hasattr(o, "color"), vars(o))

# vars() and __dict__ are one object, and attribute stores show up in it.
d = vars(o)
print(d is o.__dict__)
o.weight = 7
print(d)


# Instances made by a storing-only __init__ (their attributes set in place) too.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(3)]
points[1].__dict__["x"] = 100
print([p.x for p in points], [p.y for p in points])
points[2].__dict__.clear()
print(hasattr(points[2], "x"), points[2].__dict__)
points[2].z = 5
print(points[2].__dict__)


# A method reading an attribute through its inline cache sees the dict's changes.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


c = Counter()
for _ in range(3):
    c.bump()
c.__dict__["n"] = 40
print(c.bump(), c.__dict__)

# Replacing the dict; two instances sharing one.
a = Options()
try:
    a.__dict__ = 5
except TypeError as e:
    print("TypeError:", e)
shared = {"k": 1}
a.__dict__ = shared
b = Options()
b.__dict__ = shared
b.k += 1
print(a.k, shared, a.__dict__ is b.__dict__)

# del obj.__dict__ starts the instance over with an empty dict.
del a.__dict__
print(vars(a), shared)
a.fresh = True
print(vars(a), shared)

# Keys that are not names are kept in the dict, out of the way of attributes.
a.__dict__[1] = "one"
print(a.__dict__, hasattr(a, "fresh"))
try:
    a.missing
except AttributeError as e:
    print("AttributeError:", e)

# Exceptions have a __dict__ too.
err = ValueError("boom")
err.code = 42
print(err.__dict__, err.args)
