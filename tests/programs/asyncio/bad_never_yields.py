# A task that never yields runs to completion in one step, starving the others until
# it finishes, exactly as in CPython.
import asyncio


async def busy(n):
    total = 0
    for i in range(n):
        total += i
    print("busy done", total)
    return total


async def polite(name):
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)


async def main():
    p = asyncio.create_task(polite("polite"))
    b = asyncio.create_task(busy(200000))
    await asyncio.gather(p, b)
    print(b.result())


asyncio.run(main())
