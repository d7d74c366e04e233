"""Dict views: keys and items views are set-like (they compare with sets and with
each other, and take the set operators from either side); a values view is not.
And changing a dict or a set while a loop walks over it raises RuntimeError, as in
CPython."""
d = {"a": 1, "b": 2}
e = {"b": 2, "a": 1}
print(d.keys() == {"a", "b"}, d.keys() == d.keys(), d.items() == {("a", 1), ("b", 2)})
print(set(d) == d.keys(), {"a", "b"} == d.keys(), d.keys() == e.keys(), d.items() == e.items())
print(d.values() == d.values(), d.keys() != {"a"}, d.keys() == ["a", "b"])
print(d.keys() <= {"a", "b", "c"}, d.keys() < {"a"}, d.keys() >= {"a"}, {"a"} < d.keys())
print(sorted(d.keys() - {"a"}), sorted({"a", "z"} - d.keys()), sorted(d.keys() | ["q"]), sorted(d.keys() & {"b"}), sorted(d.keys() ^ {"b", "c"}))
print(sorted(d.items() - {("a", 1)}), d.keys().isdisjoint(["x"]), d.items().isdisjoint([("a", 1)]))
u = {"k": [1]}
print(u.items() == {"k": [1]}.items(), u.items() == {"k": [2]}.items())
try:
    d.values() | {1}
except TypeError as ex:
    print(ex)

s = {1, 2, 3}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print(e, sorted(s))
d = {"a": 1, "b": 2}
try:
    for k in d:
        del d[k]
        d[k + "!"] = 1
except RuntimeError as e:
    print(e, d)
d = {"a": 1}
try:
    for k in d:
        d["z"] = 2
except RuntimeError as e:
    print(e)
it = iter(s)
next(it)
s.discard(1)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print(e)
    except StopIteration:
        print("stop")
ok = {1, 2}
for x in ok:
    ok.discard(99)
print(sorted(ok), type(iter(ok)).__name__)
d2 = {1: 1}
for k in d2.copy():
    del d2[k]
print(d2)
