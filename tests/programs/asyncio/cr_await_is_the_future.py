# differential: no
# A coroutine awaiting a Future or a Task shows that Future or Task itself as its
# `cr_await` (CPython shows the FutureIter its `__await__` made; docs/language.md),
# with or without `--trace`: tests/trace.rs runs this under tracing too, and the
# output must not change.
import asyncio


async def wait_on(f):
    return await f


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    c = wait_on(f)
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print("awaits the Future itself:", c.cr_await is f)
    f.set_result(1)
    await t
    print("after the result:", c.cr_await)

    inner = asyncio.ensure_future(asyncio.sleep(0, "slept"))
    c = wait_on(inner)
    t = asyncio.ensure_future(c)
    await asyncio.sleep(0)
    print("awaits the Task itself:", c.cr_await is inner)
    print(await t)


asyncio.run(main())
