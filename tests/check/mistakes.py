# Mistakes `baton check` finds without running anything: a coroutine created and
# dropped, awaits outside async functions, and names nothing defines.
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    return n * 2


def summary(results):
    return ', '.join(str(r) for r in reslts)


async def main():
    fetch(1)
    value = await fetch(2)
    task = asyncio.create_task(fetch(3))
    print(summary([value, await task]))
    print(totl)


def not_async():
    await fetch(4)


await main()
asyncio.run(main())
