# A producer and a consumer connected by a bounded asyncio.Queue: the producer
# waits when the queue is full, the consumer when it is empty.
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i} (size {q.qsize()})")
    await q.put(None)


async def consumer(q):
    total = 0
    while True:
        item = await q.get()
        if item is None:
            return total
        print(f"  got {item}")
        total += item


async def main():
    q = asyncio.Queue(maxsize=2)
    _, total = await asyncio.gather(producer(q, 5), consumer(q))
    print("total:", total)


asyncio.run(main())
