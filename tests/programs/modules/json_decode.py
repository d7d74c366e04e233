# json.loads / json.load / JSONDecoder: how JSON text becomes Python values. Objects
# become dicts (the last duplicate key wins), arrays lists, numbers int or float
# (by whether they have a fraction or exponent), and NaN/Infinity are accepted as
# CPython does. Hooks replace what objects, numbers and constants turn into, and
# raw_decode reads one value from the middle of a larger text.
import json
from collections import OrderedDict

print(json.loads('{"name": "Ada", "langs": ["en", "fr"], "age": 36, "admin": false, "boss": null}'))
print(json.loads("[1, -2, 3.5, 1e3, 2E-2, -0, -0.0, 12345678901234567890]"))
print(json.loads('  \n\t[ 1 ,\r\n 2 ]  '))    # whitespace around tokens is skipped
print(json.loads('"plain"'), json.loads("42"), json.loads("true"), json.loads("null"))
print(json.loads("[NaN, Infinity, -Infinity]"))

# String escapes, \uXXXX escapes and surrogate pairs.
print(json.loads(r'"tab\there, quote \" slash \/ backslash \\ newline\n"'))
print(json.loads(r'"caf\u00e9 \u65E5\u672C \ud83d\ude00"'))
print(json.loads('"non-ASCII as is: café"'))
print(json.dumps(json.loads(r'"\ud83d\ude00"')))    # round trip

# Duplicate keys: the last one wins.
print(json.loads('{"a": 1, "b": 2, "a": 3}'))

# Hooks: object_hook receives each decoded dict, object_pairs_hook the key/value pairs
# in order (and wins over object_hook); parse_int/parse_float get the number's text,
# parse_constant the names NaN, Infinity and -Infinity.
print(json.loads('{"point": {"x": 1, "y": 2}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"z": 1, "a": {"y": 2}}', object_pairs_hook=OrderedDict))
print(json.loads("[1, 2.50, 1e2]", parse_int=lambda t: "int:" + t, parse_float=lambda t: "float:" + t))
print(json.loads("[1, 2]", parse_int=float))
print(json.loads("[NaN, -Infinity]", parse_constant=lambda name: name.lower()))


# A JSONDecoder subclass, passed as cls=, and its keyword arguments.
class UpperKeys(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.upper, **kw)

    def upper(self, d):
        return {k.upper(): v for k, v in d.items()}


print(json.loads('{"a": {"b": 1.5}}', cls=UpperKeys))
print(json.loads('{"a": 1.5}', cls=UpperKeys, parse_float=str))

# strict=False lets control characters appear inside strings.
print(repr(json.loads('"a\tb"', strict=False)))

# raw_decode returns the value and where it ended, ignoring what follows.
decoder = json.JSONDecoder()
print(decoder.decode("[1, 2]"))
print(decoder.raw_decode('{"a": 1} and then some text'))
print(decoder.raw_decode("xx[true]yy", 2))


# load reads the whole text from a file-like object.
class FakeFile:
    def read(self):
        return '{"items": [1, 2, 3], "total": 6}'


print(json.load(FakeFile()))
print(json.load(FakeFile(), object_pairs_hook=lambda pairs: [k for k, _ in pairs]))

# Round trips: dumps then loads gives back an equal value (tuples come back as lists).
value = {"s": "é\n\"", "n": [0, -1, 2.5, 1e100], "t": (1, 2), "none": None, "nested": {"e": {}}}
back = json.loads(json.dumps(value))
print(back, back == value, back["t"])
print(json.loads(json.dumps(value, indent=2, sort_keys=True)) == back)
