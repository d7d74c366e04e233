# With --virtual-time the loop's clock starts at 0 and, whenever nothing is ready,
# jumps to the next timer: a program that sleeps for an hour finishes at once, and
# loop.time() reads the same on every run. Timers still fire in deadline order.
# baton-args: --virtual-time
# differential: no
# (CPython's clock is real: it would sleep for an hour and print other times.)
import asyncio


async def alarm(name, seconds):
    await asyncio.sleep(seconds)
    print(f"{asyncio.get_running_loop().time():8.1f}s  {name}")


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():8.1f}s  start")
    loop.call_later(90, print, "    90.0s  a call_later callback")
    await asyncio.gather(
        alarm("one hour later", 3600),
        alarm("one minute later", 60),
        alarm("half a second later", 0.5),
    )
    await asyncio.sleep(0)
    print(f"{loop.time():8.1f}s  end (sleep(0) does not move the clock)")


asyncio.run(main())
