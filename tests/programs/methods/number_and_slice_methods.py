# int.bit_count and as_integer_ratio, float.as_integer_ratio (exact, lowest terms) and
# hex, str.format_map, slice.indices, and type(None)().
print((10).bit_count(), (-255).bit_count(), (2**100 - 1).bit_count(), True.bit_count())
print((5).as_integer_ratio(), (-3).as_integer_ratio(), True.as_integer_ratio())
for f in [0.75, -2.5, 0.1, 1e300, 5e-324, 0.0, -0.0, 3.0]:
    print(f, f.as_integer_ratio(), f.hex())
print(float("inf").hex(), float("-inf").hex(), float("nan").hex())
for bad in [float("inf"), float("nan")]:
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)


class Defaulting:
    def __getitem__(self, key):
        return key.upper()


print("{name} is {age}".format_map({"name": "Ann", "age": 3}), "{a}{b!r:>5}".format_map(Defaulting()))
for template, mapping in [("{0}", {}), ("{x}", {}), ("{x}", 5)]:
    try:
        template.format_map(mapping)
    except (ValueError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print(slice(1, 2).indices(10), slice(None, None, -1).indices(5), slice(-100, 100, 2).indices(7))
for s, n in [(slice(1, 2), -1), (slice(1, 2, 0), 3)]:
    try:
        s.indices(n)
    except ValueError as e:
        print(type(e).__name__, e)
print(type(None)(), type(None)() is None)
try:
    type(None)(1)
except TypeError as e:
    print(e)
