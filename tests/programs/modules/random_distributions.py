# random.choices (uniform, weighted, cumulative weights), gauss, normalvariate and
# expovariate give CPython's numbers for the same seed, and its errors.
import random
random.seed(42)
print(random.choices(["a", "b"], weights=[1, 3], k=5))
print(random.choices("xyz", k=4), random.choices([1, 2, 3]), random.choices("ab", k=0))
print(random.choices(range(5), cum_weights=[1, 1, 2, 5, 5], k=6), random.choices("abc", [0.2, 0.5, 0.3], k=3))
print(random.gauss(0, 1), random.gauss(10, 2), random.gauss(), random.gauss(mu=5, sigma=0.1))
random.seed(1)
print(random.gauss(), random.normalvariate(), random.normalvariate(100, 15), random.expovariate(2), random.expovariate(0.5))
random.seed(7)
print([round(random.gauss(0, 1), 6) for _ in range(5)])
for f in [lambda: random.choices("ab", 3), lambda: random.choices("ab", [1], k=2), lambda: random.choices("ab", [0, 0]),
          lambda: random.choices("ab", [1, 1], cum_weights=[1, 2]), lambda: random.choices([], k=2), lambda: random.choices("ab", [1, float("inf")]),
          lambda: random.expovariate(0)]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
try:
    random.expovariate()
except TypeError as e:
    print(e)
print(random.random())
for f in [lambda: random.expovariate(1, 2), lambda: random.gauss(1, 2, 3), lambda: random.gauss(sigma="x")]:
    try:
        f()
    except TypeError as e:
        print(e)
