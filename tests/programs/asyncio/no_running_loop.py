# asyncio.get_running_loop() outside a coroutine: "no running event loop". CPython's
# get_running_loop is C, so the traceback's last line is the caller's; Baton's is
# written in Baton and marked to leave no line of its own (`_asyncio.native_frame`).
import asyncio

try:
    asyncio.current_task()
except RuntimeError as e:
    print("current_task:", e)
asyncio.get_running_loop()
