# aiter() and anext() over an async generator and a class with __aiter__/__anext__, driven by asyncio.run.
import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    it = aiter(ticker(3))
    print(await anext(it), await anext(it), await anext(it))
    print(await anext(it, "exhausted"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print([x async for x in Countdown(4)])
    async for v in ticker(2):
        print("async for", v)
    c = Countdown(1)
    print(aiter(c) is c, await anext(c), await anext(c, None))
asyncio.run(main())
print("done")
