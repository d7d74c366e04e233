# Arithmetic: floor division and modulo signs, true division, power, unary ops, bitwise ops.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5, 4 ** 0.5)
print(10 / 4, 10 / 5, 1 / 3)
print(-(-3), +3, ~5, ~-1, not 0)
print(6 & 3, 6 | 3, 6 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2, -1 << 3)
print(True + True, True * 3, False - 1, 3 * False)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 ** 3 ** 2, -3 ** 2)
print(3 * "ab", [0] * 3, (1, 2) * 2, "x" + "y")
print(int(7 / 2), round(2.5), round(3.5), round(-2.5))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    [] * 2.0
except TypeError as e:
    print("TypeError:", e)
