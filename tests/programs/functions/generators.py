# Generators: yield, yield from, send, return value in StopIteration, close with finally.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(4)))
def delegate():
    result = yield from inner()
    print("inner returned", result)
    yield "after"
def inner():
    yield 1
    yield 2
    return "done"
print(list(delegate()))
def echo():
    received = None
    while True:
        received = yield received
        if received is None:
            return "stopped"
g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup ran")
g = with_cleanup()
print(next(g))
g.close()
print("closed")
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
gen = fib_gen()
print([next(gen) for _ in range(10)])
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
