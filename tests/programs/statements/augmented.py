# Augmented assignment on names, attributes, subscripts; every operator; evaluation happens once.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x = 17
x //= 3; print(x)
x %= 4; print(x)
x **= 5; print(x)
x &= 0b11110; print(x)
x |= 0b1; print(x)
x ^= 0b111; print(x)
x <<= 3; print(x)
x >>= 2; print(x)
s = "ab"
s += "cd"; s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
class C:
    def __init__(self):
        self.n = 0
c = C()
c.n += 5
c.n *= 3
print(c.n)
calls = []
def key(k):
    calls.append(k)
    return k
d = {"a": 1}
d[key("a")] += 10
print(d, calls)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
print(grid)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
