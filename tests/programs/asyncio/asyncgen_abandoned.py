# An async generator left suspended (a `break` out of `async for`, or one advanced by
# hand and dropped) is closed by the event loop in a task of its own, as CPython's
# asyncgen hooks do: its `finally` runs later, and may await. If the loop stops first,
# `asyncio.run` cancels that task on its way out, and the `finally` runs then (an
# await in it sees the cancellation).
import asyncio


async def rows(name, cleanup_awaits):
    try:
        for i in range(10):
            yield i
    finally:
        if cleanup_awaits:
            await asyncio.sleep(0)
        print(name, "closed")


async def main():
    async for r in rows("early", True):
        if r == 1:
            break
    print("loop left")
    # The loop gets to run the closing task while main sleeps.
    for _ in range(3):
        await asyncio.sleep(0)
    print("slept")
    async for r in rows("late", False):
        break
    g = rows("by hand", False)
    print("first row", await g.asend(None))
    print("main done")


asyncio.run(main())
print("after run")


async def stalled():
    # The closing task starts, awaits in `finally`, and is cancelled by asyncio.run.
    async for r in rows("stalled", True):
        break
    print("stalled done")


asyncio.run(stalled())
