# Generators are the ancestors of coroutines: `yield` suspends a frame, `send`
# resumes it with a value, and `yield from` delegates to a sub-generator and takes
# its return value, exactly as `await` does for coroutines.


def averager():
    total = 0
    count = 0
    while True:
        value = yield (total / count if count else None)
        if value is None:
            return count
        total += value
        count += 1


def delegator(results):
    count = yield from averager()
    results.append(count)


results = []
d = delegator(results)
print("primed:", next(d))
for v in (10, 20, 60):
    print("average so far:", d.send(v))
try:
    d.send(None)
except StopIteration:
    pass
print("sub-generator returned count:", results)


def numbers():
    yield 1
    yield 2
    return "the end"


def wrapper():
    result = yield from numbers()
    print("yield from gave back:", result)


print(list(wrapper()))
