# Pairs of instructions the run loop executes as one (a local and a constant, a local
# and an attribute, a constant and an operator, ...) must behave exactly like the two
# instructions on every kind of operand, not only on the small ints they are fast for.


class P:
    def __init__(self):
        self.x = 3

    @property
    def doubled(self):
        return self.x * 2


def arith(a, b):
    # local+const and const+operator on ints, floats, strs, big ints and overflow
    return [a + 1, a - 1, a * 3, a % 7, b + b, a * b]


print(arith(5, 2))
print(arith(2.5, 0.5))
print(arith(9223372036854775807, 10))
try:
    arith("s", "t")
except TypeError as e:
    print("TypeError:", e)


def attrs(p, q):
    # local+attribute on an instance, a property, and a non-instance
    return p.x, p.doubled, q.real, q.imag


print(attrs(P(), 7))


def unbound_after_store():
    a = 1
    if a > 5:
        b = 2
    try:
        return b  # noqa: F821 (deliberately unbound)
    except UnboundLocalError as e:
        return str(e)


print(unbound_after_store())


def loop_into_pair(n):
    # the loop jumps back to the second instruction of a fused pair
    total = 0
    i = 0
    while i < n:
        total = total + i
        i = i + 1
    return total, i


print(loop_into_pair(10))


def compare_kinds(x, y):
    return x < y, x == y, x is y, x in [y]


print(compare_kinds(1, 2), compare_kinds(1.0, 1), compare_kinds("a", "b"))
