# Calling an `async def` function runs none of its body: it only creates a
# coroutine object, parked in state CORO_CREATED, waiting for someone to drive it.
import inspect

log = []


async def fetch(url):
    log.append("fetching " + url)
    return len(url)


coro = fetch("example.org")
print("type:", type(coro).__name__)
print("body ran?", log)
print("state:", inspect.getcoroutinestate(coro))
coro.close()  # we never drive it; closing it avoids the never-awaited warning
print("state after close:", inspect.getcoroutinestate(coro))
