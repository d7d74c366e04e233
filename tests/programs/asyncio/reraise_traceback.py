# A failed Task or Future raises its exception with the traceback it had when it was
# set, the first time it is awaited (or asked for its result); later retrievals
# start a fresh traceback (CPython 3.11's C Future), so the frames an earlier
# await added do not pile up. The tracebacks are shown on stderr through the loop's
# default exception handler.
import asyncio


async def bad():
    await asyncio.sleep(0)
    raise ValueError('x')


async def main():
    loop = asyncio.get_running_loop()

    def report(what, exc):
        loop.call_exception_handler({'message': what, 'exception': exc})

    t = asyncio.create_task(bad())
    for i in range(3):
        try:
            await t
        except ValueError as e:
            print('await', i, 'raised', repr(e))
            report(f'await {i} of the task', e)

    f = loop.create_future()
    try:
        raise KeyError('k')
    except KeyError as e:
        f.set_exception(e)
    for i in range(2):
        try:
            await f
        except KeyError as e:
            report(f'await {i} of the future', e)
        try:
            f.result()
        except KeyError as e:
            report(f'result() {i} of the future', e)

    # exception() does not use up the saved traceback.
    t2 = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(repr(t2.exception()))
    try:
        t2.result()
    except ValueError as e:
        report('result() after exception()', e)

    # The last await lets it escape: the traceback ends at this line.
    await t


asyncio.run(main())
