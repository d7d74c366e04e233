# A Future resolved by call_later wakes the Task awaiting it; done-callbacks run
# through call_soon, after set_result() returns.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback sees', f.result()))
    loop.call_later(0.01, fut.set_result, 42)
    print('waiting...')
    print('woken with', await fut)
    try:
        fut.set_result(0)
    except asyncio.InvalidStateError as e:
        print('second set_result:', e)
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print('result of a pending future:', e)
    pending.cancel('no longer needed')
    try:
        await pending
    except asyncio.CancelledError as e:
        print('awaiting a cancelled future:', e.args)


asyncio.run(main())
