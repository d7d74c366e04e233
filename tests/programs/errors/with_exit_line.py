# A `with` statement's __exit__ runs at the `with` line: a traceback through it shows
# that line, whether the body finished, raised, or returned out of it, and for each
# context manager of a `with A(), B():`.


class Failing:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError(f"exit of {self.name}")


def finishes():
    with Failing("a"):
        x = 1
        y = 2
    return x + y


def raises():
    with Failing("b"):
        x = 1
        return x / 0


def returns():
    for i in range(3):
        with Failing("c"), \
             Failing("d"):
            if i == 0:
                return i


for f in (finishes, raises):
    try:
        f()
    except RuntimeError as e:
        print(f.__name__, e, "context:", repr(e.__context__))
returns()
