# Introspection builtins: type, isinstance, issubclass, callable, hasattr/getattr/setattr/delattr, vars, id, hash, object.
class Thing:
    kind = "thing"
    def __init__(self):
        self.a = 1
t = Thing()
print(type(1).__name__, type("s").__name__, type([]).__name__, type(None).__name__, type(len).__name__ == "builtin_function_or_method")
print(type(t) is Thing, type(Thing).__name__, type(type).__name__, type(print).__name__)
print(isinstance(True, int), isinstance(1, bool), issubclass(int, object), isinstance(None, object))
print(callable(len), callable(Thing), callable(t), callable(lambda: 0), callable(3))
print(getattr(t, "a"), getattr(t, "kind"), getattr(t, "nope", None), hasattr(t, "kind"))
setattr(t, "b", [1])
print(vars(t), sorted(vars(t)))
delattr(t, "b")
print(vars(t))
print(id(t) == id(t), id(t) != id(Thing()), isinstance(id(t), int))
print(hash("abc") == hash("ab" + "c"), hash(3) == 3, hash(None) == hash(None))
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(t, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
print(type(3.0), type("x"), type(t).__name__)
print(str(type(None)), repr(int), repr(Thing).startswith("<class '"))
