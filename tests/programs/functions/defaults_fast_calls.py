# Calls that leave trailing parameters to their defaults, and calls of a module's
# functions (`module.function(...)`), run in the fast loop; they must bind exactly as
# the general path does.
import math
import sys


def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)


for i in range(3):
    print(f(i), f(i, 10), f(i, 10, []))
print(f.__defaults__[1])


class P:
    def m(self, x, y="y", z=None):
        return (x, y, z)


p = P()
for i in range(2):
    print(p.m(i), p.m(i, "Y"), p.m(i, "Y", "Z"))

try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    p.m()
except TypeError as e:
    print("TypeError:", e)

# module.function(...) and module attributes, read again after they change.
for i in range(3):
    print(math.floor(i + 0.5), math.pi > 3, sys.maxsize > 0)
def reads():
    return math.tau, math.floor(2.5)


for i in range(4):
    print(reads())
    if i == 1:
        math.tau = "changed"
    if i == 2:
        del math.tau
        try:
            reads()
        except AttributeError as e:
            print("AttributeError:", e)
        math.tau = 6
try:
    math.nonexistent
except AttributeError as e:
    print("AttributeError:", e)

# Generators and coroutines made by such calls, with defaults, as methods and as a
# module's functions.


def count(n, step=1, start=0):
    i = start
    while i < n:
        yield i
        i += step


print(list(count(5)), list(count(5, 2)), list(count(5, 2, 1)))


class Q:
    async def get(self, x, extra="e"):
        return (x, extra)

    def gen(self, k=3):
        yield from range(k)


async def main():
    q = Q()
    print(await q.get(1), await q.get(2, "E"), list(q.gen()), list(q.gen(1)))
    await asyncio.sleep(0)
    print(await asyncio.sleep(0, "result"))


import asyncio

asyncio.run(main())
