# Float repr and arithmetic edge cases: shortest repr, exponent thresholds, signed zero, inf, nan.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1.1 * 3)
print(1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234)
print(-0.0, 0.0 == -0.0, str(-0.0), repr(-0.0))
inf = float("inf")
print(inf, -inf, inf + 1, inf > 10 ** 300, float("-inf") < -1e308)
nan = float("nan")
print(nan, nan == nan, nan != nan, inf - inf)
print(1e308 * 10, -1e308 * 10, 5e-324, 5e-324 / 2)
print(2.0 ** 0.5, 10 / 3, 2 / 3, 100.0, 1e22, 1e21, 1.0e-7)
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"))
print(int(3.99), int(-3.99), int(1e20), round(1.23456, 2), round(2.675, 2), round(1e20))
print(float(10 ** 20), 3.0 == 3, 1.5 + 1)
print(7.0 // 2, 7.0 % 2, -7.0 % 3, divmod(7.5, 2))
print(max(0.1, 0.2), min(-0.0, 0.0), abs(-2.5), sum([0.1] * 10))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
