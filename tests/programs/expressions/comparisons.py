# Comparisons: chaining with single evaluation, mixed int/float, sequences, is/in, and errors.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 >= 1, 1 == 1.0 != 2)
print(v(1) < v(2) < v(0) < v(5))
print(v(1) < v(2) <= v(2))
print([1, 2] < [1, 3], (1, 2, 3) > (1, 2), "abc" < "abd", "Z" < "a", [] == [], (1,) == [1])
print(1 in [1, 2], 3 not in (1, 2), "ell" in "hello", 2 in {2: "x"}, "b" in {"a", "b"})
a = [1]
b = a
print(a is b, a is not [1], None is None, a == [1])
print(True == 1, False == 0, 1.0 == 1, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(float("nan") in [float("nan")], 0.1 + 0.2 > 0.3)
print({1: 2} == {1: 2}, {1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2})
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
