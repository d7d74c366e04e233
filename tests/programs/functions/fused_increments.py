# `i += k` and `i -= k` (and `i = i + k`) with `k` a small int constant update an int
# local in place, in one instruction, and take the loop's back edge after them at once.
# Every other operand takes the long way and must give the same result or error as the
# plain instructions.


def count_up(n):
    i = 0
    while i < n:
        i += 1
    return i


def count_down(n):
    steps = 0
    while n > 0:
        n -= 2
        steps = steps + 1
    return n, steps


def for_count(items):
    seen = 0
    odd = 0
    for x in items:
        seen += 1
        if x % 2 == 0:
            continue
        odd += 1
    return seen, odd


print(count_up(10), count_up(0), count_down(9), count_down(-1), for_count(range(7)))


# Not followed by a jump: the next statement sees the new value.
def then_use(i):
    i += 3
    print("after", i)
    i = i - 5
    return i


print(then_use(1))

# Past the end of i64 the value becomes a big int, both ways, and comes back.
big = 9223372036854775806
big += 1
print(big)
big += 1
print(big, type(big).__name__)
big -= 1
print(big)
small = -9223372036854775807
small -= 1
small -= 1
print(small)


# Floats, bools and big ints are no ints of the fast path.
def bump(x):
    x += 1
    x -= 2
    return x


for v in [1.5, True, False, 2**70, -(2**70)]:
    print(repr(v), repr(bump(v)))


# Other operand types raise as they would unfused.
def bad(x):
    try:
        x += 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        x -= 1
    except TypeError as e:
        print("TypeError:", e)


bad("s")
bad([1])
bad(None)


# An unbound local.
def unbound():
    try:
        j += 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    j = 0
    return j


print(unbound())


# `__iadd__` and `__add__` run, in order.
class Counter:
    def __init__(self):
        self.n = 0

    def __iadd__(self, k):
        print("iadd", k)
        self.n += k
        return self

    def __add__(self, k):
        print("add", k)
        c = Counter()
        c.n = self.n + k
        return c

    def __sub__(self, k):
        return self + (-k)


def use_counter():
    c = Counter()
    c += 1
    c = c + 2
    c -= 3
    return c.n


print(use_counter())


# A generator's counter across yields.
def ticks(n):
    t = 0
    while t < n:
        yield t
        t += 1


print(list(ticks(4)))
