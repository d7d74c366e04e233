# Code that can only fail gets CPython's SyntaxWarning when it is compiled, before the
# program runs: calling a literal, subscripting a literal that has no items, indexing
# a sequence literal with something that is no int or slice. The usual cause is a
# missing comma. The program still runs, and fails where CPython's fails.


def table():
    return [(1, "one") (2, "two")]


def lookups():
    grid = [[1, 2] [0, 1]]
    name = "abc"["x"]
    return grid, name, None[0], {1}[0], (lambda: 0)[1], (-1)(), 2.5(), True()


def fine():
    # No warning: a lambda called, items of literals by int or slice, names.
    x = (lambda: 1)()
    return x, [1, 2][0], "abc"[1:], (1, 2)[True], {"a": 1}["a"]


print("running:", fine())
for f in (lookups, table):
    try:
        f()
    except TypeError as e:
        print(f.__name__, "->", e)
table()
