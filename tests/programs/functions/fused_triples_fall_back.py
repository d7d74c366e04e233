# Three instructions the run loop executes as one: an operation on a local and a
# constant, or on two locals (`n - 1`, `s + x`, `i < n`). On small ints they are done
# in place; on every other operand they must behave exactly like the three
# instructions they stand for, with or without a jump after a comparison.


def local_and_constant(a):
    return [a - 1, a + 1, a * 3, a // 2, a % 3, a ** 2, a / 2]


def two_locals(a, b):
    return [a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b]


print(local_and_constant(7))
print(local_and_constant(-7))  # a negative int takes the long way for // and %
print(local_and_constant(2.5))
print(local_and_constant(9223372036854775807))  # overflows into a big int
print(two_locals(17, 5))
print(two_locals(-17, 5))
print(two_locals(4611686018427387904, 4611686018427387904))
print(two_locals(True, 3))
try:
    local_and_constant("s")
except TypeError as e:
    print("TypeError:", e)
try:
    two_locals([1], [2])
except TypeError as e:
    print("TypeError:", e)


def strings_and_lists(s, t):
    return s + t, s * 2, t * 0


print(strings_and_lists("ab", "cd"))
print(strings_and_lists([1], [2]))


def compare_then_branch(n, m):
    out = []
    if n < 2:
        out.append("n<2")
    if n == m:
        out.append("n==m")
    if n != 3:
        out.append("n!=3")
    if m >= n:
        out.append("m>=n")
    return out


def compare_as_value(n, m):
    return [n < 2, n <= m, n > m, n == 3, m != n, n is m, n is not m]


for args in [(1, 1), (5, 3), (2.0, 2), ("a", "b"), (None, None)]:
    try:
        print(args, compare_then_branch(*args), compare_as_value(*args))
    except TypeError as e:
        print(args, "TypeError:", e)


def membership(x, xs):
    return x in xs, x not in xs


print(membership(2, [1, 2, 3]), membership("z", "abc"))


def unbound_first(flag):
    if flag:
        n = 1
    try:
        return n - 1
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


def unbound_second(flag):
    a = 1
    if flag:
        b = 2
    try:
        return a + b
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


def unbound_in_comparison(flag):
    if flag:
        limit = 3
    try:
        return 1 < limit
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)


print(unbound_first(True), unbound_first(False))
print(unbound_second(True), unbound_second(False))
print(unbound_in_comparison(True), unbound_in_comparison(False))


def counted_loop(n):
    # `i < n` closes the loop, `s + i` and `i + 1` are stored back
    s = 0
    i = 0
    while i < n:
        s = s + i
        i += 1
    return s, i


print(counted_loop(10), counted_loop(0), counted_loop(2.5))


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20), fib(1.0), fib(True))
