# set methods add discard remove union intersection difference, set operators; tuple index/count. Int sets only, printed sorted.
s = {3, 1, 2}
s.add(4); s.add(1)
s.discard(10); s.discard(3)
print(sorted(s), len(s), 2 in s, 3 in s)
s.remove(4)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.union([9], (8,))))
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), a <= b, {2} < a, a == {3, 2, 1})
c = set()
print(c, len(c), bool(c), set([1, 1, 1]), {1, 2} == {2, 1})
frozen_like = tuple(sorted({5, 4}))
print(frozen_like)
t = (1, 2, 2, 3, 2)
print(t.count(2), t.index(3), t[1:3], len(t), t + (4,), 2 in t, (1, 2) < (1, 3))
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
print((), (1,), tuple("ab"), (1, 2) == (1, 2), hash((1, 2)) == hash((1, 2)))
print(sorted({"banana", "apple", "cherry"}), len({"x", "x", "y"}))
