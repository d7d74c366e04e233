# asyncio.as_completed() is a generator in 3.11: nothing happens until the first
# next() -- no argument check, no tasks made from the coroutines -- so an iterator
# that is never started runs nothing (its coroutines are reported never awaited
# when dropped).
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print('ran', name)
    return name


async def main():
    it = asyncio.as_completed([job('a', 0), job('b', 0)])
    print(type(it).__name__)
    await asyncio.sleep(0.01)
    print('nothing ran before the first next()')
    del it

    # The argument check waits for the first next() as well.
    bad = asyncio.as_completed(asyncio.sleep(0))
    print('made without an error')
    try:
        next(bad)
    except TypeError as e:
        print('TypeError:', e)

    # Used as usual: the results in the order they complete.
    for next_done in asyncio.as_completed([job('slow', 0.03), job('fast', 0.01)]):
        print('got', await next_done)

    # A timeout raises TimeoutError from the awaitable it yields.
    try:
        for next_done in asyncio.as_completed([job('late', 0.1)], timeout=0.01):
            await next_done
    except TimeoutError:
        print('timed out')
    await asyncio.sleep(0.15)


asyncio.run(main())
