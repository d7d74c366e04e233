# @types.coroutine makes a generator function awaitable: what its generator yields
# travels out through every `await` to whoever drives the outermost coroutine, and
# what is sent comes back in (how asyncio's sleep(0) was once written, and the
# ancestry of `await`). A plain generator cannot be awaited. Also the types module's
# type names and SimpleNamespace.
import asyncio
import inspect
import types


@types.coroutine
def ask(question):
    answer = yield question
    return answer


async def conversation():
    name = await ask("name?")
    age = await ask("age?")
    return f"{name} is {age}"


c = conversation()
print(c.send(None))
print(c.send("Ada"))
try:
    c.send(36)
except StopIteration as e:
    print("done:", e.value)

print(inspect.isawaitable(ask("q")), bool(ask.__code__.co_flags & 0x100))


def plain():
    yield


async def awaits_plain():
    await plain()


try:
    awaits_plain().send(None)
except TypeError as e:
    print("TypeError:", e)


@types.coroutine
def bare_yield():
    yield


async def main():
    await bare_yield()   # a bare yield: the event loop runs other tasks, then us
    return "resumed"


print(asyncio.run(main()))
print(types.GeneratorType, types.CoroutineType, types.FunctionType, types.NoneType)
print(isinstance(ask("q"), types.GeneratorType), isinstance(main, types.FunctionType))
ns = types.SimpleNamespace(x=1, label="pt")
ns.y = 2
print(ns, ns == types.SimpleNamespace(x=1, label="pt", y=2))
