# Cancelling from inside callbacks: a done-callback cancels another task, a call_soon
# callback cancels a sleeping task, a task cancels itself from its own callback.
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled with", e.args)
        raise


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(sleeper("a"))
    b = asyncio.create_task(sleeper("b"))
    loop.call_soon(a.cancel, "from call_soon")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: b.cancel("from a done-callback"))
    loop.call_later(0.01, fut.set_result, None)
    h = loop.call_later(0.001, print, "never printed: its timer was cancelled by a callback")
    loop.call_soon(h.cancel)
    results = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print(a.cancelled(), b.cancelled())
    f2 = loop.create_future()
    f2.add_done_callback(lambda f: print("callback sees cancelled:", f.cancelled()))
    loop.call_soon(f2.cancel)
    try:
        await f2
    except asyncio.CancelledError:
        print("awaiting a cancelled future raises CancelledError")


asyncio.run(main())
