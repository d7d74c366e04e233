# `coroutine.__await__()`: CPython's coroutine_wrapper, an iterator that drives the
# coroutine (`__next__` is `send(None)`; `send`, `throw`, `close`), so that an object's
# `__await__` can hand over to a coroutine. An await chain through a wrapper resumes
# the coroutine in place, like an await on the coroutine itself.
import asyncio
import inspect
import sys


async def compute():
    await asyncio.sleep(0)
    return 5


class Job:
    def __await__(self):
        return compute().__await__()


async def main():
    print("await Job():", await Job())


asyncio.run(main())

# ---- the wrapper object ----
c = compute()
w = c.__await__()
print(type(w).__name__, repr(w).startswith("<coroutine_wrapper object at 0x"))
print(sorted(n for n in ("send", "throw", "close", "__next__", "__iter__") if hasattr(w, n)))
print(iter(w) is w, w.__iter__() is w, c.__await__() is w)
for name in ("__await__", "cr_await", "cr_frame"):
    try:
        getattr(w, name)
    except AttributeError as e:
        print("AttributeError:", e)

# ---- driving it by hand ----
print(inspect.getcoroutinestate(c))
print("next:", next(w))
print(inspect.getcoroutinestate(c))
try:
    w.send(1)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(inspect.getcoroutinestate(c))
for step in (lambda: next(w), lambda: w.send(None), lambda: w.__next__(),
             lambda: w.throw(ValueError), lambda: c.send(None)):
    try:
        step()
    except RuntimeError as e:
        print("RuntimeError:", e)
print("close after the end:", w.close())


async def adder():
    total = 0
    while True:
        x = await Step()
        if x is None:
            return total
        total += x


class Step:
    def __await__(self):
        return (yield "step")


a = adder()
wa = a.__await__()
print(wa.send(None), wa.send(1), wa.send(2))
try:
    wa.__next__()
except StopIteration as e:
    print("total", e.value)

c = compute()
w = c.__await__()
try:
    w.send(3)
except TypeError as e:
    print("TypeError:", e, inspect.getcoroutinestate(c))
print(next(w, "default"))
print(next(w, "default"), inspect.getcoroutinestate(c))
print(list(compute().__await__()))
for x in compute().__await__():
    print("for:", x)


# ---- throw and close reach the coroutine ----
async def guarded():
    try:
        await asyncio.sleep(0)
    except ValueError as e:
        print("  caught", repr(e))
        return "handled"
    finally:
        print("  finally")


def guarded_wrapper(started):
    """A fresh guarded() coroutine and its __await__ wrapper, run to its first
    suspension when `started`."""
    c = guarded()
    w = c.__await__()
    if started:
        next(w)
    return c, w


c, w = guarded_wrapper(started=True)
try:
    w.throw(ValueError("boom"))
except StopIteration as e:
    print("throw -> StopIteration", e.value, inspect.getcoroutinestate(c))

c, w = guarded_wrapper(started=True)
try:
    w.throw(ValueError, ValueError("typed"), None)
except StopIteration as e:
    print("throw(type, value, tb) ->", e.value)

c, w = guarded_wrapper(started=False)
try:
    w.throw(KeyError("before start"))
except KeyError as e:
    print("unstarted: KeyError", e, inspect.getcoroutinestate(c))

c, w = guarded_wrapper(started=True)
try:
    w.throw(KeyError("unhandled"))
except KeyError as e:
    print("KeyError escaped", e, inspect.getcoroutinestate(c))

c, w = guarded_wrapper(started=True)
print("close ->", w.close(), inspect.getcoroutinestate(c))

c, w = guarded_wrapper(started=False)
print("close unstarted ->", w.close(), inspect.getcoroutinestate(c))


async def stubborn():
    while True:
        try:
            await asyncio.sleep(0)
        except GeneratorExit:
            print("  ignoring GeneratorExit")
            break
    await asyncio.sleep(0)


c = stubborn()
w = c.__await__()
next(w)
try:
    w.close()
except RuntimeError as e:
    print("RuntimeError:", e)
c.close()

# ---- argument errors ----
c = compute()
w = c.__await__()
for step in (lambda: w.send(), lambda: w.send(1, 2), lambda: w.close(1), lambda: w.throw(),
             lambda: w.throw(1), lambda: w.throw(ValueError("x"), 1)):
    try:
        step()
    except TypeError as e:
        print("TypeError:", e)
w.close()


# ---- what await accepts ----
class ReturnsCoroutine:
    def __await__(self):
        return compute()


class Reuse:
    def __init__(self, coro):
        self.coro = coro

    def __await__(self):
        return self.coro.__await__()


async def checks():
    wrapper = compute().__await__()
    try:
        await wrapper
    except TypeError as e:
        print("TypeError:", e)
    wrapper.close()
    done = compute()
    print("first:", await Reuse(done))
    try:
        await Reuse(done)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await done
    except RuntimeError as e:
        print("RuntimeError:", e)
    inner = compute()
    running = inner.__await__()
    next(running)
    try:
        await inner
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("finish by hand:", await Reuse(inner))


asyncio.run(checks())


# ---- cr_await, gi_yieldfrom, yield from a wrapper ----
async def outer():
    return await Job()


c = outer()
print(c.send(None), type(c.cr_await).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("outer ->", e.value, c.cr_await)


def delegating():
    result = yield from compute().__await__()
    return result


g = delegating()
print(next(g), type(g.gi_yieldfrom).__name__)
try:
    next(g)
except StopIteration as e:
    print("yield from ->", e.value)


# ---- exceptions through the wrapper, and the handled-exception state ----
async def fails():
    await asyncio.sleep(0)
    raise KeyError("inner")


class Fails:
    def __await__(self):
        return fails().__await__()


async def catch():
    try:
        await Fails()
    except KeyError as e:
        print("caught through the wrapper:", e)
    try:
        raise ValueError("outer")
    except ValueError:
        await Job()
        print("still handling:", repr(sys.exc_info()[1]))


asyncio.run(catch())


# ---- cancellation goes down through the wrapper ----
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("  inner cancelled")
        raise
    finally:
        print("  inner finally")


class Sleep:
    def __await__(self):
        return sleeper().__await__()


async def wrapped():
    try:
        await Sleep()
    finally:
        print("  outer finally")


async def cancelling():
    t = asyncio.ensure_future(wrapped())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled:", t.cancelled())
    print("wait_for:", await asyncio.wait_for(Job(), 1))
    print("gather:", await asyncio.gather(Job(), Job(), compute()))
    print("task of a Job:", await asyncio.ensure_future(Job()))


asyncio.run(cancelling())


# ---- chains of wrappers ----
class Level:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        return level(self.n).__await__()


async def level(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await Level(n - 1)


async def deep():
    print("chain of 300 wrappers:", await Level(300))


asyncio.run(deep())
