# Found by tools/progen.py after merging main (seed 1, program 0): the fast path called
# print before serving the finalizer of a generator dropped with list()'s arguments.
def gen3(n):
    try:
        for i in range(n):
            got = yield i * 1
    finally:
        print('gen finally', n)
print(list(zip('abc', gen3(5))))
x = [1 for _ in range(3)]
print(x, list(zip('abc', gen3(5))))
