# del statement: names, list items and slices, dict keys, attributes; NameError/KeyError afterwards.
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O:
    pass
o = O()
o.attr = 5
o.keep = 6
del o.attr
print(hasattr(o, "attr"), o.keep)
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
try:
    b
except NameError as e:
    print("NameError:", e)
def f():
    y = 1
    del y
    return y
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
