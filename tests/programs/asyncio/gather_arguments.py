# gather() maps each argument to a Future: a Task or Future given twice is awaited once
# and its result appears twice; many tasks come back in argument order; with
# return_exceptions=True a failed or cancelled child's entry is its exception; a Future
# of another class, or a mix, takes the general path with the same results.
import asyncio


async def work(i):
    await asyncio.sleep(0)
    return i * i


class MyFuture(asyncio.Future):
    pass


async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)


async def main():
    t = asyncio.create_task(work(3))
    u = asyncio.create_task(work(4))
    print(await asyncio.gather(t, u, t))
    tasks = [asyncio.create_task(work(i)) for i in range(2000)]
    res = await asyncio.gather(*tasks, *tasks[:3])
    print(len(res), res[:5], res[-4:], sum(res))
    bad = asyncio.create_task(fail('boom'))
    gone = asyncio.create_task(work(6))
    gone.cancel('not needed')
    quiet = asyncio.create_task(work(7))
    quiet.cancel()
    res = await asyncio.gather(t, bad, gone, quiet, return_exceptions=True)
    print([(type(r).__name__, r.args) if isinstance(r, BaseException) else r for r in res])
    loop = asyncio.get_running_loop()
    f = MyFuture()
    loop.call_soon(f.set_result, 'mine')
    g = loop.create_future()
    loop.call_later(0.001, g.set_result, 'plain')
    print(await asyncio.gather(f, g, f, work(5)))


asyncio.run(main())
