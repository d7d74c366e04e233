# asyncio.Barrier (3.11): `parties` tasks wait() until the last one arrives, then all
# go on, each with its arrival index; the barrier is reusable. abort() breaks it for
# good and reset() sends the current waiters away, both with BrokenBarrierError.
import asyncio


async def worker(name, barrier, log):
    log.append(f"{name} arrives")
    index = await barrier.wait()
    log.append(f"{name} passes as {index}")
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    log = []
    tasks = [asyncio.create_task(worker(n, barrier, log)) for n in "abc"]
    await asyncio.sleep(0)
    print(log)
    print(sorted(await asyncio.gather(*tasks)))
    print(log)
    print(barrier.n_waiting, barrier.broken)

    # Reused, as an async context manager.
    async def round_trip(i):
        async with barrier as position:
            return (i, position)
    print(await asyncio.gather(*(round_trip(i) for i in range(3))))

    # Two arrive, then the barrier is reset: both are sent away.
    waiting = [asyncio.create_task(barrier.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    print(barrier.n_waiting)
    await barrier.reset()
    for t in waiting:
        try:
            await t
        except asyncio.BrokenBarrierError as e:
            print("reset:", type(e).__name__, e)
    print(barrier.broken, barrier.n_waiting)

    # Aborted: broken for good, and new arrivals fail at once.
    waiting = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    await barrier.abort()
    try:
        await waiting
    except asyncio.BrokenBarrierError as e:
        print("abort:", e)
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print("after abort:", e)
    print(barrier.broken, issubclass(asyncio.BrokenBarrierError, RuntimeError))

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
