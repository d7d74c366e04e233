# A set of ints iterates in its hash table's slot order, which depends on how the set
# was built and changed. Baton's set methods and in-place operators follow CPython's
# algorithms (merge, discard, symmetric difference, a dict's keys presized, an
# iterable item by item), so these sets list their items in CPython's order.
import random

random.seed(7)
for trial in range(40):
    a = set(random.sample(range(400), random.randint(0, 60)))
    b = frozenset(random.sample(range(400), random.randint(0, 60)))
    d = dict.fromkeys(random.sample(range(400), random.randint(0, 30)))
    c = [random.randrange(400) for _ in range(random.randint(0, 30))]
    s = set(a); s |= b; s -= set(c); s ^= set(d); print(list(s))
    s = set(a); s.update(b, c, d); s.difference_update(c, d); print(list(s))
    s = set(a); s.symmetric_difference_update(d); s.symmetric_difference_update(c); print(list(s))
    s = set(c); s.intersection_update(a, d); print(list(s))
    print(list(a.union(c, d)), list(a.difference(c, b)), list(a.intersection(d)))
    print(list(a.symmetric_difference(c)), list(b ^ a), list(a.copy()))

s = {1, 2, 3}
s ^= s
t = {1, 2, 3}
t |= t
print(s, t, frozenset([1]).copy() is not None)
