# copy: shallow copies share the contents, deep copies copy every object once (shared
# and cyclic structure stays so); tuples of immutable items, frozensets, functions and
# classes are their own copies; __copy__/__deepcopy__ take over; frozen dataclasses and
# exceptions copy; enum members are their own copies; a generator cannot be copied.
import copy
from dataclasses import dataclass, field

a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
a[1].append(99); a[2]["k"].append(5)
print(a, b, c, b[1] is a[1], c[1] is a[1])
t = (1, 2, (3, 4))
print(copy.deepcopy(t) is t, copy.copy(t) is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
cyc = [1]
cyc.append(cyc)
d = copy.deepcopy(cyc)
print(d[1] is d, d is not cyc, d[0])
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is not shared)

class Node:
    def __init__(self, v, children=()):
        self.v = v
        self.children = list(children)
    def __repr__(self): return f"Node({self.v}, {self.children})"

tree = Node(1, [Node(2), Node(3)])
t1 = copy.copy(tree)
t2 = copy.deepcopy(tree)
tree.children.append(Node(4))
print(t1, t2, t1.children is tree.children, type(t2).__name__)

class Custom:
    def __init__(self): self.log = []
    def __copy__(self):
        print("custom copy")
        new = Custom(); new.log = self.log; return new
    def __deepcopy__(self, memo):
        print("custom deepcopy", type(memo).__name__)
        new = Custom(); new.log = copy.deepcopy(self.log, memo); return new
x = Custom()
print(copy.copy(x).log is x.log, copy.deepcopy(x).log is x.log)

@dataclass(frozen=True)
class P:
    x: int
    tags: list = field(default_factory=list)
p = P(1, ["a"])
q = copy.deepcopy(p)
print(q, q == p, q.tags is p.tags, copy.copy(p).tags is p.tags)
s = {1, 2}; fs = frozenset([3])
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(fs) is fs, copy.deepcopy({"a": s}))
e = ValueError("bad", 2)
e.note = "x"
e2 = copy.copy(e)
print(repr(e2), e2.note, e2 is e)
def gen(): yield 1
try:
    copy.copy(gen())
except TypeError as err:
    print("TypeError:", err)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node, copy.Error.__mro__[1].__name__)
from enum import Enum
class Color(Enum):
    RED = 1
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.RED])[0] is Color.RED)
