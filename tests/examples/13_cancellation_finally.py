# task.cancel() throws CancelledError into the coroutine at its current await;
# its finally blocks run, and whoever awaits the task sees CancelledError.
import asyncio


async def slow():
    try:
        print("slow: started")
        await asyncio.sleep(10)
        print("slow: never printed")
    finally:
        print("slow: finally runs on cancellation")


async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled:", task.cancelled())


asyncio.run(main())
