# dict methods: get items keys values pop setdefault update copy clear; insertion order and views.
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d, len(d))
print(d.pop("b"), d.pop("zz", "dflt"), d)
print(d.setdefault("a", 100), d.setdefault("n", []), d)
d["n"].append(1)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
d["a"] = "updated in place"
print(list(d))
c = d.copy(); c["new"] = 1
print(len(d), len(c))
c.clear(); print(c)
try:
    d.pop("nope")
except KeyError as e:
    print("KeyError:", e)
try:
    d["nope"]
except KeyError as e:
    print("KeyError:", e)
keys = d.keys()
d["late"] = 0
print(len(keys), "late" in keys, keys)
print(d.values(), d.items())
for k, v in sorted(d.items(), key=lambda kv: kv[0]):
    print(k, v)
del d["a"]
d["a"] = "re-added goes last"
print(list(d))
try:
    for k in d:
        d["boom"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print({1: "a"} == {1: "a"}, dict(zip("ab", [1, 2])), {k: k * 2 for k in range(3)})
