# Setting a Future's result twice, or an exception after a result: InvalidStateError.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    for attempt in (lambda: fut.set_result(2), lambda: fut.set_exception(ValueError())):
        try:
            attempt()
        except asyncio.InvalidStateError as e:
            print(type(e).__name__, e)
    print(await fut)
    fut2 = asyncio.get_running_loop().create_future()
    fut2.cancel()
    try:
        fut2.set_result(3)
    except asyncio.InvalidStateError as e:
        print("after cancel:", e)


asyncio.run(main())
