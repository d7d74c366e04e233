# `Cls[item]` calls the class's `__class_getitem__`, which is a class method whether or
# not it is declared one (subclasses inherit it); a class without one is not
# subscriptable.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__} of {item.__name__}"


class Crate(Box):
    pass


class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


class Static:
    @staticmethod
    def __class_getitem__(item):
        return ["static", item]


class Plain:
    pass


print(Box[int], Crate[str], Explicit[1], Static[2])
try:
    Plain[0]
except TypeError as e:
    print("TypeError:", e)
