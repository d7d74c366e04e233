# Awaiting two coroutines one after the other takes the sum of their sleeps; handing
# them to gather runs them as two Tasks at once and takes the longest. Virtual time
# (the header's option) makes the clock jump straight to each timer, so the
# difference shows without waiting; printed to whole seconds, the times agree with
# CPython's real ones.
# baton-args: --virtual-time
import asyncio


async def fetch(name, seconds):
    print(f"  {name}: start (sleeps {seconds}s)")
    await asyncio.sleep(seconds)
    print(f"  {name}: done")
    return name


async def main():
    loop = asyncio.get_running_loop()

    print("sequential awaits:")
    start = loop.time()
    a = await fetch("a", 1)
    b = await fetch("b", 2)
    print(f"  got {[a, b]} after {round(loop.time() - start)}s (1 + 2)")

    print("gather:")
    start = loop.time()
    results = await asyncio.gather(fetch("a", 1), fetch("b", 2))
    print(f"  got {results} after {round(loop.time() - start)}s (max of 1 and 2)")


asyncio.run(main())
