# Loop and Task APIs: call_soon_threadsafe (call_soon, on one thread),
# set_task_factory/get_task_factory (create_task, asyncio.create_task and
# ensure_future go through the factory; a name is set after), slow_callback_duration,
# and Task.get_stack()/print_stack(): the suspended coroutine's frame, or the frames
# of a failed task's traceback. print_stack() without a file writes its heading to
# stdout and the frames to stderr, as CPython's does.
import asyncio
import sys


# CPython names this file by its absolute path in reprs, Baton by the path it was
# given: print only the file name.
HERE = __file__[:__file__.rindex('/') + 1]


def tidy(text):
    return text.replace(HERE, '')


class Captured:
    """A file that print_stack writes to: printed afterwards, tidied."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def show(self):
        print(tidy(''.join(self.parts)), end='')


async def inner():
    await asyncio.sleep(0.05)


async def middle():
    await inner()


async def bad():
    await asyncio.sleep(0)
    raise ValueError('boom')


async def recurse(n):
    if n == 0:
        raise RuntimeError('bottom')
    await recurse(n - 1)


made = []


def factory(loop, coro):
    made.append(coro.__name__)
    return asyncio.Task(coro, loop=loop)


def frames(task, **kw):
    return [(f.f_code.co_name, f.f_lineno) for f in task.get_stack(**kw)]


def show_stack(task):
    out = Captured()
    task.print_stack(file=out)
    out.show()


async def main():
    loop = asyncio.get_running_loop()
    print(loop.slow_callback_duration, loop.get_task_factory())
    h = loop.call_soon_threadsafe(print, 'threadsafe', 1)
    print(h)
    await asyncio.sleep(0)

    # A task not started yet: its frame is at the def line.
    t = asyncio.create_task(middle())
    print(frames(t))
    show_stack(t)
    await asyncio.sleep(0.01)
    # Suspended in inner(), awaited by middle(): the task's own coroutine frame.
    print(frames(t), frames(t, limit=1), frames(t, limit=0))
    show_stack(t)
    # Without a file: the heading through print() (sys.stdout, captured here),
    # the frames on stderr.
    out = Captured()
    sys.stdout = out
    try:
        t.print_stack()
    finally:
        sys.stdout = sys.__stdout__
    out.show()
    await t
    print(t.get_stack())
    show_stack(t)

    b = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(frames(b))
    show_stack(b)
    b.exception()

    r = asyncio.create_task(recurse(6))
    await asyncio.sleep(0)
    print(frames(r, limit=3))
    show_stack(r)
    r.exception()

    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    t2 = asyncio.create_task(inner(), name='named')
    t3 = loop.create_task(inner())
    t4 = asyncio.ensure_future(inner())
    print(t2.get_name(), t3.get_name(), t4.get_name(), made)
    await asyncio.gather(t2, t3, t4)
    loop.set_task_factory(None)
    print(loop.get_task_factory())
    try:
        loop.set_task_factory(1)
    except TypeError as e:
        print(e)


asyncio.run(main())
