# dict.fromkeys(iterable, value=None) maps every key to one value; it is a class
# method, so a dict instance can call it too.
print(dict.fromkeys("abc"))
print(dict.fromkeys([1, 2, 1], 0))
print({"old": 1}.fromkeys(range(3), "x"))
shared = dict.fromkeys("ab", [])
shared["a"].append(1)
print(shared)  # one list object under both keys
for call in [
    lambda: dict.fromkeys(),
    lambda: dict.fromkeys(5),
    lambda: dict.fromkeys([1], 2, 3),
    lambda: dict.fromkeys([[1]]),
]:
    try:
        call()
    except TypeError as e:
        print(e)
