# Driving a coroutine by hand, as an event loop does: each send(None) runs it to
# its next suspension; when it returns, StopIteration carries the result.


class Tick:
    def __await__(self):
        received = yield "tick"
        return received


async def add_three():
    total = 0
    for _ in range(3):
        total += await Tick()
    return total


coro = add_three()
print("first send ->", coro.send(None))
print("send 10 ->", coro.send(10))
print("send 20 ->", coro.send(20))
try:
    coro.send(12)
except StopIteration as stop:
    print("StopIteration carries the result:", stop.value)
