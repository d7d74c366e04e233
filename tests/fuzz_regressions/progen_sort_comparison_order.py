# Found by tools/progen.py (seed 7, program 164): sorted() compared other operands first.
# Sorting user objects: the comparisons run in CPython's order (count_run, then binary
# insertion), so side effects and TypeErrors name the same operands.
class A:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return 'A(' + repr(self.x) + ')'
class B(A):
    def __lt__(self, other):
        print('lt', self.x, other.x)
        return self.x < other.x
try:
    print(sorted([A(-1), B(3), A(0)]))
except TypeError as e:
    print(e)
print(sorted([B(5), B(3), B(1), B(4), B(4), B(0)]))
print(sorted([B(1), B(2), B(2), B(0), B(7)], reverse=True))
print(sorted([B(x) for x in [3, 1, 2]], key=lambda b: -b.x))
print(sorted([(1, 'b'), (1, 'a'), (0, 'z'), 2.5, 1], key=lambda v: v if isinstance(v, tuple) else (v,)))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(e)
try:
    sorted(['a', 1])
except TypeError as e:
    print(e)
