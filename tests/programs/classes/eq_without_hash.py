# A class body that defines __eq__ but not __hash__ gets __hash__ = None, so its
# instances are unhashable; a subclass can give __hash__ back. Assigning __eq__ to a
# class later does not change its hashing (only the class body decides).
class A:
    pass


class B:
    def __eq__(self, other):
        return True


class C(B):
    def __hash__(self):
        return 7


class D(C):
    pass


class E(B):
    pass


print(B.__hash__, "__hash__" in B.__dict__, "__hash__" in E.__dict__)
for k in (A, B, C, D, E):
    try:
        h = hash(k())
        print(k.__name__, "hashable", h == 7)
    except TypeError as e:
        print(k.__name__, "TypeError:", e)

a = A()
before = hash(a)
A.__eq__ = lambda self, other: False
print(hash(a) == before, {a: 1}[a])
A.__hash__ = lambda self: 42
print(hash(a))
del A.__hash__
print(hash(a) == before)
