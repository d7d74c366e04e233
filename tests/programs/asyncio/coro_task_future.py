# Coroutine, Task and Future side by side: calling an async function runs nothing,
# a Task schedules its coroutine on the loop, a Future is a placeholder a callback fills.
import asyncio


async def compute(x):
    print('  compute', x, 'runs')
    await asyncio.sleep(0)
    return x * 2


async def main():
    coro = compute(1)
    print('coroutine created; nothing ran yet:', type(coro).__name__)
    print('awaiting it runs it now:', await coro)

    task = asyncio.create_task(compute(2))
    print('task created:', task.get_name(), 'done?', task.done())
    print('awaiting the task:', await task, 'done?', task.done())

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 'filled by a callback')
    print('future pending?', not fut.done(), repr(fut))
    print('awaiting the future:', await fut)
    print(repr(fut))
    print('a Task is a Future:', isinstance(task, asyncio.Future), asyncio.isfuture(task))


asyncio.run(main())
