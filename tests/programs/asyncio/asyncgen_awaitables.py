# An async generator's awaitables are coroutines in all but type, as in CPython:
# `asend()`/`__anext__()` give an async_generator_asend, `athrow()`/`aclose()` an
# async_generator_athrow, `anext(g, default)` an anext_awaitable. Each has send, throw,
# close and __await__, so asyncio.iscoroutine is true of it and a Task can run it
# (create_task, wait_for, gather). An awaitable runs once: awaiting it again, or after
# close(), is a RuntimeError, and so is starting one while another awaitable of the
# same generator is running it. create_task also takes a generator (3.11's
# asyncio.Task takes whatever iscoroutine accepts).
import asyncio
import inspect


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print("ticker finally")


def old_style():
    yield
    return "from a generator"


async def main():
    g = ticker(5)
    a = g.asend(None)
    print(type(a).__name__, type(g.aclose()).__name__, type(g.athrow(ValueError)).__name__)
    print(type(anext(g, 0)).__name__, type(anext(g)).__name__)
    print(asyncio.iscoroutine(a), inspect.isawaitable(a), asyncio.iscoroutine(anext(g, 0)))
    print(repr(a).startswith("<async_generator_asend object at 0x"))

    # Driven by a Task.
    print("wait_for:", await asyncio.wait_for(a, 1))
    t = asyncio.create_task(g.asend(None))
    print("task:", await t, t.done())
    print("gather:", await asyncio.gather(anext(g), g.__anext__(), return_exceptions=True))
    running = asyncio.create_task(g.asend(None))
    await asyncio.sleep(0)
    for start in (g.asend(None), g.athrow(ValueError), g.aclose()):
        try:
            start.send(None)
        except RuntimeError as e:
            print("RuntimeError:", e)
    print("running:", await running)

    # Awaited twice, or closed first.
    s = g.asend(None)
    print("await:", await s)
    try:
        await s
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = g.asend(None)
    c.close()
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)
    closing = g.aclose()
    await closing
    try:
        await closing
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("exhausted:", await anext(g, "default"))
    try:
        await anext(g)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))

    # athrow into a fresh generator raises at once; its awaitable is then spent.
    fresh = ticker(1)
    thrown = fresh.athrow(ValueError("boom"))
    try:
        await thrown
    except ValueError as e:
        print("ValueError:", e)
    try:
        await thrown
    except RuntimeError as e:
        print("RuntimeError:", e)

    print(await asyncio.create_task(old_style()))


asyncio.run(main())
