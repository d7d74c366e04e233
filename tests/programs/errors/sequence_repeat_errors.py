# Multiplying a sequence by something that is not an int: CPython's message names the
# other operand's type, whichever side the sequence is on.
for f in [lambda: 1.5 * "x", lambda: "x" * 1.5, lambda: [1] * 2.0, lambda: 2.0 * [1], lambda: (1,) * 1.5, lambda: None * "a", lambda: "a" * None]:
    try:
        f()
    except TypeError as e:
        print(e)
