# Generators driven by natives (sum, list, str.join, sorted, any, max, dict, zip): each
# value leaves the run loop from the generator's own frame, its handlers and the
# exception being handled stay with it between values, and early stops close it.
import sys


def handled():
    try:
        raise ValueError("inner")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield str(sys.exc_info()[1])
    yield str(sys.exc_info()[0])


def closing(tag):
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("closed", tag)


print(list(handled()), sys.exc_info()[0])
print(sum(x for x in range(10)), ",".join(str(x * x) for x in range(5)))
print(list(closing("list")), sorted(closing("sorted"), reverse=True))
print(any(x > 1 for x in closing("any")), max(x for x in closing("max")))
print(dict((k, k * 2) for k in "ab"), list(zip(closing("zip"), "xy")))
try:
    print(sum(1 / x for x in [1, 0, 2]))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(list(int(s) for s in ["1", "x"]))
except ValueError as e:
    print("ValueError:", e)


def nested():
    yield from (i for i in range(3))
    yield sum(j for j in range(4))


print(list(nested()), tuple(nested()), set(nested()))
