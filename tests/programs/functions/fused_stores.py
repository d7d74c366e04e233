# `c = a op b` on two locals (`s += x`, `z = x * y`) is one instruction when both are
# ints and the result fits in i64, which goes straight into `c`, and the loop's back
# edge after it is taken at once. Every other operand takes the long way and must give
# the same result or error as the plain instructions.


def total(items):
    s = 0
    for x in items:
        s += x
    return s


def products(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            z = x * y
            out.append(z)
    return out


def ops(a, b):
    r = []
    for op in range(11):
        c = 0
        if op == 0:
            c = a + b
        elif op == 1:
            c = a - b
        elif op == 2:
            c = a * b
        elif op == 3:
            c = a // b
        elif op == 4:
            c = a % b
        elif op == 5:
            c = a & b
        elif op == 6:
            c = a | b
        elif op == 7:
            c = a ^ b
        elif op == 8:
            c = a << (b % 8)
        elif op == 9:
            c = a >> (b % 8)
        else:
            c = a / b
        r.append(c)
    return r


print(total(range(100)), total([]), total([2**62, 2**62, 2**62]))
print(products([1, -2, 3], [4, 5]))
for a, b in [(7, 3), (-7, 3), (7, -3), (2**62, 3), (-(2**63), -1), (0, 5)]:
    print(a, b, ops(a, b))

# Overflow goes on to a big int and back.
big = 2**62
twice = big
twice += big
print(twice, type(twice).__name__)
twice -= big
print(twice)


# Floats, strings, lists, bools and big ints are no ints of the fast path.
def accumulate(start, items):
    acc = start
    for x in items:
        acc += x
    return acc


print(accumulate(0.5, [1, 2.5]), accumulate("", ["a", "b"]), accumulate([], [[1], [2]]))
print(accumulate(True, [True, False]), accumulate(2**70, [1, -1, 2]))
# A list accumulator grows in place: `+=` is `__iadd__`, the same list object.
base = []
same = accumulate(base, [[1]])
print(same is base, base)


def bad(a, b):
    try:
        c = a - b
        return c
    except TypeError as e:
        return "TypeError: " + str(e)


def zero(a, b):
    try:
        c = a // b
        return c
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


print(bad(1, "x"), bad(None, 1), zero(1, 0), zero(5, 0.0))


def unbound(flag):
    if flag:
        y = 1
    try:
        z = 1 + 1
        w = z + y
        return w
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(unbound(True), unbound(False))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        print("add", self.v, o)
        return Num(self.v + o)

    def __iadd__(self, o):
        print("iadd", self.v, o)
        self.v += o
        return self


def use_num():
    n = Num(1)
    k = 2
    n += k
    m = n + k
    return n.v, m.v


print(use_num())


# `x = (...) % k` with `k` a small positive int: an int result goes straight into the
# local, whatever it held before (the old value is let go), then on to the next
# statement or round the loop.
def running(values):
    acc = "not an int yet"
    for v in values:
        acc = (v * 7 + 3) % 1000
    return acc


def running_total(n):
    total = 0
    i = 0
    while i < n:
        total = (total + i * i) % 97
        i += 1
    return total


def mod_then_use(a):
    r = a % 10
    q = r + 1
    return r, q


print(running([1, 2, 3]), running([]), running_total(50), mod_then_use(-13))
# Floats, big ints and strings on the left: the long way.
print(running([1.5]), running([2**70]), mod_then_use(12.5), mod_then_use(-(2**80)))
try:
    mod_then_use("x")
except TypeError as e:
    print("TypeError:", e)
try:
    mod_then_use("%d%%")
except TypeError as e:
    print("TypeError:", e)
