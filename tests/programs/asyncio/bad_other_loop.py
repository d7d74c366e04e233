# Awaiting a Future that belongs to another event loop: the Task gets a RuntimeError
# naming both, as in CPython.
import asyncio

other = asyncio.new_event_loop()


async def main():
    fut = other.create_future()
    try:
        await fut
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" got ")[1].split(" attached")[0], "attached to a different loop")


asyncio.run(main())
other.close()
