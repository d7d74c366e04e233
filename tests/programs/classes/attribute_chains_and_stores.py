# Attribute chains (`a.b.c`) and stores from locals (`self.x = x`, `obj.x = <expr>`),
# which the run loop does in one step, with every way they can fall back.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Box:
    def __init__(self, p):
        self.p = p
        self.log = []

    @property
    def doubled(self):
        return P(self.p.x * 2, self.p.y * 2)


class Guarded:
    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        print("setter", value)
        self._v = value


def chains(b):
    print(b.p.x, b.p.y)            # two plain attributes
    print(b.doubled.x)             # the middle one is a property
    print(b.log.append.__name__)   # the last one is a method of a list
    import math
    m = math
    print(m.pi.real)               # a module, then a float's attribute
    try:
        print(b.q.x)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(b.p.z)
    except AttributeError as e:
        print("AttributeError:", e)


def stores(obj, value):
    obj.v = value                  # value on the stack, object in a local
    obj.w = value * 2
    print(obj.v, obj.w)


def store_from_locals(obj, x):
    obj.x = x                      # both from locals
    return obj


def unbound():
    try:
        target.x = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    target = P(0, 0)
    return target


chains(Box(P(3, 4)))
stores(P(0, 0), 5)
stores(Guarded(), 7)
print(store_from_locals(P(1, 2), 9).x)


class Plain:
    pass


print(store_from_locals(Plain, 11).x)   # a class, not an instance
try:
    store_from_locals(3, 12)
except AttributeError as e:
    print("AttributeError:", e)
try:
    stores(None, 1)
except AttributeError as e:
    print("AttributeError:", e)
unbound()
# Many instances through the same sites, with the attribute order varying.
ps = [P(i, -i) for i in range(5)]
for i, p in enumerate(ps):
    if i % 2:
        store_from_locals(p, i)
    stores(p, i)
print([b.p.x for b in [Box(p) for p in ps]])
print([(p.x, p.y, p.v, p.w) for p in ps])
