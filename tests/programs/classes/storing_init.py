# A __init__ that only stores its parameters and constants as attributes (made
# without a frame of its own), and the cases that must still behave as a full call.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def attrs(o):
    return sorted(vars(o).items())


# The same instance whichever path makes it, with attributes in store order.
vs = [Vec(i, -i) for i in range(5)]
print([(v.x, v.y) for v in vs], list(vars(vs[0])))


# Constants, repeated names, a parameter stored twice, one not stored at all.
class Record:
    def __init__(self, a, b, unused):
        self.kind = "record"
        self.a = a
        self.b = b
        self.a = b
        self.none = None
        self.t = (1, 2)


for i in range(3):
    r = Record(i, [i], "x")
    print(attrs(r), r.b is r.a)


# A class attribute read through the instance, then shadowed by a store.
class Counter:
    hits = 10

    def __init__(self, step):
        self.step = step


c = Counter(2)
print(c.hits, c.step)
c.hits += c.step
print(c.hits, Counter.hits)


# __init__ replaced after the call site warmed up.
def init3(self, x, y):
    self.x = x * 3
    self.y = y


def make(cls, n):
    return [cls(i, i) for i in range(n)]


print([(v.x, v.y) for v in make(Vec, 3)])
Vec.__init__ = init3
print([(v.x, v.y) for v in make(Vec, 3)])


def init_stores(self, x, y):
    self.y = y
    self.x = x


Vec.__init__ = init_stores
v = make(Vec, 2)[1]
print(list(vars(v)), v.x, v.y)


# A property added to the class after warming: the store goes through its setter.
class P:
    def __init__(self, v):
        self.v = v


for i in range(3):
    print(P(i).v)


def get_v(self):
    return self._v * 100


def set_v(self, value):
    print("setter", value)
    self._v = value


P.v = property(get_v, set_v)
for i in range(2):
    p = P(i + 1)
    print(p.v, attrs(p))


# A subclass with a property of that name: the inherited __init__ runs the setter.
class Base:
    def __init__(self, name):
        self.name = name


class Shouting(Base):
    @property
    def name(self):
        return self._name.upper()

    @name.setter
    def name(self, value):
        self._name = value


for cls in [Base, Shouting, Base, Shouting]:
    print(cls("quiet").name)


# A read-only property: the store raises AttributeError from inside __init__.
class ReadOnly:
    def __init__(self, x):
        self.x = x

    @property
    def x(self):
        return 1


try:
    ReadOnly(5)
except AttributeError as e:
    print("AttributeError:", e)


# Wrong argument counts still raise TypeError as a call does.
try:
    Vec(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Vec(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


# Keyword arguments and defaults take the general call.
class Kw:
    def __init__(self, a, b=7):
        self.a = a
        self.b = b


print(attrs(Kw(1)), attrs(Kw(1, 2)), attrs(Kw(b=3, a=4)))


# An instance attribute shadowing a method after the method cache warmed.
class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "hello " + self.name


gs = [Greeter("a"), Greeter("b")]
for g in gs:
    print(g.hello())
gs[1].hello = lambda: "shadowed"
for g in gs:
    print(g.hello())


# The method replaced on the class after warming.
def hello2(self):
    return "hi " + self.name


Greeter.hello = hello2
for g in gs:
    print(g.hello())


# Recursion through a class call in __init__ hits the limit as a call does.
class Deep:
    def __init__(self, n):
        self.n = n
        if n > 0:
            self.child = Deep(n - 1)


d = Deep(50)
depth = 0
while hasattr(d, "child"):
    d = d.child
    depth += 1
print("depth", depth, d.n)


# Objects returned from methods and dropped at once (the return path's moves).
class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def swap(self):
        return Pair(self.b, self.a)

    def first(self):
        return self.a


p = Pair("x", ["y"])
for _ in range(3):
    p = p.swap()
print(p.a, p.b, p.first(), p.swap().first())
