# Instance attributes live in shapes shared by instances that gained the same names
# in the same order (src/vm/shape.rs). Whatever the shapes do, the attributes must
# behave as a dict per instance: order of vars(), deletion, re-adding, many names,
# names made at run time, and one access site meeting many different layouts.


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Q:
    def __init__(self, a, b):
        self.b = b
        self.a = a


def read_a(o):
    return o.a


def write_c(o, v):
    o.c = v


# One site, several layouts: the same name at different positions.
objs = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
print([read_a(o) for o in objs])
for i, o in enumerate(objs):
    write_c(o, i * 10)
print([vars(o) for o in objs])

# Deleting keeps the order of the rest; a name added again goes last.
p = P(1, 2)
p.c = 3
del p.a
print(vars(p))
p.a = 9
print(vars(p), p.a, p.b, p.c)
try:
    del p.zz
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(p.zz)
except AttributeError as e:
    print("AttributeError:", e)

# Many names on one instance, and names made at run time.
class Bag:
    pass


b = Bag()
for i in range(100):
    setattr(b, "n" + str(i), i)
print(len(vars(b)), b.n0, b.n57, b.n99, list(vars(b))[:3], list(vars(b))[-2:])
del b.n50
print(len(vars(b)), hasattr(b, "n50"), getattr(b, "n51"))
bags = []
for i in range(200):
    o = Bag()
    setattr(o, "k" + str(i), i)
    bags.append(o)
print(sum(getattr(o, "k" + str(i)) for i, o in enumerate(bags)))

# An instance attribute shadows a method once set; the method comes back on delete.
class M:
    def f(self):
        return "method"


m = M()
calls = []
for step in range(3):
    calls.append(m.f())
    if step == 0:
        m.f = lambda: "instance"
    elif step == 1:
        del m.f
print(calls)

# A property added to the class later takes precedence over the instance's own value.
class R:
    def __init__(self):
        self.x = 1


r = R()
seen = [r.x]
R.x = property(lambda self: "prop")
seen.append(r.x)
del R.x
seen.append(r.x)
print(seen)

# __dict__ and vars() give the attributes in order.
print(P(1, 2).__dict__, vars(Q(1, 2)))
