# A Task suspended on a Future is woken when the Future gets its result: here a
# timer set with call_later resolves the Future, the Future schedules the Task's
# wake-up with call_soon, and the Task's coroutine resumes with the value.
import asyncio


async def waiter(fut):
    print("waiter: waiting on the future")
    value = await fut
    print("waiter: woke up with", value)
    return value


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waiter(fut))
    loop.call_later(0.01, fut.set_result, "hello")
    print("main: the timer is set; the task is", "done" if task.done() else "pending")
    print("main: task returned", await task)


asyncio.run(main())
