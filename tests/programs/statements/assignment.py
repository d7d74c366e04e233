# Assignment forms: chained, tuple/list unpacking, starred rest, nested targets, subscripts, attributes, annotations.
a = b = c = 0
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q] = "pq"
print(p, q)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcde"
print(h, mid, t)
one, *none = [1]
print(one, none)
(m, n), o = (1, 2), 3
print(m, n, o)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
lst = [0, 0, 0]
lst[0], lst[2] = 5, 6
print(lst)
d = {}
d["k"] = d["j"] = 1
print(d)
class Box:
    pass
bx = Box()
bx.val = 10
bx.other, lst[1] = "o", 7
print(bx.val, bx.other, lst)
z: int = 5
w: list
print(z)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
