# A deadlock through awaits: two tasks each await the other, one of them a few
# coroutine calls deep. CPython hangs forever; Baton's deadlock report reads the call
# graph to show every frame a task awaits through, and the cycle of tasks.
# differential: no
# (CPython never finishes this program.)
import asyncio

tasks = {}


async def wait_for_task(name):
    await asyncio.sleep(0)
    await tasks[name]


async def relay(name):
    await wait_for_task(name)


async def main():
    tasks['a'] = asyncio.create_task(relay('b'), name='a')
    tasks['b'] = asyncio.create_task(wait_for_task('a'), name='b')
    await asyncio.gather(tasks['a'], tasks['b'])


asyncio.run(main())
