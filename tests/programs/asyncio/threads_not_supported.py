# Baton runs every task on one thread: asyncio.to_thread and loop.run_in_executor
# raise a NotImplementedError that says so, rather than an AttributeError.
# differential: no
# (CPython runs the function in a thread pool.)
import asyncio
import time


async def main():
    for start in (lambda: asyncio.to_thread(time.sleep, 0),
                  lambda: asyncio.get_running_loop().run_in_executor(None, time.sleep, 0)):
        try:
            await start()
        except NotImplementedError as e:
            print("NotImplementedError:", e)


asyncio.run(main())
