# list[i], tuple[i] and list[i] = v with int indexes run in the fast loop; every other
# case (out of range, negative past the start, bools, big ints, slices, other
# containers) must behave exactly as the general path does.
l = [10, 20, 30]
t = ("a", "b", "c")
for i in range(-3, 3):
    l[i] = l[i] + i
    print(i, l[i], t[i])
print(l)

for bad in (3, -4, 2**70, -(2**70)):
    for what, f in (("list", lambda: l[bad]), ("tuple", lambda: t[bad])):
        try:
            f()
        except IndexError as e:
            print(what, bad, "IndexError:", e)
    try:
        l[bad] = 0
    except IndexError as e:
        print("store", bad, "IndexError:", e)

print(l[True], t[False], l[-1], t[-1])
l[True] = "bool index"
print(l)
try:
    l["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    t[1.0]
except TypeError as e:
    print("TypeError:", e)

# The stored value may be the list itself; the replaced item is dropped.
m = [[1], [2]]
m[0] = m
print(len(m), m[1], m[0] is m)

# A grid updated in a loop.
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] = grid[i][j - 1] + i * j
print(grid)
