# functools beyond caching: cmp_to_key (sorting by an old-style comparison, the key
# objects' errors), cached_property (computed once, stored in the instance's
# __dict__, forgotten by del), singledispatch (register by annotation, by class
# argument, by union; dispatch along the MRO; dispatch() and registry),
# singledispatchmethod and partialmethod.
import functools
from functools import cmp_to_key, cached_property, singledispatch, singledispatchmethod, partialmethod

def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)

words = ["pear", "fig", "apple", "kiwi", "date"]
print(sorted(words, key=cmp_to_key(by_length_then_reverse)))
print(max(words, key=cmp_to_key(by_length_then_reverse)))
K = cmp_to_key(lambda a, b: a - b)
k = K(3)
print(k.obj, k < K(4), k == K(3), k >= K(5), type(k).__name__)
for bad in (lambda: k < 3, lambda: hash(k), lambda: K(), lambda: K(1, 2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

class Dataset:
    def __init__(self, values):
        self.values = values
        self.computed = 0

    @cached_property
    def mean(self):
        """The average."""
        self.computed += 1
        return sum(self.values) / len(self.values)

ds = Dataset([1, 2, 3, 6])
print(ds.mean, ds.mean, ds.computed, ds.__dict__["mean"])
del ds.mean
ds.values.append(8)
print(ds.mean, ds.computed, Dataset.mean.attrname, Dataset.mean.__doc__, type(Dataset.mean).__name__)
ds.mean = 100
print(ds.mean)

@singledispatch
def describe(obj):
    return f"object {obj!r}"

@describe.register
def _(obj: int):
    return f"int {obj}"

@describe.register(list)
def _(obj):
    return f"list of {len(obj)}"

@describe.register
def _(obj: float | str):
    return f"float or str {obj!r}"

def describe_none(obj):
    return "nothing"
describe.register(type(None), describe_none)

class Animal:
    pass
class Dog(Animal):
    pass

@describe.register
def _(obj: Animal):
    return f"animal {type(obj).__name__}"

for value in (7, True, 2.5, "hi", [1, 2], None, Dog(), (1,)):
    print(describe(value))
print(describe.dispatch(bool).__name__, describe.dispatch(Dog) is describe.dispatch(Animal))
print(sorted(cls.__name__ for cls in describe.registry), describe.__name__, describe.__wrapped__.__name__)
for bad in (lambda: describe(), lambda: describe.register(3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return f"? {arg!r}"

    @fmt.register
    def _(self, arg: int):
        return f"#{arg:04d}"

    @fmt.register
    def _(self, arg: list):
        return "[" + ", ".join(self.fmt(x) for x in arg) + "]"

f = Formatter()
print(f.fmt(7), f.fmt([1, "a", 2]), f.fmt(1.5))

class Light:
    def __init__(self):
        self.on = None

    def _set(self, state, brightness=100):
        self.on = state
        self.brightness = brightness

    switch_on = partialmethod(_set, True)
    dim = partialmethod(_set, True, brightness=20)
    switch_off = partialmethod(_set, False, 0)

light = Light()
light.switch_on()
print(light.on, light.brightness)
light.dim()
print(light.on, light.brightness)
light.switch_off()
print(light.on, light.brightness)
Light.switch_on(light)
print(light.on, light.brightness, type(Light.__dict__["dim"]).__name__)
