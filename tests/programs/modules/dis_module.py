# The dis module shows Baton's own bytecode (not CPython's) for a function; the
# suspension point of a generator is marked so f_lasti can be matched to it.
# differential: no
# (Baton prints its own bytecode, not CPython's.)
import dis


def add_one(a):
    return a + 1


def counter(n):
    while n > 0:
        yield n
        n -= 1


dis.dis(add_one)
dis.dis(counter)
g = counter(2)
next(g)
print("suspended at instruction", g.gi_frame.f_lasti, "line", g.gi_frame.f_lineno)
