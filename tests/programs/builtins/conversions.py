# Conversion builtins: int/float/str/bool/list/tuple/dict/set constructors, int() with bases, repr/str.
print(int(), int("42"), int(" -7 "), int("1_000"), int(3.9), int(-3.9), int(True))
print(int("ff", 16), int("0xff", 16), int("0b101", 0), int("777", 8), int("z", 36), int("0o17", 0))
print(float(), float(3), float("-1.5e3"), str(), str(12), str(1.0), str(None), str([1, "a"]))
print(bool(), bool(0), bool("x"), list(), list("abc"), list((1, 2)), tuple(), tuple([1, 2]))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=3))
print(sorted(set("hello")), set(), sorted(set([3, 1, 3])))
print(repr("s"), repr(1.0), repr([None, True]), repr((1,)), repr({}), repr(set()), repr(range(3)))
for bad in ("abc", "1.5", "", "12a"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
print(chr(65), chr(955), chr(128512) == "\U0001F600", ord("A"), ord("λ"), ord("\n"))
print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(0))
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"), format(1234567, ","), format(0.5, "%"), format(7))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
