# Displays and comprehensions: list/tuple/dict/set, star unpacking, nested comprehensions, generators.
a = [1, 2, 3]
print([*a, 4], (*a,), {*a, 3}, [*a, *"xy"], (0, *range(3)))
d = {"x": 1}
print({**d, "y": 2}, {"y": 0, **d, "x": 5}, dict(**d, z=3))
print([i * i for i in range(6)], [i for i in range(10) if i % 3 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip("abc", range(3))}, {x % 3 for x in range(10)})
print(sum(x for x in range(101)), list(x * 2 for x in "ab"), tuple(i for i in range(3)))
g = (n for n in range(3))
print(next(g), list(g), list(g))
print([x for x in range(20) if x % 2 if x % 3], (), (1,), [], {}, set())
print(sorted({"b": 1, "a": 2}), list({3: 0, 1: 0, 2: 0}))
m = [[1, 2], [3, 4]]
print([y for row in m for y in row], [row[::-1] for row in m])
x = 10
print([x for x in range(3)], x)
print(a[0], a[-1], a[1:], a[:-1], a[::2], a[::-1], a[5:], "hello"[1:4], "hello"[::-2])
print((1, 2, 3)[1:], range(10)[2:8:3], list(range(10)[::-3]))
s = slice(1, 3)
print(a[s], s.start, s.stop, s.step)
