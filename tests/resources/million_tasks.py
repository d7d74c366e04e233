# Resource bound: creates and finishes TOTAL tasks (sys.argv[1], default 1,000,000) in
# batches of 1,000; each task suspends once (sleep(0)) and returns a value that gather
# collects. Peak memory must not depend on TOTAL (tools/mem_bounds.sh measures it).
import asyncio
import sys


async def job(i):
    await asyncio.sleep(0)
    return i


async def main(total):
    finished = 0
    checksum = 0
    for start in range(0, total, 1000):
        tasks = [asyncio.create_task(job(i)) for i in range(start, min(start + 1000, total))]
        results = await asyncio.gather(*tasks)
        finished += len(results)
        checksum += sum(results)
    print(finished, checksum)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
