# A TypeError from `a op= b` names the augmented operator (`for -=:`), whether the
# target is a local, a global, an attribute or an item, and whatever the operator; the
# special messages (concatenation, sequence repetition) are those of the plain operator.


def local_target(op, x, y):
    try:
        if op == "+":
            x += y
        elif op == "-":
            x -= y
        elif op == "*":
            x *= y
        elif op == "/":
            x /= y
        elif op == "//":
            x //= y
        elif op == "%":
            x %= y
        elif op == "**":
            x **= y
        elif op == "<<":
            x <<= y
        elif op == ">>":
            x >>= y
        elif op == "&":
            x &= y
        elif op == "|":
            x |= y
        elif op == "^":
            x ^= y
        elif op == "@":
            x @= y
    except TypeError as e:
        print(op, "TypeError:", e)


for op in ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]:
    local_target(op, None, 1)
local_target("@", 1, 2)
local_target("-", 1, None)
local_target("-", "s", 1)
local_target("-", 1.5, "s")

# The plain operators keep their own wording.
for a, b in [(None, 1), (1, 2)]:
    try:
        a @ b
    except TypeError as e:
        print("@ TypeError:", e)
try:
    None**2
except TypeError as e:
    print("** TypeError:", e)

# Concatenation and repetition say what the plain operator says.
for x, y in [("a", 1), ([1], 1.5), ((1,), [2]), ("a", "b")]:
    try:
        x += y
    except TypeError as e:
        print("+= TypeError:", e)
    try:
        x *= y
    except TypeError as e:
        print("*= TypeError:", e)

# Globals, attributes and items.
g = None
try:
    g -= 1
except TypeError as e:
    print("global TypeError:", e)


class Box:
    pass


b = Box()
b.v = None
try:
    b.v *= 2
except TypeError as e:
    print("attribute TypeError:", e)
d = {"k": None}
try:
    d["k"] //= 2
except TypeError as e:
    print("item TypeError:", e)
