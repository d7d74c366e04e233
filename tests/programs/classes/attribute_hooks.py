# A class can take over its instances' attribute access: __setattr__ runs for every
# store (in __init__ too), __delattr__ for every `del`, __getattribute__ for every
# read and method look-up, with __getattr__ as its fallback on AttributeError.
# object.__setattr__/__getattribute__/__delattr__ (or super()'s) do the plain thing.
# Loops show that the run loop's fast paths do not skip the hooks once warm.


class Recorder:
    def __init__(self, x):
        self.x = x

    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 10)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


r = Recorder(1)
for i in range(3):
    r.y = i
print(r.x, r.y)
del r.y
print(hasattr(r, "y"))
setattr(r, "z", 5)
print(r.z)


class Frozen:
    def __init__(self, a):
        object.__setattr__(self, "a", a)

    def __setattr__(self, name, value):
        raise AttributeError(f"{type(self).__name__} is frozen: cannot set {name!r}")


f = Frozen(3)
try:
    f.a = 4
except AttributeError as e:
    print(e)
print(f.a)


class Counting:
    def __init__(self):
        object.__setattr__(self, "reads", 0)
        self.value = 7

    def __getattribute__(self, name):
        if name != "reads":
            object.__setattr__(self, "reads", object.__getattribute__(self, "reads") + 1)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return f"<missing {name}>"

    def double(self):
        return self.value * 2


c = Counting()
total = 0
for _ in range(5):
    total += c.value + c.double()
print(total, c.reads, c.nothing, c.reads)
print(getattr(c, "value"), hasattr(c, "anything"))


class Strict:
    def __getattribute__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"private: {name}")
        return object.__getattribute__(self, name)


s = Strict()
s.ok = 1
print(s.ok, hasattr(s, "_hidden"), getattr(s, "_hidden", "default"))
try:
    s._hidden
except AttributeError as e:
    print(e)


class Late:
    def __init__(self):
        self.v = 1


late = Late()
for _ in range(3):
    late.v += 1
Late.__setattr__ = lambda self, name, value: print("late set", name, value)
late.v = 100
print(late.v)
del Late.__setattr__
late.v = 200
print(late.v)


class Child(Recorder):
    pass


Child(2)
for bad in [
    lambda: object.__setattr__(r, 1, 2),
    lambda: object.__getattribute__(r, "missing"),
    lambda: object.__delattr__(r, "missing"),
]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
