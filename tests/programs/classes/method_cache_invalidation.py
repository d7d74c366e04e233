# The run loop remembers which method a call site found on a class, and where an
# attribute sits in an instance's dict. Changing the class, shadowing a method on the
# instance, or reordering the instance's attributes must be seen at once.


class A:
    def who(self):
        return "A.who"


class B(A):
    pass


def call_who(objs):
    return [o.who() for o in objs]


a, b = A(), B()
print(call_who([a, b, a]))

# Replace the method on the base class: both call sites see it.
A.who = lambda self: "patched"
print(call_who([a, b]))

# Override in the subclass only.
B.who = lambda self: "B.who"
print(call_who([a, b]))

# Delete the override: B falls back to A again.
del B.who
print(call_who([a, b]))

# An instance attribute shadows the method.
b.who = lambda: "instance attribute"
print(call_who([a, b]))

# Many classes created in a loop, each with its own method, through one call site.
def make(i):
    class C:
        def who(self):
            return i
    return C()


print([make(i).who() for i in range(5)])


class P:
    def __init__(self, first):
        if first:
            self.x = 1
            self.y = 2
        else:
            self.y = 20
            self.x = 10


def read(p):
    return p.x, p.y


# The same attribute at different positions in different instances.
print([read(P(k % 2 == 0)) for k in range(4)])
q = P(True)
del q.x
q.x = 99
print(read(q))

# list methods through the same call site as user methods
def append_all(target, n):
    for k in range(n):
        target.append(k)
    return target


class Sink:
    def __init__(self):
        self.items = []

    def append(self, v):
        self.items.append(v * 10)


print(append_all([], 3), append_all(Sink(), 3).items)
