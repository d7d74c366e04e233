# Generator frames resumed in place by the run loop (send, next, for, yield from,
# await): values, returns, exceptions and the handled-exception state all travel
# between the frames as in CPython.
import sys


def numbers(n):
    try:
        for i in range(n):
            yield i
        return "done"
    finally:
        print("numbers finally")


for x in numbers(3):
    print("for got", x)

g = numbers(2)
print(next(g), g.send(None))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)


def leaky():
    yield 1
    raise StopIteration("inner")


try:
    for v in leaky():
        print("leaky", v)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def sees_exc():
    yield sys.exc_info()[0]
    try:
        raise KeyError("k")
    except KeyError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]


s = sees_exc()
try:
    raise ValueError("outer")
except ValueError:
    print("first:", next(s).__name__)
    print("in handler:", next(s).__name__)
    print("caller still:", sys.exc_info()[0].__name__)
    print("after handler:", next(s).__name__)


def inner():
    x = yield "inner-1"
    if x == "boom":
        raise ValueError("bad value")
    return x * 2


def outer():
    try:
        r = yield from inner()
        print("inner returned", r)
    except ValueError as e:
        print("outer caught", e)
        r = None
    yield r


o = outer()
print(next(o))
print(o.send(21))
o = outer()
next(o)
print(o.send("boom"))


class Tick:
    def __await__(self):
        got = yield "tick"
        if got == "fail":
            raise LookupError("tick failed")
        return got


async def middle():
    try:
        return await Tick()
    except LookupError as e:
        return "middle caught " + str(e)


async def top():
    a = await middle()
    b = await middle()
    return [a, b]


c = top()
print(c.send(None))
print(c.send("fail"))
try:
    c.send("fine")
except StopIteration as e:
    print("top returned", e.value)


# throw() into an await chain: the innermost frame catches it and returns, and the
# value travels back up to the outermost coroutine.
class Pause:
    def __await__(self):
        yield "paused"


async def catcher():
    try:
        await Pause()
    except KeyError as e:
        return "caught " + str(e)


async def relay():
    r = await catcher()
    return "relayed " + r


c = relay()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)


def broken():
    yield 1
    raise ZeroDivisionError("division by zero")


def delegator():
    yield from broken()


for v in delegator():
    print("delegated", v)
