# Boolean operators return operands, short-circuit, truthiness of values, conditional expressions.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" and "x")
print([] or {}, [0] and "yes", not [], not [0], not None)
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))
for val in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), {}, {0: 0}, set(), None, True, False, range(0), range(2)]:
    print(repr(val), bool(val), "yes" if val else "no")
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
print((lambda: 1)() if x else 2)
