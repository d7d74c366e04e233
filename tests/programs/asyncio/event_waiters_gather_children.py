# Event: the waiter count in repr while waiters are woken, cancelled before and after
# set(), and after clear(); gather: children given twice, mixed with coroutines, a
# done Future, cancellation of the gathering future, return_exceptions.
import asyncio

async def waiter(ev, name, log):
    try:
        await ev.wait()
        log.append(name)
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise

async def main():
    ev = asyncio.Event()
    log = []
    ts = [asyncio.create_task(waiter(ev, f"w{i}", log)) for i in range(5)]
    await asyncio.sleep(0)
    print(repr(ev).split(' at ')[0], repr(ev).split('[')[1])
    ts[1].cancel()
    ev.set()
    ts[3].cancel()
    print(repr(ev).split('[')[1])
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1], log)
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1], log)
    ev.clear()
    t = asyncio.create_task(waiter(ev, "late", log))
    u = asyncio.create_task(waiter(ev, "late2", log))
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1])
    t.cancel()
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1])
    ev.set()
    print(repr(ev).split('[')[1])
    await asyncio.sleep(0)
    print(repr(ev).split('[')[1], log)
    # gather with duplicates and mixed
    f = asyncio.get_running_loop().create_future()
    f.set_result(7)
    async def c(x):
        return x
    t1 = asyncio.create_task(c(1))
    print(await asyncio.gather(t1, t1, f, t1))
    print(await asyncio.gather(c(2), t1, f))
    g = asyncio.gather(t1, f)
    print(len(g._children), list(g._children) == [t1, f])
    print(await g)
    t2 = asyncio.create_task(asyncio.sleep(10))
    t3 = asyncio.create_task(c(3))
    g = asyncio.gather(t2, t3)
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled", t2.cancelled(), t3.result())
    r = await asyncio.gather(asyncio.create_task(c(4)), asyncio.create_task(asyncio.sleep(0, 'x')), return_exceptions=True)
    print(r)

asyncio.run(main())
