# Tracebacks underline what failed, as CPython 3.11 does (PEP 657): `^` under the
# failing expression; for a binary operation `~` under the operands and `^` under the
# operator, for a subscript `^` under the brackets. No markers when they would only
# underline the whole line. This program chains four failures, so the report shows
# four tracebacks, oldest first.


def divide(a, b):
    return (a + 1) // (b - b)


def lookup(d):
    return d["outer"]["inner"]


class Box:
    pass


def attribute(box):
    # An attribute access over several lines is reported at the name after the dot.
    return (box
            .missing)


def store(t):
    t[0] = 2


try:
    divide(1, 2)
except ZeroDivisionError:
    try:
        lookup({"outer": {}})
    except KeyError:
        try:
            attribute(Box())
        except AttributeError:
            store((1,))
