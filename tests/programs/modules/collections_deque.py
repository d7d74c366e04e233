# collections.deque in full: both ends (a 200000-item popleft loop takes a moment, as
# in CPython), maxlen dropping from the far end, rotate both ways, indexing, insert,
# remove, count, index, reverse, extendleft, copy, the operators (+, *, +=, *=,
# comparisons, in), the errors with CPython's messages, "deque mutated during
# iteration" (raised again on every later next()), and the recursive repr.
from collections import deque

q = deque(range(200000))
total = 0
while q:
    total += q.popleft()
print(total, len(q), bool(q))

d = deque("abc")
d.append("d")
d.appendleft("z")
print(d, d[0], d[-1], d[2], len(d))
print(d.pop(), d.popleft(), d)

bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
bounded.appendleft(-1)
print(bounded)
bounded.extend([10, 11])
print(bounded)
bounded.extendleft("xy")
print(bounded)
print(deque("abcdef", maxlen=0), deque(maxlen=2))

r = deque(range(8))
r.rotate(3)
print(r)
r.rotate(-5)
print(r)
r.rotate(11)
print(r)
r.rotate(0)
print(r)

d = deque([1, 2, 3, 2, 1])
d.insert(2, "mid")
d.insert(-1, "end-1")
d.insert(100, "last")
d.insert(-100, "first")
print(d)
d.remove(2)
print(d, d.count(1), d.count(9), d.index(1), d.index(1, 2), d.index("last"))
d[0] = "FIRST"
del d[1]
print(d)
d.reverse()
print(d, list(reversed(d)))
d.clear()
print(d, len(d))

a = deque([1, 2, 3], maxlen=5)
b = a.copy()
b.append(4)
print(a, b, a == b, a != b, a < b, b > a, a <= deque([1, 2, 3]), a >= deque([2]))
print(a + deque([9, 9, 9]), a * 2, 2 * deque("ab"), 3 in a, 7 in a)
c = deque([1, 2])
c += "xy"
c *= 2
print(c)
print(deque([1, 2]) == [1, 2], deque() == deque(), deque([1]) == deque([1], maxlen=9))

for bad in (lambda: deque().pop(), lambda: deque().popleft(),
            lambda: deque([1])[5], lambda: deque([1])["0"], lambda: deque([1])[0:1],
            lambda: deque([1]).remove(2), lambda: deque([1]).index(2),
            lambda: deque([1, 2], maxlen=2).insert(0, 0), lambda: deque(maxlen=-1),
            lambda: deque([1]) + [2], lambda: deque([1]) * 1.5, lambda: hash(deque()),
            lambda: deque([1]) < [1], lambda: deque([1]).rotate("x")):
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

d = deque([1, 2, 3])
it = iter(d)
print(next(it))
d.append(4)
for attempt in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError:", e)
d = deque([1, 2, 3, 4])
seen = []
for x in d:
    seen.append(x)
    if x == 2:
        d[3] = "changed"   # assigning an item is not a mutation of the size
print(seen)

d = deque()
d.append(d)
print(d)
inner = [1]
d2 = deque([inner], maxlen=4)
inner.append(d2)
print(d2, inner)

class Stack(deque):
    pass
s = Stack([1, 2], maxlen=4)
print(s, s.copy(), type(s + deque([3])).__name__)
