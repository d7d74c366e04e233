# A function's __closure__: the cells of the variables it closes over (None without
# any), each with cell_contents, or "Cell is empty" once the variable is deleted.
def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = counter()
print(c(), c(), c.__closure__[0].cell_contents, len(c.__closure__), (lambda: 1).__closure__)
def f():
    x = 1
    def g():
        return x
    del x
    return g
try:
    print(f().__closure__[0].cell_contents)
except ValueError as e:
    print(type(e).__name__, e)
print(type(c.__closure__[0]).__name__, repr(f().__closure__[0])[:8], repr(f().__closure__[0])[-7:])
print(repr(c.__closure__[0]).split(":")[1][:12])
