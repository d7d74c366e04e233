# OrderedDict (fromkeys, move_to_end both ways, popitem from either end, its odict
# views, equality that is order-sensitive only between OrderedDicts, | and |=, the
# recursive repr in 3.11's list-of-pairs form) and ChainMap (lookups through the maps,
# writes and deletes in the first, new_child, parents, len/iter/in, views, repr).
from collections import OrderedDict, ChainMap, defaultdict

od = OrderedDict.fromkeys("abcde", 0)
print(od)
od.move_to_end("b")
od.move_to_end("d", last=False)
print(od, list(od), list(reversed(od)))
print(od.popitem(), od.popitem(last=False), od)
print(od.keys(), od.values(), od.items(), od.keys() & {"a", "z"})
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1), dict(b=2, a=1) == OrderedDict(a=1, b=2))
print(OrderedDict(a=1) | {"b": 2}, {"b": 2} | OrderedDict(a=1))
merged = OrderedDict(x=1)
merged |= {"y": 2}
print(merged, merged.copy(), OrderedDict(), OrderedDict([("k", [1])]))
me = OrderedDict()
me["self"] = me
print(me)
for bad in (lambda: OrderedDict().popitem(), lambda: OrderedDict(a=1).move_to_end("z"),
            lambda: OrderedDict(1, 2), lambda: hash(OrderedDict())):
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__ + ":", e)

class LastUpdated(OrderedDict):
    """Keeps keys in the order they were last set."""
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)

lu = LastUpdated(a=1, b=2)
lu["a"] = 3
print(lu)

defaults = {"color": "red", "user": "guest"}
env = {"user": "admin"}
cm = ChainMap({}, env, defaults)
print(cm["user"], cm["color"], cm.get("missing", "-"), len(cm), list(cm), "color" in cm)
cm["color"] = "blue"
print(cm, cm.maps[0], defaults)
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], child.new_child(theme="dark").maps[0])
print(cm.keys(), cm.items(), cm.values())
print(cm == {"user": "admin", "color": "blue"}, dict(cm), cm.copy(), bool(ChainMap()))
print(cm | {"x": 1}, {"x": 1} | cm, ChainMap.fromkeys("ab", 0))
del cm["color"]
for bad in (lambda: cm["nope"], lambda: cm.__delitem__("user"), lambda: cm.pop("user"),
            lambda: ChainMap().popitem()):
    try:
        bad()
    except KeyError as e:
        print("KeyError:", e)
loop = ChainMap()
loop["me"] = loop
print(loop)
print(ChainMap(defaultdict(int), {"a": 1})["zzz"])
