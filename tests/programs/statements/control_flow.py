# if/elif/else chains, assert, pass, and early return inside loops.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(n) for n in (-5, 0, 3, 42)])
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            return i
    return -1
print(find("abc", "c"), find("abc", "z"))
if False:
    pass
elif []:
    pass
else:
    print("else branch")
assert 1 + 1 == 2
assert True, "never shown"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError args:", e.args)
def nothing():
    pass
print(nothing())
