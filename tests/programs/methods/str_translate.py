# str.maketrans builds a translation table (code point -> code point, string or None);
# str.translate looks each character up in any object with __getitem__.
table = str.maketrans("abc", "xyz")
print(table, "aabbcc".translate(table))
print("hello world".translate(str.maketrans("", "", "lo")))
print("abc".translate({ord("a"): "AA", ord("b"): None}), "abc".translate({97: None, 98: 66}))
print(str.maketrans({"a": "1", 98: None}), "x".maketrans("x", "y"))
print("abc".translate([None, "x"] * 60))


class Rot13:
    def __getitem__(self, k):
        if 97 <= k <= 122:
            return (k - 97 + 13) % 26 + 97
        raise LookupError(k)


print("hello, world!".translate(Rot13()))
for args in [(1,), ("ab", "c"), ({"ab": 1},), ({1.5: 1},), (1, "a"), ("a", 1), ("a", "b", None), ()]:
    try:
        str.maketrans(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for bad in [{97: 1.5}, {97: 0x110000}, 5]:
    try:
        "abc".translate(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
