# contextlib: context managers from generators (`@contextmanager`, `@asynccontextmanager`),
# one also used as a decorator, what happens to an exception raised in the body (it
# goes on, or the generator swallows it), the RuntimeErrors for a generator that
# yields twice or never, a StopIteration raised in the body, and suppress,
# nullcontext, closing and aclosing.
from contextlib import contextmanager, asynccontextmanager, suppress, nullcontext, closing, aclosing
import asyncio
@contextmanager
def tag(n):
    print(f"<{n}>")
    try:
        yield n
    finally:
        print(f"</{n}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))
@contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1 / 0
print("after")
@contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
with nullcontext(5) as v:
    print(v)
class Res:
    def close(self): print("closed")
with closing(Res()):
    pass
@tag("deco")
def f(x):
    print("f", x)
    return x * 2
print(f(2), f(3))
@asynccontextmanager
async def conn(name):
    print("connect", name)
    await asyncio.sleep(0)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        print("disconnect", name)
async def ticker():
    try:
        for i in range(5):
            yield i
    finally:
        print("ticker closed")
async def main():
    async with conn("db") as c:
        print("using", c)
    try:
        async with conn("x"):
            raise ValueError("v")
    except ValueError as e:
        print("propagated", e)
    async with nullcontext(7) as n:
        print(n)
    async with aclosing(ticker()) as t:
        async for i in t:
            if i == 1:
                break
    print("done")
asyncio.run(main())
def gen_stop():
    with tag("s"):
        raise StopIteration("x")
try:
    gen_stop()
except StopIteration as e:
    print("StopIteration", e)
