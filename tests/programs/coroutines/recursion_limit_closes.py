# A coroutine whose first resumption hits the recursion limit is closed by it, as in
# CPython (it was entered and failed there), so it is not reported as never awaited.
import sys, inspect
sys.setrecursionlimit(60)
holder = []
async def c(n):
    if n == 0:
        return 0
    x = c(n - 1)
    holder.append(x)
    return await x
co = c(200)
try:
    co.send(None)
except RecursionError as e:
    print("RecursionError", e)
print(set(inspect.getcoroutinestate(x) for x in holder[-3:]))
print(inspect.getcoroutinestate(holder[-1]), inspect.getcoroutinestate(holder[0]))
