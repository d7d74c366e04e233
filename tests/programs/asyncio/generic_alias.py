# Future, Task and the queues can be subscripted in annotations, as in CPython
# (`__class_getitem__ = classmethod(GenericAlias)`): `asyncio.Queue[int]` is a
# types.GenericAlias, and calling it makes a plain instance.
import asyncio
import types

q: asyncio.Queue[int] = asyncio.Queue()
print('annotated module-level queue:', type(q).__name__)

for alias in (asyncio.Queue[int], asyncio.PriorityQueue[int], asyncio.LifoQueue[str],
              asyncio.Future[int], asyncio.Task[int], asyncio.Future[list[int]],
              asyncio.Queue[tuple[int, str]]):
    print(alias, isinstance(alias, types.GenericAlias), alias.__origin__.__name__,
          alias.__args__)


async def worker(q: asyncio.Queue[int]) -> asyncio.Future[None]:
    item = await q.get()
    return item * 2


async def main():
    queue = asyncio.Queue[int]()
    print(type(queue), queue.qsize())
    queue.put_nowait(21)
    task: asyncio.Task[int] = asyncio.create_task(worker(queue))
    print(await task)
    print(worker.__annotations__['q'], worker.__annotations__['return'])
    print(asyncio.Future[int, str].__args__)


asyncio.run(main())
