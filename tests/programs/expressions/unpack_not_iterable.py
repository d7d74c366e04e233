# Unpacking something that cannot be iterated at all says so ("cannot unpack
# non-iterable int object"); an error raised by the object's own __iter__, or an
# __iter__ that returns a non-iterator, comes through as it is, as in CPython.


class Raising:
    def __iter__(self):
        raise TypeError("raised by __iter__")


class BadIter:
    def __iter__(self):
        return 5


class Indexed:
    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError


def unpack_raising():
    a, b = Raising()


def unpack_bad_iter():
    a, b = BadIter()


def unpack_int():
    a, b = 5


def unpack_starred_raising():
    a, *b = Raising()


a, b = Indexed()
print(a, b)
for t in (unpack_raising, unpack_bad_iter, unpack_int, unpack_starred_raising):
    try:
        t()
    except TypeError as e:
        print(e)
