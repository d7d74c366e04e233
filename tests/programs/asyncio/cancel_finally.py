# Cancelling a task throws CancelledError at its await; finally blocks run; a task
# that swallows the cancellation is not cancelled.
import asyncio


async def victim():
    try:
        print('victim sleeping')
        await asyncio.sleep(10)
    finally:
        print('victim finally runs')


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('stubborn swallows the cancellation')
    return 'kept going'


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    print('cancel() ->', t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print('victim cancelled:', t.cancelled())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print('stubborn result:', await s, 'cancelled:', s.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except TimeoutError:
        print('wait_for timed out')


asyncio.run(main())
