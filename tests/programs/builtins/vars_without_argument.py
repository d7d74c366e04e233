# vars() with no argument is the calling frame's namespace: a function's bound locals
# (arguments, cells and free variables included; a deleted or unbound name is left
# out), a class body's namespace so far, a module's globals.
x = 1


def outer(a, b=2):
    c = 3

    def inner():
        return c + a

    print(sorted(vars()))
    print((lambda: vars())())
    return inner


outer(1)


def collect(*args, **kw):
    unbound = 1
    del unbound
    print(vars())


collect(1, k=2)


def gen():
    n = 0
    yield sorted(vars().items())
    n += 1
    yield sorted(vars().items())


print(list(gen()))


class K:
    y = 1
    names = sorted(vars())
    print(names)


print("x" in vars(), vars()["x"], "outer" in vars())
for bad in [lambda: vars(1, 2), lambda: vars(x=1), lambda: vars(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
