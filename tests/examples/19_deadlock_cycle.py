# Two tasks that await each other can never finish. Baton reports the cycle (and
# each task's file, line and what it waits on) instead of hanging as CPython does.
# differential: no
# (CPython never finishes this program.)
import asyncio

tasks = {}


async def partner(me, other):
    await asyncio.sleep(0)
    print(f"{me} waits for {other}")
    await tasks[other]


async def main():
    tasks["left"] = asyncio.create_task(partner("left", "right"), name="left")
    tasks["right"] = asyncio.create_task(partner("right", "left"), name="right")
    await tasks["left"]


asyncio.run(main())
