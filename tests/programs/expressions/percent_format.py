# printf-style formatting, `str % args`: conversions, flags, widths and precisions
# (also from `*`), `%(key)s` with a dict, and CPython's errors for bad formats.
print("%s has %d items costing %.2f" % ("cart", 3, 9.5))
print("%5s|%-5s|%05d|%+d|% d|%x|%X|%#x|%#o|%o" % ("ab", "cd", 42, 7, 7, 255, 255, 255, 8, 8))
print("%e %E %g %G %f %F" % (12345.678, 0.000012, 1e20, 1.5, 2.0, 3.25))
print("%.3d|%+.3d|%08.3f|%-8.2f|%8.2e|" % (5, -5, -3.14159, 2.5, 1234.5))
print("%.0f %.0e %#.0f %#g %.3g" % (2.5, 2.5, 2.0, 2.0, 1234567))
print("%5.1s|%.3s|%r|%a|%s" % ("hello", "abcdef", "it's", "é", None))
print("%i %u %d %d" % (3.9, -2.2, True, 10**25))
print("%x %o" % (-255, 2**70))
print("%c%c%3c|%-3c|" % (72, "i", 65, "z"))
print("%*d|%-*d|%.*f|%*.*f|" % (5, 1, -5, 2, 2, 1.23456, 8, 3, 3.14159))
print("%(name)s is %(age)d, %(name)s again" % {"name": "Ada", "age": 36})
print("%%%s%%" % "a", "100%%" % (), "%s" % [1, "a"], "%s" % ((1, 2),))
print("%ld %hd" % (1, 2), "x" % {}, "%s" % {"k": 1})


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)

    def __repr__(self):
        return "Money(%r)" % self.cents


print("%s / %r" % (Money(1234), Money(5)))
inf = float("inf")
print("%f %e %g %05f %d" % (inf, -inf, float("nan"), inf, 0))
errors = [
    ("%d", "x"), ("%x", 1.5), ("%f", "x"), ("%c", "ab"), ("%c", 1.5),
    ("%c", 0x110000), ("%c", -1), ("%z", 1), ("abc %", 1), ("%s %s", 1),
    ("%s", (1, 2)), ("x", 5), ("%(a)s", 1), ("%(a)s", {}), ("%*d", ("a", 1)),
    ("%d", float("nan")), ("%d", float("inf")), ("%5%", (1,)), ("%(a)s %s", {"a": 1}),
]
for fmt, args in errors:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
print(ascii("héllo ✓ 𝄞"), ascii(["é", 1]), ascii("plain"))
print("héllo %s wörld %d ✓" % ("ü", 5), "%(ключ)s" % {"ключ": "значение"})
try:
    print("é%é" % 1)
except ValueError as e:
    print("ValueError", e)
x = "é"
print(f"{x!a}", "{!a}".format(x), format(x, ""))


# What counts as a mapping: anything subscriptable that is not a tuple or a str.
class Plain:
    pass


class Upper:
    def __getitem__(self, k):
        return k.upper()


for fmt, a in [("x", Plain()), ("x", Upper()), ("%(ab)s", Upper()), ("x", [1]),
               ("x", range(2)), ("x", "s"), ("%(a)s", Plain())]:
    try:
        print(repr(fmt % a))
    except TypeError as e:
        print("TypeError", e)
