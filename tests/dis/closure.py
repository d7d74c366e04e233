# dis: a closure with nonlocal, a lambda, and a try/except.
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
try:
    print(c(), (lambda y: y * 2)(c()))
except ValueError as e:
    print(e)
