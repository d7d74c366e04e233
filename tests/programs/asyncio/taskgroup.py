# TaskGroup waits for all its tasks; when one fails, the others are cancelled and the
# errors come out together in an ExceptionGroup.
import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, 'cancelled')
        raise
    if fail:
        raise ValueError(f'{name} failed')
    print(name, 'finished')
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job('a', 0.01))
        b = tg.create_task(job('b', 0.02))
    print('all done:', a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job('ok', 0.001))
            tg.create_task(job('bad', 0.005, fail=True))
            tg.create_task(job('slow', 1))
    except ExceptionGroup as eg:
        print('caught', eg)
        for e in eg.exceptions:
            print(' ', type(e).__name__, e)


asyncio.run(main())
