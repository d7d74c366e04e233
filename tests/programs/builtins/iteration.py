# Iteration builtins: sorted, reversed, enumerate, zip, map, filter, any, all, iter, next, range.
data = [5, 3, 8, 1]
print(sorted(data), sorted(data, reverse=True), sorted("banana"), data)
print(sorted(["b", "A", "c"], key=str.lower), sorted([(1, "b"), (0, "z"), (1, "a")]))
words = ["pear", "fig", "apple", "kiwi"]
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w), reverse=True))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(4))))
print(list(enumerate("ab")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(3), range(3))))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2], [3, 4])), list(map(abs, [-1, -2])))
print(list(filter(None, [0, 1, "", "x", None])), list(filter(str.isdigit, ["1", "a", "22"])))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 2 for x in data), all(x > 0 for x in data))
it = iter(data)
print(next(it), next(it), list(it), next(it, "done"))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
r = range(1, 10, 2)
print(r, list(r), len(r), r[2], 5 in r, range(3) == range(0, 3))
e = enumerate(["x"])
print(next(e))
z = zip("ab", "cd")
print(next(z), list(z))
print(sorted([3, 1, 2]) == [1, 2, 3], list(reversed([])))
