# A TaskGroup whose tasks fail ends with an ExceptionGroup of their errors; uncaught,
# it is reported as a box with each task's traceback inside (as CPython 3.11 does; the
# frames of Baton's own asyncio show where they are in its stdlib).
import asyncio


async def fetch(n):
    await asyncio.sleep(0.001 * n)
    if n % 2:
        raise LookupError(f"fetch {n} failed")
    return n


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n)) for n in range(4)]
    print([t.result() for t in tasks])


asyncio.run(main())
