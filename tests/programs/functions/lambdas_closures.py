# Lambdas, closures capturing variables by cell, higher-order functions, functions as values.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda *a, **k: (a, k))(1, z=2))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(3))
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([adder(10) for adder in make_adders()])
def accumulator():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    def get():
        return total
    return add, get
add_to, get_total = accumulator()
add_to(5); add_to(7)
print(get_total())
def late():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    i = 100
    return [fn() for fn in fns]
print(late())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x * 2, [1, 2, 3])), list(filter(lambda x: x % 2, range(7))))
print(square.__name__, compose.__name__, make_adders.__qualname__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)
