# Misusing generators and coroutines gets CPython's exceptions and messages, never a
# crash: re-entering a running generator, throwing non-exceptions, closing twice,
# awaiting what cannot be awaited, a bad __await__ or __anext__, and a deep chain of
# awaits that meets RecursionError.


def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def simple():
    yield 1


g = simple()
try:
    g.throw(42)
except TypeError as e:
    print("TypeError:", e)
g = simple()
next(g)
print("close:", g.close(), "close again:", g.close())


class NotAwaitable:
    pass


class BadAwait:
    def __await__(self):
        return 5


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 7


async def await_it(x):
    return await x


for obj in (NotAwaitable(), 3, BadAwait()):
    try:
        await_it(obj).send(None)
    except TypeError as e:
        print("TypeError:", e)


async def loop_it():
    async for x in BadAnext():
        pass


try:
    loop_it().send(None)
except TypeError as e:
    print("TypeError:", e)


async def depth(n):
    if n == 0:
        return 0
    return 1 + await depth(n - 1)


try:
    depth(100).send(None)
except StopIteration as stop:
    print("100 nested awaits:", stop.value)
try:
    depth(10000).send(None)
except RecursionError as e:
    print("10000 nested awaits: RecursionError")
