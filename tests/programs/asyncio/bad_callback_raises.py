# A callback that raises is reported on stderr (as CPython's loop logs it) and the
# loop goes on running the next callbacks.
import asyncio


def bad():
    raise ValueError("callback failed")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(print, "the next callback still runs")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: 1 / 0)
    fut.add_done_callback(lambda f: print("second done-callback runs too"))
    fut.set_result(None)
    await asyncio.sleep(0.01)
    print("main finished")


asyncio.run(main())
