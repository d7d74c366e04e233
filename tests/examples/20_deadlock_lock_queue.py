# A deadlock through a Lock and a Queue: the worker holds the lock and waits for an
# item that only the feeder would put, and the feeder waits for the lock. The report
# says which primitive each task is blocked in.
# differential: no
# (CPython never finishes this program.)
import asyncio


async def worker(lock, q):
    async with lock:
        print("worker: holds the lock, waiting for an item")
        item = await q.get()
        print("worker: got", item)


async def feeder(lock, q):
    await asyncio.sleep(0)
    print("feeder: needs the lock to put an item")
    async with lock:
        await q.put("item")


async def main():
    lock, q = asyncio.Lock(), asyncio.Queue()
    await asyncio.gather(worker(lock, q), feeder(lock, q))


asyncio.run(main())
