# with statements: __enter__/__exit__ order, several items, exceptions passed to __exit__, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with CM("a") as x:
    print("body", x)
with CM("outer") as o, CM("inner") as i:
    print("both", o, i)
with CM("quiet", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("loud"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
def early():
    with CM("ret"):
        return "returned"
print(early())
for n in range(3):
    with CM(str(n)):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)
try:
    with CM("first"), CM("second", suppress=True):
        raise RuntimeError("inner only")
    print("continued")
except RuntimeError:
    print("not reached")
