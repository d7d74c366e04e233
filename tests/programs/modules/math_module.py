# math: common functions and constants; exact float reprs of results; domain errors.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1))
print(math.trunc(-3.9), math.fabs(-4), math.factorial(20), math.gcd(48, 18), math.gcd(0, 0))
print(math.pow(2, 10), math.exp(1), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1), math.hypot(3, 4))
print(math.degrees(math.pi), math.radians(180), math.isinf(math.inf), math.isfinite(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.copysign(1, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]))
print(math.floor(1e20), type(math.floor(2.5)).__name__, math.isqrt(99))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
