# A bounded Queue paces a producer to its consumers; join() waits for task_done().
import asyncio


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('produced', i, 'qsize', q.qsize())
    for _ in range(2):
        await q.put(None)


async def consumer(name, q, out):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            return name
        out.append((name, item))
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    results = await asyncio.gather(producer(q, 6), consumer('c1', q, out), consumer('c2', q, out))
    await q.join()
    print(results)
    print(out)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')


asyncio.run(main())
