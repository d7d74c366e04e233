# json.dumps / json.dump / JSONEncoder: how Python values become JSON text. Containers
# and scalars map one to one (tuples become arrays, None null, True true); strings are
# escaped (\uXXXX for anything non-ASCII unless ensure_ascii=False, a surrogate pair
# beyond the BMP); floats use repr, with NaN and Infinity as JavaScript spells them;
# dict keys are coerced to strings. indent, separators and sort_keys shape the layout,
# default= (or a JSONEncoder subclass) handles other objects, and iterencode / dump
# produce the text in chunks.
import json
from collections import OrderedDict, namedtuple
from enum import IntEnum, StrEnum

# Scalars and containers.
print(json.dumps(None), json.dumps(True), json.dumps(False), json.dumps(42), json.dumps(-7))
print(json.dumps(10 ** 30), json.dumps(3.14), json.dumps(1e16), json.dumps(-0.0), json.dumps(1e-7))
print(json.dumps([1, "two", 3.0, None, [True, False]]))
print(json.dumps((1, (2, 3))), json.dumps([]), json.dumps({}), json.dumps([[], {}]))
print(json.dumps({"name": "Ada", "langs": ["en", "fr"], "age": 36}))

# Strings: quotes, backslashes and control characters are escaped; non-ASCII text is
# written as \uXXXX unless ensure_ascii=False.
print(json.dumps('say "hi"\\ \n\t\x00\x1f\x7f'))
print(json.dumps("café 日本 \U0001F600"))
print(json.dumps("café 日本 \U0001F600", ensure_ascii=False))

# Floats that JSON cannot express: written as NaN / Infinity, or refused.
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
try:
    json.dumps([float("inf")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps([float("nan")], allow_nan=False, indent=2)    # the indented encoder names it
except ValueError as e:
    print("ValueError:", e)

# Dict keys become strings: str, int, float, True/False/None are coerced...
print(json.dumps({7: "int", 2.5: "float", True: "yes", False: "no", None: "none", "s": "str"}))
# ...anything else is a TypeError, unless skipkeys=True drops it.
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): "dropped", "kept": 1}, skipkeys=True))

# sort_keys sorts by key (keys of mixed types cannot be compared).
print(json.dumps({"b": 1, "a": {"d": 4, "c": 3}}, sort_keys=True))
try:
    json.dumps({1: "x", "a": "y"}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)

# indent: a number of spaces or a string; 0 or "" means newlines only. With an indent
# the default item separator loses its trailing space.
data = {"id": 7, "tags": ["a", "b"], "empty": [], "meta": {"ok": True}}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t"))
print(json.dumps([1, [2]], indent=0))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=1, separators=(" ,", " = ")))

# A structure that contains itself is refused (check_circular=True by default).
loop = [1]
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
shared = [0]
print(json.dumps([shared, shared]))    # the same list twice is fine: it is no cycle


# Other objects: TypeError, unless default= turns them into something encodable.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


try:
    json.dumps({"p": Point(1, 2)})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps([Point(1, 2), Point(3, 4)], default=lambda p: {"x": p.x, "y": p.y}))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))


# A JSONEncoder subclass overriding default, passed as cls=.
class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return sorted(o)
        return super().default(o)


print(json.dumps({"primes": {7, 2, 5, 3}}, cls=SetEncoder))
print(SetEncoder(indent=2).encode({"tags": {"b", "a"}}))
try:
    json.dumps(Point(0, 0), cls=SetEncoder)
except TypeError as e:
    print("TypeError:", e)

# iterencode yields the text in chunks; dump writes those chunks to a file-like object.
print(list(json.JSONEncoder().iterencode({"a": [1, 2.5, None], "b": {}})))
print(list(json.JSONEncoder(indent=2).iterencode([1, {"k": "v"}])))


class Collector:
    def __init__(self):
        self.chunks = []

    def write(self, text):
        self.chunks.append(text)


out = Collector()
json.dump({"x": [1, 2], "y": "z"}, out)
print(out.chunks, "->", "".join(out.chunks))


# IntEnum and StrEnum members encode as their values; an OrderedDict is an object,
# a namedtuple an array.
class Level(IntEnum):
    LOW = 1
    HIGH = 2


class Color(StrEnum):
    RED = "red"


Pair = namedtuple("Pair", "left right")
print(json.dumps({Level.HIGH: Color.RED, "level": Level.LOW, "pair": Pair(1, "b")}))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
