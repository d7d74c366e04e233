# Sorting and comparing tuples and lists: items that are ints or strs are ordered
# directly, anything else through == and then < (with the objects' own methods).
import random


class Key:
    def __init__(self, k):
        self.k = k

    def __lt__(self, other):
        return self.k < other.k

    def __eq__(self, other):
        return self.k == other.k

    def __repr__(self):
        return f"Key({self.k})"


random.seed(7)
pairs = [(random.randrange(5), random.choice("abc"), i) for i in range(200)]
print(sorted(pairs)[:6], sorted(pairs, reverse=True)[:3])
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([[3, 1], [2], [3], [2, 0], []]))
print(sorted([(1.5, 2), (1, 3), (True, 0), (0.5, 9)]))
print(sorted([(Key(2), 1), (Key(1), 2), (Key(2), 0)]))
print((1, 2) < (1, 2, 0), (1, 2) <= (1, 2), (2,) > (1, 99), ("a",) >= ("a",))
print(sorted([(10**30, 1), (10**29, 2), (-(10**30), 3)]))
for bad in ([(1, "a"), (1, 2)], [(1,), ("x",)], [[None], [None]]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print("TypeError:", e)
big = [(i % 7, -i) for i in range(300)]
print(sorted(big)[:4], sorted(big, key=lambda t: t[1])[:2])
