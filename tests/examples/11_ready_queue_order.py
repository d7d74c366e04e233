# create_task puts each new task's first step at the back of the ready queue;
# sleep(0) sends the running task to the back again. The interleaving below is
# exactly CPython's.
import asyncio


async def worker(name, rounds):
    for i in range(rounds):
        print(f"{name} round {i}")
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(worker(n, 2)) for n in ("A", "B", "C")]
    print("created three tasks; none has run yet")
    await asyncio.sleep(0)
    print("main ran again after each task's first step")
    await asyncio.gather(*tasks)
    print("all done")


asyncio.run(main())
