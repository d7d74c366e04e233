# What a Task's repr says in each state (a Task asked to cancel while it waits reads
# "cancelling" until it is done), and the classes' names as CPython shows them:
# Future and Task are C classes of `_asyncio`, the handles live in asyncio.events,
# the loop is asyncio.unix_events._UnixSelectorEventLoop.
import asyncio


# CPython names this file by its absolute path in reprs, Baton by the path it was
# given: print only the file name.
HERE = __file__[:__file__.rindex('/') + 1]


def tidy(text):
    return text.replace(HERE, '')


def show(obj):
    print(tidy(repr(obj)))


async def nap():
    await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(nap(), name='napper')
    show(t)
    await asyncio.sleep(0)
    t.cancel()
    show(t)
    print(t.cancelling(), t.cancelled(), t.done())
    await asyncio.sleep(0)
    show(t)

    # Cancelled before its first step: cancelling until the step runs.
    u = asyncio.create_task(nap(), name='early')
    u.cancel(msg='stop')
    show(u)
    try:
        await u
    except asyncio.CancelledError as e:
        print('cancelled with', e.args)
    show(u)

    # uncancel() takes the request back: the repr says pending again.
    v = asyncio.create_task(nap(), name='changed-mind')
    await asyncio.sleep(0)
    v.cancel()
    v.uncancel()
    show(v)
    await asyncio.sleep(0)
    print(v.cancelled())

    print(type(t), type(loop.create_future()))
    print(type(loop))
    print([c.__name__ for c in type(loop).__mro__])
    print(type(loop.call_soon(print)), type(loop.call_later(10, print)))
    print(asyncio.Task.__module__, asyncio.Future.__qualname__, asyncio.Handle.__module__)
    print(asyncio.AbstractEventLoop, asyncio.BaseEventLoop, asyncio.SelectorEventLoop)
    print(asyncio.Runner)
    print(isinstance(t, asyncio.Future), issubclass(asyncio.Task, asyncio.Future))


asyncio.run(main())
