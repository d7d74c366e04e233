# Tasks destroyed while still pending are reported on stderr ("Task was destroyed but
# it is pending!") when they are destroyed. A task that only the loop's ready queue
# holds dies when loop.close() clears the queue (its coroutine, never started, also
# gets the never-awaited warning). A task kept alive by the cycle task -> future ->
# wake-up callback -> task is reported when that cycle is collected: CPython's cycle
# collector runs at a moment that depends on allocations (here during close()), Baton
# reports it at interpreter exit. stdout is the same either way.
import asyncio


async def never_started():
    print("never printed")


async def stuck():
    await asyncio.Event().wait()


async def main():
    asyncio.create_task(stuck())
    await asyncio.sleep(0)
    print("main done")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.create_task(never_started())
print("closing")
loop.close()
print("closed")
