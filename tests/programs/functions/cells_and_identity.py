# Closure cells and identity tests in hot loops: `nonlocal` counters, captured
# objects, `is`/`is not` on any values and `==`/`!=` between strings, plus the
# errors the slow path still gives (an unbound free variable, a user __eq__).


def counter():
    n = 0

    def bump(k):
        nonlocal n
        n += k
        return n

    return bump


bump = counter()
for i in range(5):
    bump(i)
print("counter", bump(0))


def states():
    PENDING = "PENDING"
    done = "DO" + "NE"
    seen = []
    for s in ["PENDING", "DONE", "PENDING", done, PENDING + ""]:
        seen.append((s == PENDING, s != done, s is None, s is not None))
    return seen


for row in states():
    print(row)

marker = object()
items = [marker, None, 0, marker, "x"]
print([x is marker for x in items], [x is not None for x in items])


class Loud:
    def __eq__(self, other):
        print("__eq__ called")
        return True


print(Loud() == "a", "a" == Loud(), Loud() is Loud())


def late():
    def inner():
        return value

    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    value = 1
    print(inner())


late()


def replace_in_cell():
    box = [1]

    def swap(v):
        nonlocal box
        old = box
        box = v
        return old

    print(swap([2]), swap("three"), swap(None), box)


replace_in_cell()
