"""Descriptors: a class attribute whose class defines __get__ (and __set__ or
__delete__ for a data descriptor) decides what reading, storing and deleting the
attribute do; __set_name__ tells it its name when the class is made. Also
super().prop, which reads the base class's property."""
class D:
    def __get__(self, obj, objtype=None):
        return 42 if obj is not None else ('class', objtype.__name__)

class Typed:
    def __set_name__(self, owner, name):
        self.name = '_' + name
        print('set_name', owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int')
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print('deleting', self.name)
        delattr(obj, self.name)

class C:
    attr = D()
    age = Typed()
    size = Typed()

c = C()
print(c.attr, C.attr)
c.age = 5
print(c.age, c.size, vars(c))
try:
    c.age = 'x'
except TypeError as e:
    print(e)
del c.age
print(c.age, type(C.age).__name__)
c.__dict__['attr'] = 'own'
print(c.attr)  # non-data descriptor: instance dict wins
c.__dict__['age'] = 'own'
print(c.age)   # data descriptor wins

class Lazy:
    def __init__(self, f): self.f = f
    def __get__(self, obj, cls):
        if obj is None: return self
        v = self.f(obj)
        obj.__dict__[self.f.__name__] = v
        return v

class P:
    @Lazy
    def value(self):
        print('computing')
        return 7
p = P()
print(p.value, p.value)

class ROnly:
    def __get__(self, o, t): return 1
    def __delete__(self, o): pass
class Q:
    r = ROnly()
q = Q()
try:
    q.r = 3
except AttributeError as e:
    print('AttributeError', e)


class Base:
    @property
    def name(self):
        return "base"


class Derived(Base):
    @property
    def name(self):
        return "derived<" + super().name + ">"


print(Derived().name)
