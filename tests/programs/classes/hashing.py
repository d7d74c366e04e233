# __eq__ and __hash__: user objects as dict keys and set members, unhashable types, equal keys merge.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("a"): 1}
d[Key("A")] = 2
d[Key("b")] = 3
print(d, len(d), Key("B") in d, d[Key("b")])
s = {Key("x"), Key("X"), Key("y")}
print(len(s), Key("Y") in s)
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
for bad in ([1], {1: 2}, {1}):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
class Ident:
    pass
i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, len({i1, i2, i1}), hash(i1) == hash(i1))
print({1: "int", 1.0: "float", True: "bool"})
print(hash(1) == hash(1.0) == hash(True), hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"))
print({(1, 2): "tuple key"}[(1, 2)], hash(0), hash(-1), hash(42))
try:
    {}[[1]]
except TypeError as e:
    print("TypeError:", e)
