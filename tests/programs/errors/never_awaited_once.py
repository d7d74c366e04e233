# A coroutine that is created and dropped gets "RuntimeWarning: coroutine ... was
# never awaited" when it is destroyed. CPython's default warning filter shows a
# warning once per message and place, so a loop that drops a coroutine on every pass
# is warned about once; two coroutine functions at one place are two messages; one
# function dropped at two places is two warnings; and the coroutines still alive at
# exit are all destroyed at "sys:1", one warning. (Baton adds where each warned
# coroutine was created; stdout is CPython's.)
import asyncio


async def fetch(i):
    print("never printed")


async def store(i):
    print("never printed")


def helper(i):
    fetch(i)


async def main():
    for i in range(3):
        fetch(i)
    print("loop done")
    for i in range(2):
        fetch(i); store(i)
    print("two functions on one line done")
    fetch(1)
    fetch(2)
    print("two lines done")
    for i in range(3):
        helper(i)
    print("helper done")


asyncio.run(main())
kept = [fetch(i) for i in range(3)]
print("end")
