# Lock, Event, Semaphore and Condition hand control between tasks in FIFO order.
import asyncio


async def locked_worker(name, lock, log):
    async with lock:
        log.append(name + ' in')
        await asyncio.sleep(0)
        log.append(name + ' out')


async def limited(name, sem, log):
    async with sem:
        log.append(name)
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(locked_worker(n, lock, log) for n in 'abc'))
    print(log)
    sem = asyncio.Semaphore(2)
    log = []
    await asyncio.gather(*(limited(n, sem, log) for n in 'wxyz'))
    print(log)
    ev = asyncio.Event()
    waiters = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    ev.set()
    print(await asyncio.gather(*waiters))
    cond = asyncio.Condition()
    items = []

    async def consumer():
        async with cond:
            await cond.wait_for(lambda: items)
            return items.pop()

    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        items.append('item')
        cond.notify()
    print(await c)
    bs = asyncio.BoundedSemaphore(1)
    try:
        bs.release()
    except ValueError as e:
        print(e)


asyncio.run(main())
