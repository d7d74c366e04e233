# A str method given an argument of the wrong type raises TypeError with CPython's
# message, and the messages differ from method to method.
calls = [
    lambda: "a".replace(1, "b"),
    lambda: "a".replace("a", 1),
    lambda: "a".split(1),
    lambda: "a".rsplit(sep=1),
    lambda: "a".strip(1),
    lambda: "a".lstrip(1),
    lambda: "a".rstrip(1),
    lambda: "a".partition(1),
    lambda: "a".rpartition(1),
    lambda: "a".center(3, 1),
    lambda: "a".ljust(3, 1),
    lambda: "a".rjust(3, 1),
    lambda: "a".removeprefix(1),
    lambda: "a".startswith(1),
    lambda: "a".find(1),
    # CPython's generated argument parsers name None as `None`, its hand-written
    # checks as `NoneType`.
    lambda: "a".replace(None, "b"),
    lambda: "a".removesuffix(None),
    lambda: format(1, None),
    lambda: "a".find(None),
    lambda: "a".startswith(None),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
# None means "not given" where the method allows it.
print("a b".split(None), " a ".strip(None))
