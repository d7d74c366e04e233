# An uncaught NameError for a misspelt name suggests the closest name in scope, as
# CPython 3.11 does: the function's locals first, then the module's globals, then the
# builtins. `str(e)` (what a handler sees) has no suggestion; only the report does.
counter = 0


def total(values):
    result = 0
    for value in values:
        result += value
    return reslt


try:
    pritn("hi")
except NameError as e:
    print("caught:", e, "| name:", e.name)

print(total([1, 2]))
