# Attribute loads and stores through the run loop's caches, on classes that have
# properties and class-level defaults: a property always wins over the instance dict,
# an instance value shadows a class default, and changing a class afterwards is seen.
class Base:
    state = "PENDING"
    count = 0

    def __init__(self):
        self.size = 1

    @property
    def doubled(self):
        return self.size * 2


class Child(Base):
    @property
    def state(self):
        return "child:" + Base.state


def read(o):
    return (o.size, o.doubled, o.state, o.count)


b = Base()
c = Child()
for _ in range(3):
    print(read(b), read(c))
b.state = "DONE"
b.count += 5
print(read(b), read(c))
Base.count = 100
print(read(Base()), read(c))
Base.size_label = property(lambda self: "size=" + str(self.size))
for o in (b, c):
    print(o.size_label)
try:
    c.state = "x"
except AttributeError as e:
    print("AttributeError:", e)
Child.state = "plain now"
print(c.state, b.state)
del b.state
print(b.state)
for _ in range(3):
    b.size += 1
    print(b.size, b.doubled)
