# The ready queue is FIFO: tasks take their first step in creation order, and each
# sleep(0) puts a task at the back of the queue.
import asyncio


async def worker(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        await asyncio.sleep(0)
    print(name, 'done')


async def main():
    tasks = [asyncio.create_task(worker(n, s)) for n, s in (('a', 3), ('b', 1), ('c', 2))]
    print('created; nothing has run yet')
    await asyncio.gather(*tasks)
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(0.02, order.append, 'timer 20ms')
    loop.call_later(0.01, order.append, 'timer 10ms')
    loop.call_soon(order.append, 'soon 1')
    loop.call_soon(order.append, 'soon 2')
    h = loop.call_soon(order.append, 'cancelled')
    h.cancel()
    await asyncio.sleep(0.03)
    print(order)


asyncio.run(main())
