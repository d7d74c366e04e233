# Scopes: global and nonlocal declarations, closures over loop variables, UnboundLocalError.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
    middle()
    return x
print(outer())
def define_global():
    global created_later
    created_later = "made inside"
define_global()
print(created_later)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
y = "global y"
def shadow():
    print(y)
    y = "local"
try:
    shadow()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def reads_global():
    return y
print(reads_global())
