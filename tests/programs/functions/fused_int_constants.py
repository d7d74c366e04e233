# `local + k`, `local - k` and `local < k` with `k` a small int constant run as one
# instruction when the local is an int; every other operand takes the long way and
# must give the same result or error as the plain instructions.


def add_sub(x):
    return [x + 1, x - 1, x + 2147483647, x - 2147483647]


def compare(x):
    return [x < 2, x <= 2, x > 2, x >= 2, x == 2, x != 2]


def branch(x):
    if x < 2:
        return "small"
    if x == 2:
        return "two"
    return "big"


for x in [0, 1, 2, 3, -5, 2**62, -(2**62)]:
    print(x, add_sub(x), compare(x), branch(x))

# Overflow of i64 goes on to a big int, both ways.
big = 9223372036854775807
small = -9223372036854775808
print(big + 1, small - 1, big - -1 if False else big - 1)
print(add_sub(big), add_sub(small))
print(compare(big), compare(small), compare(2**100), compare(-(2**100)))

# Floats, bools and big ints are no ints of the fast path.
for x in [1.5, 2.0, True, False, 2**64]:
    print(x, add_sub(x), compare(x), branch(x))


# A counting loop with `i += 1` and `i < n`.
def count(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return i, total


print(count(10), count(0), count(-3))


# Other operand types raise as they would unfused.
def others(values):
    for v in values:
        try:
            v + 1
        except TypeError as e:
            print("TypeError:", e)
        try:
            v < 2
        except TypeError as e:
            print("TypeError:", e)


others(["s", None, [1], (1,)])


# A class with its own operators.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, k):
        return Num(self.v + k * 10)

    def __sub__(self, k):
        return Num(self.v - k * 10)

    def __lt__(self, k):
        return "lt called"

    def __eq__(self, k):
        return "eq called"


def with_num(n):
    print((n + 1).v, (n - 1).v, n < 2, n == 2, n != 2)


with_num(Num(5))


# An unbound local.
def unbound():
    if False:
        y = 0
    return y + 1


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def unbound_compare():
    if False:
        y = 0
    return y < 1


try:
    unbound_compare()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


# `% k` with `k` a positive small int, on a local and on a value computed first, and
# `+ k` / `- k` on a value computed first.
def mods(x):
    return [x % 7, x % 1, (x + 0) % 7, (x * 1) % 1000000007, (x * 1) + 1, (x * 1) - 1]


for x in [0, 6, 7, 13, -1, -7, -8, 2**40 + 3, -(2**40) - 3, 9223372036854775807]:
    print(x, mods(x))
for x in [7.5, -7.5, True, 2**70]:
    print(x, mods(x))


def formats(s):
    return [s % 7, (s + "") % 7]


print(formats("%d items"), formats("%x"))


def zero_division(x):
    try:
        return x % 0
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


print(zero_division(5), zero_division(5.0))


def accumulate(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000000007
        total %= 97
    return total


print(accumulate(1000))


# A computed value compared with a small int constant, as a value and as a branch.
class Box:
    def __init__(self, v):
        self.v = v


def computed_compare(b):
    out = [b.v < 0, b.v <= 0, b.v > 1000, b.v >= 1000, b.v == 0, b.v != 0]
    if b.v < 0 or b.v > 1000:
        out.append("outside")
    else:
        out.append("inside")
    return out


for v in [-1, 0, 5, 1000, 1001, 2**80, -0.5, 0.0, True, False]:
    print(v, computed_compare(Box(v)))
for v in ["s", None, [1]]:
    try:
        computed_compare(Box(v))
    except TypeError as e:
        print("TypeError:", e)


# `%` by a local or by a constant past i32: the result takes the divisor's sign
# whatever the dividend's.
def mod_by(x, y):
    return [x % y, (x + 0) % y, x % 10000000000, (x * 1) % 10000000000]


for x in [5, -5, -1, -10000000001, -(2**62), -9223372036854775808]:
    for y in [3, 2**32, 9223372036854775807]:
        print(x, y, mod_by(x, y))
