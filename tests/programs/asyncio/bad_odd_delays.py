# Negative, zero and NaN delays: sleep and call_later with a delay <= 0 run at the next
# loop iteration (in scheduling order), and a NaN delay is accepted as CPython accepts it.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    order = []
    loop.call_later(-5, order.append, "negative")
    loop.call_later(0, order.append, "zero")
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(-1)
    await asyncio.sleep(0)
    print(order)
    r = await asyncio.sleep(-0.5, result="negative sleep returns its result")
    print(r)
    try:
        await asyncio.sleep(None)
    except TypeError as e:
        print("TypeError:", e)
    try:
        loop.call_later(None, print)
    except TypeError as e:
        print("TypeError:", e)
    fired = []
    loop.call_later(float("nan"), fired.append, "nan")
    await asyncio.sleep(0.01)
    print(fired)


asyncio.run(main())
