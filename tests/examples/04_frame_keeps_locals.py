# A suspended coroutine keeps its whole frame: its locals and the line it stopped
# at survive between resumptions. Nothing is re-executed.
import inspect


class Pause:
    def __await__(self):
        yield


async def counter(start):
    n = start
    await Pause()
    n += 1
    await Pause()
    n += 1
    return n


c = counter(40)
while True:
    try:
        c.send(None)
    except StopIteration as stop:
        print("result:", stop.value)
        break
    frame = c.cr_frame
    print("suspended at line", frame.f_lineno, "with locals", inspect.getcoroutinelocals(c))
print("frame after completion:", c.cr_frame)
