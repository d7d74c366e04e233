# str methods: join split strip lstrip rstrip upper lower startswith endswith replace find index count format ljust rjust center zfill isdigit isalpha.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")), repr("abcba".lstrip("ab")))
print(s.upper(), s.lower(), "MiXeD".upper(), "MiXeD".lower())
print("a,b,,c".split(","), "a b  c ".split(), "a b c".split(" ", 1), "".split(), "".split(","), "k=v=w".split("=", 1))
print(" ".join(["x", "y", "z"]), ", ".join("abc"), "".join([]), "-".join(str(i) for i in range(3)))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".endswith("l"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "hello".replace("l", ""), "abc".replace("", "-"))
print("hello".find("l"), "hello".find("z"), "hello".find("l", 3), "hello".index("e"), "hello".count("l"), "aaaa".count("aa"))
print("{} and {}".format(1, 2), "{1}{0}".format("a", "b"), "{name}!".format(name="hi"), "{:>5}|{:.2f}".format("r", 2.5))
print(repr("ab".ljust(5)), repr("ab".rjust(5, "*")), repr("ab".center(7, "-")), repr("ab".center(1)))
print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
print("123".isdigit(), "12a".isdigit(), "".isdigit(), "abc".isalpha(), "ab1".isalpha(), "".isalpha(), "é".isalpha())
try:
    "hello".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    "x".nope()
except AttributeError as e:
    print("AttributeError:", e)
print("abc"[1], "abc"[-1], len("abc"), "b" in "abc", "abc" * 2, "abc" < "abd", min("zyx"))
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    s = "abc"
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
