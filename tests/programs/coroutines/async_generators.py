# Async generators driven by hand: async for, __anext__, asend, aclose, anext with a
# default, and awaits inside the generator passing through to the driver.
class Tick:
    def __await__(self):
        v = yield "tick"
        return v

async def agen(n):
    try:
        for i in range(n):
            got = await Tick()
            x = yield i * 10
            print("  agen got", x, "tick result", got)
    finally:
        print("  agen finally")

async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    print("async for:", out)
    g = agen(5)
    print(await g.__anext__())
    print(await g.asend("hello"))
    await g.aclose()
    print("closed")
    print(await anext(agen(0), "default"))
    return "done"

c = main()
first = True
try:
    while True:
        y = c.send(None if first else "sent")
        first = False
        print("loop got", y)
except StopIteration as e:
    print("result", e.value)
