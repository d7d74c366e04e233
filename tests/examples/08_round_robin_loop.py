# A tiny round-robin event loop written in Baton: it drives several coroutines
# with send(None), one step each in turn, printing every step. This is the core of
# what asyncio does (asyncio adds futures, timers and callbacks).


class Yield:
    def __await__(self):
        yield


async def task(name, steps):
    for i in range(steps):
        print(f"  {name} step {i}")
        await Yield()
    return f"{name} done after {steps} steps"


def run(coros):
    ready = list(coros)
    results = []
    turn = 0
    while ready:
        coro = ready.pop(0)
        turn += 1
        print(f"turn {turn}: send(None) to {coro.__name__}")
        try:
            coro.send(None)
        except StopIteration as stop:
            results.append(stop.value)
            continue
        ready.append(coro)
    return results


for line in run([task("A", 2), task("B", 3), task("C", 1)]):
    print(line)
