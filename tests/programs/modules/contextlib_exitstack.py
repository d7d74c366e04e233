# contextlib.ExitStack and AsyncExitStack: enter_context, callback, push (an
# __exit__-style function or an object with __exit__), callbacks run last-in
# first-out, a callback that returns True suppresses the exception, one that raises
# replaces it (with the __context__ chain nested with statements would give),
# pop_all and close, and the async versions with enter_async_context,
# push_async_callback, push_async_exit and aclose.
import asyncio
from contextlib import (ExitStack, AsyncExitStack, contextmanager, asynccontextmanager,
                        AbstractContextManager, suppress)

log = []

@contextmanager
def resource(name):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        log.append(f"close {name}")

with ExitStack() as stack:
    handles = [stack.enter_context(resource(n)) for n in ("a", "b", "c")]
    stack.callback(log.append, "callback")
    print(handles)
print(log)

class Swallow:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        print("Swallow sees", exc_type.__name__ if exc_type else None)
        return True

with ExitStack() as stack:
    stack.enter_context(Swallow())
    stack.callback(print, "the callback runs first")
    raise ValueError("suppressed by Swallow")
print("after the suppressed error")

def fail():
    raise KeyError("from a callback")

try:
    with ExitStack() as stack:
        stack.callback(fail)
        raise ValueError("original")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))

def raiser(exc):
    def exit_callback(*exc_details):
        raise exc
    return exit_callback

try:
    with ExitStack() as stack:
        stack.push(raiser(IndexError("outer")))
        stack.push(raiser(AttributeError("inner")))
        raise ZeroDivisionError("body")
except IndexError as e:
    chain = []
    while e is not None:
        chain.append(repr(e))
        e = e.__context__
    print(" <- ".join(chain))

log.clear()
with ExitStack() as stack:
    stack.enter_context(resource("kept"))
    kept = stack.pop_all()
print("after with:", log)
kept.close()
print("after close:", log)

class Closer:
    def __exit__(self, *exc):
        print("Closer.__exit__", exc)

stack = ExitStack()
print(type(stack.push(Closer())).__name__)
stack.push(lambda *exc: print("plain exit function", exc))
stack.close()

with ExitStack() as stack:
    @stack.callback
    def goodbye():
        print("goodbye, registered as a decorator")
    print("body")

for bad in (object(), 42):
    try:
        ExitStack().enter_context(bad)
    except TypeError as e:
        print("TypeError:", e)
print(isinstance(ExitStack(), AbstractContextManager), isinstance(suppress(), AbstractContextManager))

async def main():
    events = []

    @asynccontextmanager
    async def connection(name):
        events.append(f"connect {name}")
        yield name
        events.append(f"disconnect {name}")

    async def flush(tag):
        events.append(f"flush {tag}")

    async def on_exit(exc_type, exc, tb):
        events.append(f"push_async_exit saw {exc_type}")
        return False

    async with AsyncExitStack() as stack:
        names = [await stack.enter_async_context(connection(n)) for n in ("db", "cache")]
        stack.enter_context(resource("file"))
        stack.push_async_callback(flush, "buffers")
        stack.callback(events.append, "sync callback")
        stack.push_async_exit(on_exit)
        print(names)
    print(events)

    stack = AsyncExitStack()
    await stack.enter_async_context(connection("later"))
    await stack.aclose()
    print(events[-1])

    async def swallow(exc_type, exc, tb):
        print("swallowing", exc_type.__name__)
        return True

    async with AsyncExitStack() as stack:
        stack.push_async_exit(swallow)
        raise RuntimeError("gone")
    try:
        await AsyncExitStack().enter_async_context(resource("sync only"))
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
