"""Frame objects of running code: sys._getframe() and inspect.currentframe() give
the frame of the code calling them, f_back its caller's, each with its code, line
and locals. A coroutine's or generator's frame object is the one its cr_frame or
gi_frame gives."""
import asyncio
import inspect
import sys


def who_called_me():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno


def greet():
    name = "baton"
    return who_called_me()


print(greet())


def outer():
    def inner():
        here = inspect.currentframe()
        return [(f.f_code.co_name, f.f_lineno) for f in (here, here.f_back, here.f_back.f_back)]

    depth = 1
    print(sorted(sys._getframe().f_locals))
    return inner()


print(outer())
top = sys._getframe()
line_then = top.f_lineno
print(line_then, top.f_lineno, top is sys._getframe())
print(top.f_code.co_name, top.f_back, type(top).__name__, repr(top).split(",")[2:])
try:
    sys._getframe(50)
except ValueError as e:
    print(e)


def ticker():
    me = sys._getframe()
    yield me is gen.gi_frame, me.f_back.f_code.co_name, me.f_back.f_lineno
    yield me.f_back


gen = ticker()
print(next(gen))
print(repr(next(gen)).split(",")[2:])


async def main():
    frame = sys._getframe()
    print(frame.f_code.co_name, frame is asyncio.current_task().get_coro().cr_frame)
    print(inspect.getframeinfo(frame)[1:3], inspect.getframeinfo(frame).function)


asyncio.run(main())
