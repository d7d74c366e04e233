# Awaiting a Future or a Task makes no iterator object (src/runtime/selfawait.rs):
# the await still suspends the coroutine, ends with the result, raises the exception
# or the cancellation, as CPython's FutureIter does. (What `cr_await` shows differs:
# see docs/language.md and cr_await_is_the_future.py.)
import asyncio
import inspect


async def wait_on(f):
    return await f


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    c = wait_on(f)
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print(inspect.getcoroutinestate(c), c.cr_await is not None)
    f.set_result("result")
    print(await t)

    g = loop.create_future()
    t = asyncio.ensure_future(wait_on(g))
    await asyncio.sleep(0)
    g.set_exception(KeyError("key"))
    try:
        await t
    except KeyError as e:
        print("KeyError", e)

    inner = asyncio.ensure_future(asyncio.sleep(0, "slept"))
    c = wait_on(inner)
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print(c.cr_await is not None, await t)

    h = loop.create_future()
    t = asyncio.ensure_future(wait_on(h))
    await asyncio.sleep(0)
    h.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("CancelledError", e.args, t.cancelled())


asyncio.run(main())
