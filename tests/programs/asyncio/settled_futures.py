# Futures and Tasks once done: result(), exception(), done() and cancelled() read
# the same whether the object was settled on the fast path (made by the loop, no
# attribute of its own changed) or not (a subclass, an attribute set by hand), and
# gather collects results, None results, exceptions and cancellations in order.
# Attributes set on a done Future or Task read back.
import asyncio


class MyFuture(asyncio.Future):
    pass


async def value(v):
    await asyncio.sleep(0)
    return v


async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    loop = asyncio.get_running_loop()
    plain = loop.create_future()
    none = loop.create_future()
    sub = MyFuture()
    tagged = loop.create_future()
    tagged.note = "extra attribute"
    loop.call_soon(plain.set_result, 42)
    loop.call_soon(none.set_result, None)
    loop.call_soon(sub.set_result, "sub")
    loop.call_soon(tagged.set_result, [1, 2])
    print(await plain, await none, await sub, await tagged)
    for f in (plain, none, sub, tagged):
        print(f.done(), f.cancelled(), f.result(), f.exception())

    t1 = asyncio.create_task(value(1))
    t2 = asyncio.create_task(value(None))
    t3 = asyncio.create_task(fail("boom"))
    t4 = asyncio.create_task(value(4))
    t4.cancel("stop")
    res = await asyncio.gather(t1, t2, t3, t4, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])
    print(repr(res[2]), repr(res[3]))
    print(t1.result(), t2.result(), t1.exception(), t2.exception())
    print(t3.done(), repr(t3.exception()))
    try:
        t3.result()
    except ValueError as e:
        print("result() raised", repr(e))
    print(t4.cancelled())
    try:
        t4.result()
    except asyncio.CancelledError as e:
        print("cancelled:", repr(e))

    # Done without a result, a Future or Task keeps its attributes' room: attributes
    # set afterwards read back, and it still reads as done with None.
    none.late = "added after"
    t2.late = "on a task"
    t2.later = 2
    print(none.late, t2.late, t2.later, none.result(), t2.result(), none.done(), t2.done())
    print(none, t2.get_name(), t2.get_coro().__name__)

    # Done twice over: a finished Future refuses a second result.
    try:
        plain.set_result(0)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)

    # Awaiting a finished Task again gives its result at once.
    print(await t1, await t2)
    print(await asyncio.gather(value("a"), value("b")))


asyncio.run(main())
