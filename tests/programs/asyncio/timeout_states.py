# asyncio.timeout's Timeout object in 3.11: reschedule() before entering says "has
# not been entered", entering twice "has already been entered", reschedule() after
# the block "Cannot change state of finished/expired Timeout"; the repr shows the
# state. A timeout inside a task that is already being cancelled still turns its own
# expiry into TimeoutError (it only counts the cancellations made after it was
# entered).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(None)
    print(repr(t), t.when(), t.expired())
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print('reschedule before entering:', e)

    async with t:
        print(repr(t))
        try:
            async with t:
                pass
        except RuntimeError as e:
            print('entering twice:', e)
    print(repr(t))
    try:
        async with t:
            pass
    except RuntimeError as e:
        print('entering after the block:', e)
    try:
        t.reschedule(None)
    except RuntimeError as e:
        print('reschedule after the block:', e)

    try:
        async with asyncio.timeout(0.01) as expiring:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timed out:', repr(expiring), expiring.expired())
    try:
        expiring.reschedule(loop.time() + 1)
    except RuntimeError as e:
        print('reschedule after expiry:', e)

    # Rescheduled while active: to the past (fires at once), then further out.
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 1)
            await asyncio.sleep(1)
    except TimeoutError:
        print('rescheduled into the past: timed out')
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.02)
    print('rescheduled to never: finished,', repr(cm))

    # The task was already asked to cancel before the timeout was entered.
    task = asyncio.current_task()
    task.cancel()
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('cancelled once, cancelling() =', task.cancelling())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('the timeout still raised TimeoutError')
    print('cancelling() =', task.cancelling(), task.uncancel())


asyncio.run(main())
