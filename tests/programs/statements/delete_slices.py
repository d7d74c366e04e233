# del of list slices: steps forward and backward, empty and out-of-range slices, and a
# large prefix (removed in one pass over the list).
a = list(range(20))
del a[::3]
print(a)
b = list(range(10))
del b[8:2:-2]
print(b)
c = [1, 2, 3]
del c[5:]
del c[2:1]
print(c)
d = list(range(10))
del d[::-1]
print(d)
e = list(range(200000))
del e[:150000]
print(len(e), e[0], e[-1])
f = list(range(10))
del f[-3:]
del f[:-5]
print(f)
