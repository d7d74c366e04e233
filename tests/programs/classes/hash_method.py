# hash(obj) is what the class's __hash__ returns, as it is (so an object hashing as
# the tuple it wraps is found in a dict under that tuple); -1 becomes -2, True is 1, a
# value too big for a machine word is hashed as an int, and a non-int is a TypeError.
class Wrapper:
    def __init__(self, *items):
        self.items = items

    def __hash__(self):
        return hash(self.items)

    def __eq__(self, other):
        return self.items == (other.items if isinstance(other, Wrapper) else other)


class Minus:
    def __hash__(self):
        return -1


class Flag:
    def __hash__(self):
        return True


class Huge:
    def __hash__(self):
        return 2 ** 100


class Bad:
    def __hash__(self):
        return "x"


print(hash(Wrapper(1, 2)) == hash((1, 2)), {(1, 2): "found"}[Wrapper(1, 2)])
print(hash(Minus()), hash(Flag()), hash(Huge()) == hash(2 ** 100))
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
