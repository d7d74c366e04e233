# heapq (the same heap layouts as CPython's), bisect (with key) and string's constants
# and capwords, written in Baton.
import heapq, bisect, string
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest, merge
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1]:
    heappush(h, x)
print(h, heappop(h), h, heapreplace(h, 6), h, heappushpop(h, 0), heappushpop(h, 4), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data, [heappop(data) for _ in range(len(data))])
tasks = []
for pri, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee")]:
    heappush(tasks, (pri, name))
print([heappop(tasks) for _ in range(4)])
print(nlargest(3, [1, 8, 2, 9, 3]), nsmallest(2, "hello"), nlargest(2, ["aa", "b", "ccc"], key=len), nsmallest(0, [1]), nlargest(-1, [1]))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6])), list(merge("ace", "bd")), list(merge([3, 1], [2], reverse=True)), list(merge(["a", "BB"], ["ccc"], key=len)))
for f in [lambda: heappop([]), lambda: heappush(1, 2), lambda: heapreplace([], 1), lambda: heapify((1,))]:
    try:
        f()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
a = [1, 2, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left(a, 0), bisect.bisect(a, 99))
bisect.insort(a, 3); bisect.insort_left(a, 4); bisect.insort_right(a, 9)
print(a)
grades = [(60, "D"), (70, "C"), (80, "B"), (90, "A")]
print([grades[bisect.bisect([g for g, _ in grades], s) - 1][1] if s >= 60 else "F" for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), end=" ")
bisect.insort(recs, ("x", 6), key=lambda r: r[1]); print(recs)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print(e)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable), string.ascii_uppercase[:3])
print(string.capwords("hello   wide  world"), string.capwords("a-b-c", "-"), string.capwords(" x "))
