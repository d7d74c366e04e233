# staticmethod, classmethod, property (getter/setter/deleter) and alternative constructors.
class Temperature:
    scale = "C"
    count = 0
    def __init__(self, celsius):
        self._c = celsius
        Temperature.count += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}, {cls.count} made"
t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.convert(0), t.convert(10))
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
f = Temperature.from_f(212)
print(type(f).__name__, f.celsius, Temperature.describe(), f.describe())
class Kelvin(Temperature):
    scale = "K"
print(Kelvin.describe(), type(Kelvin.from_f(32)).__name__)
# A property's docstring is its getter's unless `doc` is given; fget/fset/fdel are
# the functions it was built from.
class Account:
    @property
    def balance(self):
        "The balance, in cents."
        return 0
    def _set_owner(self, v):
        pass
    owner = property(lambda self: "me", _set_owner, None, "Who owns it.")
    plain = property(lambda self: 1)
print(Account.balance.__doc__, Account.owner.__doc__, Account.plain.__doc__)
print(Account.owner.fset.__name__, Account.owner.fdel, Account.balance.fget.__name__)
print(Account.balance.setter(Account._set_owner).__doc__)
