"""A frame's f_lineno and f_lasti while it runs: the line being executed, read from
inside the generator or coroutine itself (or from a function it called), and the
suspension line once it is parked."""
import asyncio
import inspect


def walker(me):
    first = me[0].gi_frame.f_lineno
    yield first
    second = me[0].gi_frame.f_lineno
    yield second
    yield where(me[0])


def where(g):
    # The generator is running (it called this): its frame is at the call.
    return g.gi_frame.f_lineno, inspect.getgeneratorstate(g)


me = []
me.append(walker(me))
print(list(me[0]))

me[0] = walker(me)
next(me[0])
print("suspended at", me[0].gi_frame.f_lineno, me[0].gi_frame.f_lasti > 0)


async def main():
    frame = asyncio.current_task().get_coro().cr_frame
    print("running at", frame.f_lineno, frame.f_lasti >= 0)
    await asyncio.sleep(0)
    print("after the sleep at", frame.f_lineno)
    task = asyncio.current_task()
    print("its task shows line", repr(task).split(" coro=")[1].split(" cb=")[0].rsplit(":", 1)[1].rstrip(">"))


asyncio.run(main())
