# Dunder methods: arithmetic and reflected operators, comparisons, __str__/__repr__, __len__, __bool__, __call__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return NotImplemented
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __len__(self):
        return 2
    def __bool__(self):
        return bool(self.x or self.y)
    def __call__(self, scale):
        return self * scale
v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v - w, v * 3, 3 * v, -v)
print(repr(v), str(v), [v, w], f"{v} {v!r}")
print(v == Vec(1, 2), v != w, v < w, w > v, sorted([w, v]))
print(len(v), bool(Vec(0, 0)), bool(v), v(10))
print("truthy" if Vec(0, 1) else "falsy", "truthy" if Vec(0, 0) else "falsy")
try:
    v * w
except TypeError as e:
    print("TypeError:", e)
try:
    v <= w
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, n):
        self.n = n
    def __iadd__(self, o):
        self.n += o
        print("iadd")
        return self
    def __floordiv__(self, o): return Num(self.n // o)
    def __mod__(self, o): return Num(self.n % o)
    def __pow__(self, o): return Num(self.n ** o)
    def __truediv__(self, o): return self.n / o
    def __radd__(self, o): return Num(o + self.n)
    def __repr__(self): return f"Num({self.n})"
a = Num(17)
a += 3
print(a, a // 3, a % 3, a ** 2, a / 8, 5 + a, 0 + Num(2))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
