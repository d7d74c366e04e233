# Errors inside comprehensions, lambdas and generators propagate with the right type and message.
try:
    [1 // x for x in [1, 0]]
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    sorted([3, 1], key=lambda v: v.missing)
except AttributeError as e:
    print("AttributeError:", e)
def gen():
    yield 1
    raise ValueError("from generator")
try:
    for v in gen():
        print("got", v)
except ValueError as e:
    print("ValueError:", e)
try:
    {x: 1 / (x - 2) for x in range(5)}
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError:", e)
nothing = None
try:
    nothing()
except TypeError as e:
    print("TypeError:", e)
try:
    one = 1
    one[0]
except TypeError as e:
    print("TypeError:", e)
try:
    {}.get()
except TypeError as e:
    print("TypeError:", e)
