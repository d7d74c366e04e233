# Calls that pass no keywords to a function with keyword-only parameters take the
# fast path (the defaults bound in order); missing keyword-only arguments, too many
# positionals, closures, methods and recursion with keywords must behave as in CPython.
import asyncio
def f(a, b=2, *, c=3, d=4):
    return (a, b, c, d)
def g(a, *, c):
    return (a, c)
def h(a, *, c=1, d):
    return (a, c, d)
def k(*, x=5):
    return x
class C:
    def m(self, a, *, scale=10):
        return a * scale
print(f(1), f(1, 5), f(1, c=9), f(1, 2, d=0))
try:
    g(1)
except TypeError as e:
    print(e)
try:
    h(1)
except TypeError as e:
    print(e)
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)
try:
    f()
except TypeError as e:
    print(e)
print(k(), C().m(3), C().m(3, scale=2))
def outer():
    y = 7
    def inner(a, *, b=2):
        return a + b + y
    return inner
print(outer()(1), [outer()(i) for i in range(3)])
def rec(n, *, acc=0):
    if n == 0:
        return acc
    return rec(n - 1, acc=acc + n)
print(rec(10))
async def main():
    t = asyncio.create_task(asyncio.sleep(0, result=4))
    print(await t, t.get_name())
asyncio.run(main())
