# Numeric builtins: abs, min, max, sum, round, divmod, pow, with keys, defaults and error messages.
print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", "c"))
print(max([], default="empty"), min([1, -5, 3], key=abs), max(["aa", "b", "ccc"], key=len))
print(max([1, 3, 3.0, 2]), min([(2, "b"), (1, "z"), (1, "a")]))
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(round(3.14159, 2), round(2.5), round(1.5), round(0.5), round(-1.5), round(1234, -2), round(3.7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(5.5, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2, -2), pow(7, 2, 5), pow(-2, 3), pow(2.0, 3))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)

# float.fromhex, the inverse of float.hex, correctly rounded; the numeric tower's
# attributes.
for text in ["0x1p3", " -0x1.8p1 ", "inf", "-Infinity", "0x.8", "1.", "0x1p-1074",
             "0x1p-1075", "0x1.8p-1075", "0x1.fffffffffffffp1023", "0x1.00000000000018p0",
             "0x1p-99999999999999999999", "0x1.fffffffffffff8p1023", "0x", "0x1p"]:
    try:
        print(repr(text), float.fromhex(text))
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
print(all(float.fromhex(x.hex()) == x for x in [0.1, -2.5e-310, 1e308, 5e-324, 3.0]))
print((2.5).conjugate(), (3).real, (3).imag, True.numerator, (7).denominator, (1.5).imag)
