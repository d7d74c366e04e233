# Queue, Event and Lock bind to the loop that first makes them wait
# (`_LoopBound._get_loop`): used again from another loop they raise RuntimeError,
# and outside of any loop they bind to nothing (CPython 3.11's mixins.py).
import asyncio

ev = asyncio.Event()
q = asyncio.Queue()


async def first():
    asyncio.get_running_loop().call_soon(ev.set)
    await ev.wait()
    asyncio.get_running_loop().call_soon(q.put_nowait, "item")
    print("first:", await q.get(), ev.is_set())


async def second():
    ev.clear()
    try:
        await ev.wait()
    except RuntimeError as e:
        print("RuntimeError:", type(e).__name__, "bound to a different event loop" in str(e))
    try:
        await q.get()
    except RuntimeError as e:
        print("RuntimeError:", type(e).__name__, "bound to a different event loop" in str(e))


asyncio.run(first())
asyncio.run(second())

# Outside any loop, CPython 3.11 binds nothing and hands back None, so a wait driven
# by hand fails on the missing loop.
lock = asyncio.Lock()
print(lock._get_loop(), lock._loop)
ev2 = asyncio.Event()
try:
    ev2.wait().send(None)
except AttributeError as e:
    print("AttributeError:", e)
