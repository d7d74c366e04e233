# Classes: instances, class vs instance attributes, methods, bound methods, __init__, type() and isinstance.
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims)
q = p.moved(1).moved(dy=2, dx=0)
print(q.x, q.y)
m = p.norm2
print(m(), Point.norm2(p))
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 5
print(Point(0, 0).dims, p.dims)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object))
print(Point.__name__, Point.__qualname__, type(Point).__name__)
print(vars(p))
print(hasattr(p, "x"), hasattr(p, "z"), getattr(p, "z", "missing"))
setattr(p, "z", 9)
print(p.z)
delattr(p, "z")
print(hasattr(p, "z"))
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, Empty), callable(Empty), callable(e))
