# Recursion through __repr__ (a native calling back into the language) is bounded by the same limit: RecursionError.
class Loop:
    def __repr__(self):
        return "Loop(" + repr(self) + ")"
class Nested:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return "N" + repr(self.items)
try:
    repr(Loop())
except RecursionError:
    print("RecursionError from repr")
try:
    print(Loop())
except RecursionError:
    print("RecursionError from print")
try:
    str([Loop()])
except RecursionError:
    print("RecursionError from list repr")
n = Nested()
n.items.append(n)
try:
    repr(n)
except RecursionError:
    print("RecursionError from self-containing object")
lst = [1]
lst.append(lst)
print(lst)
d = {"k": 1}
d["self"] = d
print(d)
print("done")
