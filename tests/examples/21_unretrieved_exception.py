# A Task whose exception nobody retrieves is reported on stderr ("Task exception was
# never retrieved") at the moment the Task object is destroyed, as CPython does: here
# when its last reference goes in `del`. A Task that is awaited, or whose exception()
# is read, is never reported.
import asyncio


async def fail(n):
    raise ValueError(f"failure {n}")


async def main():
    retrieved = asyncio.create_task(fail(1))
    forgotten = asyncio.create_task(fail(2))
    await asyncio.sleep(0)
    print("both failed:", retrieved.done(), forgotten.done())
    print("retrieved:", repr(retrieved.exception()))
    del retrieved
    print("deleting the forgotten task")
    del forgotten
    print("deleted")


asyncio.run(main())
