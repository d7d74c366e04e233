# Container protocols: __getitem__/__setitem__/__delitem__, __contains__, __iter__/__next__, legacy iteration.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid()
g[1, 2] = "a"
g[0] = "b"
print(g[1, 2], g[5], (1, 2) in g, 7 in g, len(g))
g[0] += "c"
del g[0]
print(0 in g, len(g))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)], sum(Countdown(4)))
for x in Countdown(2):
    print("loop", x)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
class Slicer:
    def __getitem__(self, k):
        return k
s = Slicer()
print(s[1:2], s[::3], s[1, 2:3], s["k"])
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
