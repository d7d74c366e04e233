# abc: ABC and abstractmethod. A class with abstract methods left (plain methods,
# properties, class and static methods) cannot be instantiated, with CPython 3.11's
# message ("method", or "methods" and a sorted list); a subclass that implements them
# all can; __abstractmethods__; a concrete ABC subclass without __init__ takes no
# arguments; update_abstractmethods after adding a method.
from abc import ABC, abstractmethod, update_abstractmethods
import abc

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name}: area {self.area()}, perimeter {self.perimeter()}"

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

class RealSquare(Square):
    def perimeter(self):
        return 4 * self.side

    @property
    def name(self):
        return "square"

class Circle(Shape):
    def area(self):
        return 3

for cls, args in ((Shape, ()), (Square, (2,)), (Circle, ())):
    try:
        cls(*args)
    except TypeError as e:
        print("TypeError:", e)
print(RealSquare(3).describe(), isinstance(RealSquare(1), Shape), issubclass(RealSquare, ABC))
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__), RealSquare.__abstractmethods__)
print(ABC.__abstractmethods__, Shape.area.__isabstractmethod__, abc.ABC, abc.ABCMeta)

class Factory(ABC):
    @classmethod
    @abstractmethod
    def create(cls):
        ...

    @staticmethod
    @abstractmethod
    def kind():
        ...

try:
    Factory()
except TypeError as e:
    print("TypeError:", e)

class Plain(ABC):
    pass

print(type(Plain()).__name__)
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)

class Later(ABC):
    @abstractmethod
    def run(self):
        ...

def run(self):
    return "running"

Later.run = run
update_abstractmethods(Later)
print(Later().run(), Later.__abstractmethods__)
