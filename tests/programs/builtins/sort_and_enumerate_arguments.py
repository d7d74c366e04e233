# sorted()/list.sort() take reverse= as an int (a bool is one) and enumerate() counts
# from an int start: anything else is a TypeError, as in CPython.
print(sorted([3, 1, 2], reverse=True), sorted([1, 2], reverse=2))
print(list(enumerate("ab", True)), list(enumerate("ab", start=-1)))
print(list(enumerate("ab", 2**70)))
calls = [
    lambda: sorted([1], x=2),
    lambda: [3, 1].sort(cmp=None),
    lambda: sorted([1], reverse="a"),
    lambda: [1].sort(reverse=None),
    lambda: [1].sort(reverse=1.5),
    lambda: enumerate([], 1.5),
    lambda: enumerate(),
    lambda: enumerate(1, 2, 3),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
try:
    sorted([1, 2], reverse=2**80)
except OverflowError as e:
    print("OverflowError:", e)
l = [2, 1]
try:
    l.sort(reverse="x")
except TypeError:
    print("unchanged:", l)
