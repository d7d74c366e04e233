# A coroutine runs once. Sending into a finished coroutine is an error, and so is
# awaiting one twice.


async def answer():
    return 42


c = answer()
try:
    c.send(None)
except StopIteration as stop:
    print("first run returned", stop.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def outer(inner):
    return await inner


done = answer()
first = outer(done)
try:
    first.send(None)
except StopIteration as stop:
    print("awaited once:", stop.value)
second = outer(done)
try:
    second.send(None)
except RuntimeError as e:
    print("awaiting it again: RuntimeError:", e)
