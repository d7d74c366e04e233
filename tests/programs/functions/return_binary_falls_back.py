# `return x <op> y` is one fused instruction for two ints or floats; every other
# operand takes the general path, which must give the same results, errors and
# tracebacks as the plain Binary followed by ReturnValue.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __repr__(self):
        return f"Money({self.cents})"


print(add(2, 3), add(2.5, 1), add(1, 0.25), add(-7, 7))
print(add(2**62, 2**62), sub(-(2**63), 1), mul(3037000500, 3037000500))
print(add("ab", "cd"), add([1], [2, 3]), add((1,), (2,)), mul("ab", 3))
print(add(Money(150), Money(275)))
print(add(True, True), sub(1.5, True))
for args in [(1, "x"), (None, 1), ("a", 1.5)]:
    try:
        add(*args)
    except TypeError as e:
        print("TypeError:", e)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])
print(add(1, 2) + add(3, 4), sub(add(1, 2), mul(2, 2)))
