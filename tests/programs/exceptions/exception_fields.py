"""The fields built-in exceptions keep beyond `args` (an AttributeError's `name` and
`obj`, a NameError's `name`, an ImportError's `msg`, `name` and `path`, an OSError's
`errno`, `strerror`, `filename` and `filename2`): attributes that read None until
set, that can be stored to, and that are not in the instance's `__dict__`."""
import copy

e = AttributeError("no such thing", name="thing", obj=[1])
print(e.name, e.obj, vars(e))
print(NameError("x", name="q").name, NameError().name, AttributeError().obj)

if False:
    undefined_thing = None  # bound somewhere, so only running it finds it missing
try:
    undefined_thing
except NameError as n:
    print(n.name, vars(n))
try:
    (1).foo
except AttributeError as a:
    print(a.name, a.obj, vars(a))

# An ImportError's msg is its one argument, and its str() when set.
i = ImportError("boom", name="mod", path="/p")
print(i.msg, i.name, i.path, vars(i))
print(repr(ImportError("a", "b").msg), str(ImportError("a", "b")), repr(ImportError().msg))
i.msg = "changed"
print(i, i.args)
try:
    import no_such_module_here
except ImportError as m:
    print(type(m).__name__, repr(m.msg), m.name, m.path)

# An OSError's fields come from its arguments and can be changed.
o = OSError(2, "No such file", "data.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, o.filename2, vars(o))
o.errno = 13
o.strerror = "Permission denied"
o.note = "mine"
print(o, vars(o))

# A subclass keeps its own attributes in __dict__ and the fields outside it.
class LookupFailed(NameError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.name = what
        self.attempts = 3


f = LookupFailed("config")
print(f, f.name, vars(f))

# Copies carry what the exception's __reduce__ carries.
print(copy.copy(OSError(2, "a", "b")).filename, copy.deepcopy(OSError(2, "a", "b", None, "c")).filename2)
print(copy.copy(ImportError("m", name="n")).name, copy.copy(NameError("x", name="q")).name)
