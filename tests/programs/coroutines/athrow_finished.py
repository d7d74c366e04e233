# athrow() on an async generator that has finished (closed by aclose(), run to the
# end, or ended by an exception) has nothing to throw into: in CPython 3.11 it ends at
# once with None (and aclose() does too), while asend()/anext() raise
# StopAsyncIteration. An athrow() on a generator that never started throws into it
# (and so finishes it). throw() on an awaitable that has not started throws its
# argument straight into the generator.
import asyncio


async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers: finally")


async def broken():
    yield 1
    raise RuntimeError("broken")


async def main():
    g = numbers()
    print(await anext(g))
    await g.aclose()
    print("athrow after aclose:", await g.athrow(ValueError("late")))
    print("athrow with a class:", await g.athrow(ValueError))
    print("aclose again:", await g.aclose())
    try:
        await g.asend(None)
    except StopAsyncIteration as e:
        print("asend:", repr(e))

    g = numbers()
    async for n in g:
        print("got", n)
    print("athrow after exhaustion:", await g.athrow(KeyError("k")))

    g = broken()
    await anext(g)
    try:
        await anext(g)
    except RuntimeError as e:
        print("raised:", e)
    print("athrow after an error:", await g.athrow(ValueError("dead")))

    g = numbers()
    try:
        await g.athrow(ValueError("first"))
    except ValueError as e:
        print("athrow before the start raises:", e)
    print("and then:", await g.athrow(ValueError("second")))

    # Driven by hand: the awaitable stops at once with no value...
    a = g.athrow(ValueError("x"))
    try:
        a.send(None)
    except StopIteration as e:
        print("send: StopIteration", e.value)
    try:
        a.send(None)
    except RuntimeError as e:
        print("send again:", e)
    # ...but throw() throws into the (finished) generator, which raises it.
    try:
        g.athrow(ValueError("unused")).throw(IndexError("thrown"))
    except IndexError as e:
        print("throw:", repr(e))

    g = numbers()
    print(await anext(g))
    try:
        g.asend(None).throw(KeyError("into the generator"))
    except KeyError as e:
        print("asend().throw:", repr(e))
    print("finished:", await g.athrow(ValueError("after")))


asyncio.run(main())
