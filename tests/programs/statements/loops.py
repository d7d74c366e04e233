# Loops: for/while with else, break, continue, nested loops, range forms, iterating strings and dicts.
for i in range(3):
    print("for", i)
else:
    print("for-else runs")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print("even", n)
else:
    print("while-else runs", n)
while True:
    n -= 1
    if n < 2:
        break
print("n =", n)
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print("pair", i, j)
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
print(len(range(0, 100, 7)), range(5)[-1], 3 in range(5), range(1, 4) == range(1, 4))
for ch in "hey":
    print(ch, end=" ")
print()
for key in {"one": 1, "two": 2}:
    print(key, end=",")
print()
for x in []:
    print("never")
else:
    print("empty loop else")
total = 0
for a, b in [(1, 2), (3, 4)]:
    total += a * b
print(total)
i = 0
while i < 3:
    i += 1
else:
    print("done", i)
