# A TaskGroup waits for all its tasks; when one fails, the others are cancelled
# and the failures arrive together in an ExceptionGroup.
import asyncio


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(f"{name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.01))
        b = tg.create_task(job("b", 0.02))
    print("all finished:", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("c", 0.01, fail=True))
            tg.create_task(job("d", 1))
    except ExceptionGroup as eg:
        print("ExceptionGroup:", [str(e) for e in eg.exceptions])


asyncio.run(main())
