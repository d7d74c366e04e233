# TaskGroup in 3.11: create_task() after a sibling failed (the group is shutting
# down) raises RuntimeError "TaskGroup ... is shutting down" (3.11 leaves the
# coroutine unclosed, so it is reported never awaited); entering a group twice says
# "has already been entered"; a group that is done says "is finished".
import asyncio


async def fail():
    raise ValueError('boom')


async def spawner(tg):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        try:
            tg.create_task(asyncio.sleep(0))
        except RuntimeError as e:
            print('in spawner:', e)
        raise


async def late_spawner(tg):
    try:
        await asyncio.sleep(1)
    finally:
        tg.create_task(asyncio.sleep(0))


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(spawner(tg))
            tg.create_task(fail())
    except ExceptionGroup as e:
        print(repr(e))

    # The RuntimeError raised in a `finally` joins the group's errors.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(late_spawner(tg))
            tg.create_task(fail())
    except ExceptionGroup as e:
        print(repr(e))

    async with asyncio.TaskGroup() as tg:
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print(e)
    try:
        tg.create_task(asyncio.sleep(0))
    except RuntimeError as e:
        print(e)

    # A failing child cancels the parent task; 3.11 takes that cancellation back
    # (uncancel) when the group exits, whatever the body raised -- but only if the
    # child failed before the exit began.
    before = asyncio.current_task().cancelling()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            try:
                await asyncio.sleep(0)
                await asyncio.sleep(0)
            except asyncio.CancelledError:
                raise KeyError('body')
    except ExceptionGroup as e:
        print(repr(e))
    print('cancelling() went from', before, 'to', asyncio.current_task().cancelling())

    # Named tasks: the name is given after the task is made, as CPython does.
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0), name='named')
        t2 = tg.create_task(asyncio.sleep(0))
    print(t1.get_name(), t2.get_name())


asyncio.run(main())
