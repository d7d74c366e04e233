# The repr of a Future or Task: a result that refers back to the Future itself shows
# as '...' (reprlib.recursive_repr), a result whose __repr__ raises shows as
# '<Cls instance at 0x...>', and long or deep results are shortened as reprlib.repr
# shortens them. Handle reprs shorten their arguments the same way and show a
# functools.partial as the call it makes.
import asyncio
import functools
import reprlib


# CPython names this file by its absolute path in reprs, Baton by the path it was
# given: print only the file name.
HERE = __file__[:__file__.rindex('/') + 1]


def tidy(text):
    return text.replace(HERE, '')


class Bad:
    def __repr__(self):
        raise ValueError('no repr')


def show(obj):
    # (The address of a made-up repr differs from run to run.)
    text = tidy(repr(obj))
    if ' instance at 0x' in text:
        head, _, tail = text.partition(' instance at 0x')
        text = head + ' instance at 0x...' + tail[tail.index('>'):]
    print(text)


def decorate(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@decorate
def wrapped(*args):
    pass


def plain(*args, **kwargs):
    pass


async def returns_itself():
    return asyncio.current_task()


async def main():
    loop = asyncio.get_running_loop()

    # A result that is the Future itself, or holds it.
    f = loop.create_future()
    f.set_result(f)
    print(f)
    g = loop.create_future()
    g.set_result({'me': g, 'list': [g]})
    print(g)
    a, b = loop.create_future(), loop.create_future()
    a.set_result([b])
    b.set_result(a)
    print(a)
    print(b)

    # A Task whose result is the Task.
    t = asyncio.create_task(returns_itself())
    await t
    show(t)
    print(t.result() is t)

    # A result whose repr raises.
    bad = loop.create_future()
    bad.set_result(Bad())
    show(bad)

    # Long and deep results.
    for value in ['z' * 100, 'short', 10 ** 45, list(range(10)), tuple(range(3)), (1,),
                  set(range(8)), frozenset({3, 1, 2}), {i: str(i) for i in range(6)},
                  [[[[[[[[1]]]]]]]], {1: {2: {3: {4: {5: {6: {7: 8}}}}}}}, [], {}, set(),
                  1.5, None, True]:
        fut = loop.create_future()
        fut.set_result(value)
        print(fut)

    # Handles: long arguments shortened, functools.partial shown as its call.
    handles = [
        loop.call_soon(print, 'y' * 40),
        loop.call_soon(functools.partial(print, 1)),
        loop.call_soon(functools.partial(plain, 1, k=2), 3),
        loop.call_soon(functools.partial(functools.partial(plain, 1), 2)),
        loop.call_soon(plain, list(range(20)), {i: i for i in range(10)}),
        loop.call_soon(wrapped),
        loop.call_soon(plain, Bad(), 'ok'),
    ]
    for h in handles:
        show(h)
    handles[-1].cancel()
    show(handles[-1])
    f.add_done_callback(functools.partial(plain, 'x'))
    waiting = loop.create_future()
    waiting.add_done_callback(functools.partial(plain, 'p' * 50))
    waiting.add_done_callback(wrapped)
    show(waiting)
    waiting.cancel()

    # reprlib itself.
    print(reprlib.repr('a' * 50))
    print(reprlib.repr([list(range(3))] * 8))
    r = reprlib.Repr()
    r.maxlist = 2
    print(r.repr(list(range(5))))

    class Node:
        def __init__(self):
            self.children = []

        @reprlib.recursive_repr()
        def __repr__(self):
            return f'Node({self.children!r})'

    n = Node()
    n.children.append(n)
    print(n)
    print(Node.__repr__.__name__)


asyncio.run(main())
