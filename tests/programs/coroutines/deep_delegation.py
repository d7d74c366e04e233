# differential: no
# (CPython 3.11 overflows its C stack on a 50,000-deep await chain.)
# Delegation chains far deeper than the default recursion limit: each level of `await`
# or `yield from` is one heap frame in the same run loop, never a Rust stack frame, so
# raising the limit is all it takes.
import sys

sys.setrecursionlimit(100000)


async def leaf():
    return 1


async def chain(n):
    if n == 0:
        return await leaf()
    return 1 + await chain(n - 1)


def gen(n):
    if n == 0:
        x = yield "bottom"
        return x
    r = yield from gen(n - 1)
    return r + 1


c = chain(50000)
try:
    c.send(None)
except StopIteration as e:
    print("await chain returned", e.value)

g = gen(50000)
print("yield from chain yielded", next(g))
try:
    g.send(5)
except StopIteration as e:
    print("yield from chain returned", e.value)

# throw() and close() travel down the whole chain too.
class Pause:
    def __await__(self):
        yield "paused"


async def catching_chain(n):
    if n == 0:
        try:
            await Pause()
        except KeyError as e:
            return "caught " + str(e)
    return await catching_chain(n - 1)


c = catching_chain(20000)
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("throw into the chain:", e.value)
c = catching_chain(20000)
c.send(None)
c.close()
print("closed:", c.cr_frame)

# Under the default limit, a deep chain is a RecursionError, never a crash.
sys.setrecursionlimit(1000)
try:
    chain(5000).send(None)
except RecursionError as e:
    print("RecursionError:", e)
