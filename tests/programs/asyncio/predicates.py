# asyncio's type tests: iscoroutinefunction for `async def` functions and methods
# (bound, static, class) but not generators, async generators or plain callables;
# iscoroutine for the objects they return (and, as in CPython 3.11, for generators and
# any object with the coroutine methods); isfuture for Futures and Tasks.
import asyncio


async def work():
    return 1


def plain():
    return 2


def gen():
    yield 3


async def agen():
    yield 4


class Service:
    async def method(self):
        return 5

    @staticmethod
    async def static():
        return 6

    @classmethod
    async def klass(cls):
        return 7

    def sync(self):
        return 8


s = Service()
for f in (work, plain, gen, agen, s.method, Service.method, Service.static, s.klass, s.sync,
          lambda: 0, print, 42):
    print(getattr(f, "__name__", repr(f)), asyncio.iscoroutinefunction(f))

class HandMade:
    def __await__(self):
        yield

    def send(self, value):
        pass

    def throw(self, *exc):
        pass

    def close(self):
        pass


class OnlyAwait:
    def __await__(self):
        yield


c = work()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(work), asyncio.iscoroutine(gen()))
print(asyncio.iscoroutine(HandMade()), asyncio.iscoroutine(OnlyAwait()), asyncio.iscoroutine(agen()))
c.close()


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(work())
    print(asyncio.isfuture(fut), asyncio.isfuture(task), asyncio.isfuture(work))
    fut.set_result(None)
    print(await task, await s.method(), await Service.static(), await s.klass())


asyncio.run(main())
