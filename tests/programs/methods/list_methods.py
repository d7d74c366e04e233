# list methods: append extend pop insert remove index count sort reverse copy clear, plus slicing assignment.
lst = [3, 1, 2]
lst.append(4); print(lst)
lst.extend([5, 6]); lst.extend(range(2)); print(lst)
print(lst.pop(), lst.pop(0), lst)
lst.insert(0, 9); lst.insert(100, 7); lst.insert(-1, 8); print(lst)
lst.remove(9); print(lst)
print(lst.index(4), lst.count(1), [1, 1, 2].count(1), lst.index(8, 2))
lst.sort(); print(lst)
lst.sort(reverse=True); print(lst)
words = ["bb", "a", "ccc", "dd"]
words.sort(key=len); print(words)
lst.reverse(); print(lst)
c = lst.copy(); c.append(100); print(lst, c)
c.clear(); print(c)
a = [0, 1, 2, 3, 4, 5]
a[1:3] = ["x"]; print(a)
a[::2] = [7, 7, 7] if len(a[::2]) == 3 else a[::2]; print(a)
a[:0] = [-1]; print(a)
print([1, 2] + [3], [[]] * 2, [1, 2] == [1, 2], [3, 1] > [2, 9], len([]))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    [0][3] = 1
except IndexError as e:
    print("IndexError:", e)
nested = [[1], [2]]
shallow = nested.copy()
shallow[0].append("shared")
print(nested)
