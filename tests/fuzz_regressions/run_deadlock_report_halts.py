# Found by the run fuzz target: the deadlock report ended the whole process
# (std::process::exit), killing an embedding such as the fuzzer. Now Vm::halt(1).
# Two tasks each wait for an event only the other would set: nothing can ever run
# again. CPython hangs forever here; Baton prints which task waits on what, and
# where, and exits with status 1.
# differential: no
# (CPython never finishes this program.)
import asyncio


async def first(mine, theirs):
    await theirs.wait()
    mine.set()


async def main():
    e1, e2 = asyncio.Event(), asyncio.Event()
    await asyncio.gather(first(e1, e2), first(e2, e1))


asyncio.run(main())
