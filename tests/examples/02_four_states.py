# The four states of a coroutine, observed one by one. RUNNING can only be seen
# from inside the coroutine itself, while its frame is executing.
import inspect


class Pause:
    """An awaitable that suspends its awaiter exactly once."""

    def __await__(self):
        yield "paused"


async def worker():
    print("  inside:", inspect.getcoroutinestate(me))
    await Pause()
    print("  resumed:", inspect.getcoroutinestate(me))
    return "finished"


me = worker()
print("1.", inspect.getcoroutinestate(me))
print("yielded:", me.send(None))
print("2.", inspect.getcoroutinestate(me), "awaiting:", type(me.cr_await).__name__)
try:
    me.send(None)
except StopIteration as stop:
    print("returned:", stop.value)
print("3.", inspect.getcoroutinestate(me))
