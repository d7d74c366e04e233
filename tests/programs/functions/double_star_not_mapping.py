# `f(**x)` needs a mapping whose keys are not passed twice; the errors name the callable
# with its module, as CPython names it there: __main__.f(), __main__.A.m(), math.sqrt(),
# print().
import math


def f(**k):
    return k


class A:
    def m(self, **k):
        return k


print(f(**{"a": 1}), A().m(**{}))
for call in [
    lambda: f(**5),
    lambda: A().m(**[1]),
    lambda: A(**5),
    lambda: math.sqrt(**5),
    lambda: print(**5),
    lambda: (lambda: 1)(**None),
    lambda: f(1, **{"c": 1, "b": 2}, b=3),
    lambda: f(**{"a": 1}, **{"a": 2}),
    lambda: A().m(**{"a": 1}, a=2),
    lambda: print(**{"sep": 1}, sep=2),
]:
    try:
        call()
    except TypeError as e:
        print(e)
