# Float arithmetic and comparisons, which the run loop does itself for two floats or
# a float and an int: signed zeros, infinities, NaN, huge ints, and the operations it
# leaves to the general path (//, %, **, division by zero).
inf = float("inf")
nan = float("nan")
big = 2**53 + 1
print(0.1 + 0.2, 1.5 * 2, 3 - 0.5, 7 / 2.0, 2.0 / 8, 1 / 3.0)
print(-0.0 + 0.0, -0.0 - 0.0, 0.0 * -1, -0.0 * -0.0, 1 / -inf)
print(inf - inf, inf * 0, inf + 1, -inf * inf, nan + 1, nan * 0)
print(big + 0.0, big * 1.0, 0.5 + big, float(big), 10**18 + 0.5, -(10**18) - 0.25)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 2.0 ** 10, 2 ** -1.0)
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0.0), (-2.5, 0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
print(1.5 < 2.5, 2.5 <= 2.5, -0.0 == 0.0, -0.0 < 0.0, inf > 1e308, -inf < -1e308)
print(nan < 1.0, nan > 1.0, nan == nan, nan != nan, nan <= nan, nan >= 0.0)
print(big == float(big), big > float(big), 2**53 == 2.0**53, 1 < 1.5, 2.5 > 2)
t = 0.0
i = 0
while i < 1000:
    t += i * 0.5 - i / 4.0
    i += 1
print(t)
x = 1.0
x *= 3
x -= 0.5
x /= 2
print(x, type(x).__name__)
print(True + 0.5, 2.5 * False)
