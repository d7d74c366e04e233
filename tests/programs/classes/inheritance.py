# Inheritance: overriding, super() in __init__ and methods, isinstance/issubclass, attribute lookup order.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def kind(self):
        return "dog, a kind of " + super().kind()
class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeaky)"
a, d, p = Animal("generic"), Dog("rex", ["sit"]), Puppy("bit", [])
for x in (a, d, p):
    print(x.speak(), "|", x.kind())
print(d.tricks, p.tricks)
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(a, Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(bool, int))
print(isinstance(3, (str, int)), isinstance("s", (list, tuple)), issubclass(Puppy, (int, Dog)))
class Base:
    def template(self):
        return "base calls " + self.hook()
    def hook(self):
        return "base hook"
class Derived(Base):
    def hook(self):
        return "derived hook"
print(Base().template(), "/", Derived().template())
class MyError(ValueError):
    pass
print(issubclass(MyError, Exception), issubclass(MyError, ValueError), isinstance(MyError("x"), MyError))
