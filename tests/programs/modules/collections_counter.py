# collections.Counter as CPython 3.11's: counting, most_common (ties keep first-seen
# order), elements, total, update/subtract with iterables, mappings and keywords,
# the multiset operators + - | & and unary + and -, the in-place forms, equality
# where a missing element counts zero, the subset comparisons <= < >= >, the
# repr ordering, and fromkeys' NotImplementedError.
from collections import Counter

words = "the quick brown fox jumps over the lazy dog the end".split()
c = Counter(words)
print(c)
print(c.most_common(2), c.most_common(0), c["the"], c["missing"], "missing" in c)
print(Counter("abracadabra").most_common(), c.total(), len(c))
print(sorted(Counter(a=2, b=1, c=0, d=-1).elements()))

x = Counter(a=3, b=1)
x.update("aab")
x.update({"c": 2})
x.update(d=5)
print(x)
x.subtract("aaaa")
x.subtract({"d": 10}, )
x.subtract(b=1)
print(x)
del x["zzz"]
del x["c"]
print(x)

p = Counter(a=3, b=1, c=-2)
q = Counter(a=1, b=2, d=4)
print(p + q, p - q, p | q, p & q)
print(+p, -p)
for op in ("+=", "-=", "|=", "&="):
    r = p.copy()
    if op == "+=":
        r += q
    elif op == "-=":
        r -= q
    elif op == "|=":
        r |= q
    else:
        r &= q
    print(op, r)

print(Counter(a=1, b=0) == Counter(a=1), Counter("ab") == Counter("ba"), Counter(a=1) != Counter(a=2))
print(Counter(a=1) == {"a": 1}, {"a": 1} == Counter(a=1), Counter(a=1, b=0) == {"a": 1})
print(Counter(a=1) <= Counter(a=2), Counter(a=2) <= Counter(a=2), Counter(a=2) < Counter(a=2))
print(Counter(a=2, b=1) >= Counter(a=1), Counter(a=1) > Counter(), Counter() > Counter(a=-1))
print(Counter(a=1) | {"b": 2}, {"b": 2} | Counter(a=1))

for bad in (lambda: Counter.fromkeys("abc"), lambda: Counter(a=1) + {"a": 1},
            lambda: Counter(a=1) < {"a": 2}, lambda: Counter("a", "b"), lambda: hash(Counter())):
    try:
        bad()
    except (NotImplementedError, TypeError) as e:
        print(type(e).__name__ + ":", e)

print(Counter(), Counter({"x": 1.5, "y": 2}), Counter({1: "b", 2: "a"}), Counter({1: "x", 2: 3}))
tally = Counter()
for ch in "mississippi":
    tally[ch] += 1
print(tally, dict(tally), list(tally), tally.keys(), tally.values(), tally.items())

class Bag(Counter):
    pass
print(Bag("aab"), Bag("ab").copy(), type(Bag("a") + Bag("b")).__name__)
