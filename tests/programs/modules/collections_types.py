# collections: deque (bounded, rotating, both ends), defaultdict, Counter (most_common,
# arithmetic, elements), OrderedDict (move_to_end, popitem from either end) and
# namedtuple (by position and name, _asdict/_replace/_make, defaults, unpacking,
# equal to and hashing as its tuple, read-only fields).
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple
d = deque([1, 2, 3], maxlen=3)
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d.popleft(), d.pop(), d, 2 in d)
d.rotate(1); print(d)
q = deque(); q.extend("abc"); q.extendleft("xy"); print(q, list(reversed(q)))
try:
    deque().pop()
except IndexError as e: print(e)
dd = defaultdict(list)
dd["a"].append(1); dd["b"]; dd["a"].append(2)
print(dd, dict(dd), len(dd), "c" in dd, dd.get("c"), sorted(dd.items()))
counts = defaultdict(int)
for w in "the cat the hat the".split():
    counts[w] += 1
print(counts)
try:
    defaultdict()[1]
except KeyError as e: print("KeyError", e)
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], c.total(), sorted(c.elements())[:4])
c2 = Counter(a=1, b=5)
print(c + c2, c - c2, Counter(), Counter({"x": 2}) == Counter(x=2))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od, od.popitem(), od.popitem(last=False), od)
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], tuple(p), p == (1, 2), p._asdict(), p._replace(x=9), Point._fields, Point._make([3, 4]))
x, y = p
print(x + y, hash(p) == hash((1, 2)), type(p).__name__, len(p))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3(1, 2, 3))
try:
    Point(1)
except TypeError as e: print(e)
try:
    p.x = 5
except AttributeError as e: print("AttributeError", e)
