# A clean program: every name defined (some only on one branch, some in enclosing
# scopes, some by `global`), every coroutine awaited or wrapped in a task.
import asyncio

if __name__ == '__main__':
    verbose = True


async def worker(name, queue):
    global handled
    while True:
        item = await queue.get()
        handled += 1
        if verbose:
            print(name, item)
        queue.task_done()


async def main():
    global handled
    handled = 0
    queue = asyncio.Queue()
    for i in range(3):
        queue.put_nowait(i)
    tasks = [asyncio.create_task(worker(f'w{i}', queue)) for i in range(2)]
    await queue.join()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print('handled', handled)


asyncio.run(main())
