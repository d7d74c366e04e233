# A name that is not a global is looked up among the builtins; the run loop remembers
# where it found it. A global of the same name, made or deleted later, still comes
# first, and a name that is neither stays a NameError.


def size(x):
    return len(x)


def count():
    return sum(range(5))


for _ in range(3):
    print(size([1, 2, 3]), count())

len = lambda x: "shadowed"
print(size([1, 2, 3]))
del len
print(size([1, 2, 3]))


def sum(xs):
    return "my sum"


print(count())
del sum
print(count())


gone = 1
del gone


def missing():
    return gone


for _ in range(2):
    try:
        missing()
    except NameError as e:
        print("NameError:", e)
