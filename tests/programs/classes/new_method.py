# __new__: a class's own __new__ (a static method whether or not it says so) makes the
# instance, and __init__ runs only on an instance of the class; object.__new__ makes a
# bare one. The singleton of the tutorials.
class Singleton:
    _instance = None
    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating")
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, v):
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v, type(Singleton.__dict__["__new__"]).__name__)
class Pos:
    def __new__(cls, value):
        obj = object.__new__(cls)
        obj.value = abs(value)
        return obj
print(Pos(-3).value, type(Pos(2)).__name__)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class Plain:
    def __init__(self, x):
        self.x = x
p = Plain.__new__(Plain)
print(type(p).__name__, vars(p), hasattr(p, "x"))
p.__init__(5)
print(p.x)
class Counted:
    count = 0
    def __new__(cls, *a):
        Counted.count += 1
        return super().__new__(cls)
class Sub(Counted):
    def __init__(self, n):
        self.n = n
s = [Sub(i) for i in range(3)]
print(Counted.count, [x.n for x in s])
for f in [lambda: object.__new__(int), lambda: object.__new__(5), lambda: object.__new__(Pos, 1), lambda: object.__new__(Counted, 1),
          lambda: type(Plain.__new__(Plain, 1)).__name__, lambda: object.__new__(ValueError)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
class BadInit:
    def __new__(cls):
        return super().__new__(cls)
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
# When __new__ takes the arguments, object.__init__ ignores them.
class OnlyNew:
    def __new__(cls, a, b):
        return super().__new__(cls)
print(type(OnlyNew(1, 2)).__name__)
