# Coroutine, Task and Future side by side. A coroutine object is inert until
# driven; a Task wraps a coroutine and the event loop drives it; a Future is a
# placeholder for a result that something else will set. Tasks and Futures can be
# awaited many times; a coroutine only once.
import asyncio


async def compute():
    await asyncio.sleep(0)
    return 7


async def main():
    coro = compute()
    print("coroutine:", type(coro).__name__, "- runs only when awaited")
    print("awaited:", await coro)

    task = asyncio.create_task(compute())
    print("task:", type(task).__name__, "done?", task.done())
    print("awaited twice:", await task, await task)

    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("future:", type(fut).__name__, "done?", fut.done())
    loop.call_soon(fut.set_result, "set by a callback")
    print("awaited:", await fut, "- and again:", await fut)
    print("a Task is a Future:", isinstance(task, asyncio.Future))


asyncio.run(main())
