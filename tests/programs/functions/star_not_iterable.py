# `*x` must be iterable. A call whose only positional argument is `*x` names the
# callable, as CPython does (it hands `x` to the call as it is); `*x` among other
# items, in a call or a list/tuple display, says "Value"; a set display and `{**x}`
# keep the plain messages. An object with `__getitem__` is iterable, and an error
# raised while iterating passes through unchanged.


def f(*a, **k):
    return a, k


class Indexed:
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError


class Failing:
    def __iter__(self):
        raise TypeError("raised by __iter__")


class Plain:
    pass


print(f(*[1, 2]), f(*(3,)), f(*"ab"), f(*{4: 5}), f(*range(2), k=1), f(*Indexed()))
for call in [
    lambda: f(*5),
    lambda: f(*None, k=1),
    lambda: f(*Plain()),
    lambda: print(*5),
    lambda: f(1, *5),
    lambda: f(*[1], *5),
    lambda: [1, *5],
    lambda: (*5,),
    lambda: {*5},
    lambda: {**5},
    lambda: {**[(1, 2)]},
    lambda: f(*Failing()),
]:
    try:
        call()
    except TypeError as e:
        print(e)
