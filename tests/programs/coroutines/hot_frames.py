# Generator frames parked whole ("hot", the few most recently suspended) and compact
# ("cold", the rest) behave the same: locals, handled exceptions, handler blocks,
# cells, frame attributes, throw, close and close-on-drop. Also the fused forms of
# `gen.send(x)`, `yield local` and a value sent or yielded straight into a local.
import sys


def counter(k):
    total = 0
    while True:
        x = yield total
        total += x * k


# More generators than can be parked whole: resumed in shifting orders.
gens = [counter(k) for k in range(600)]
for g in gens:
    g.send(None)
for rnd in range(3):
    order = range(len(gens)) if rnd % 2 == 0 else range(len(gens) - 1, -1, -1)
    acc = 0
    for i in order:
        acc += gens[i].send(rnd + 1)
    print("round", rnd, acc)
print(gens[5].gi_frame.f_locals, gens[599].gi_frame.f_locals)
print(gens[0].gi_frame.f_lineno, gens[599].gi_frame.f_lasti == gens[0].gi_frame.f_lasti)
# (Each part lets go of its generators, so the next one has both kinds again.)
gens = None


def handler(tag):
    try:
        raise ValueError(tag)
    except ValueError:
        got = yield "in handler " + tag
        print(tag, "resumed with", got, "handling", repr(sys.exc_info()[1]))
    yield "after " + tag


hs = [handler(str(i)) for i in range(300)]
for h in hs:
    h.send(None)
print("outside", sys.exc_info())
for i in (0, 150, 299):
    print(hs[i].send(i))
hs = None


def guarded(n):
    try:
        yield n
        yield n + 1
    finally:
        print("finally", n)


kept = [guarded(i) for i in range(260)]
for g in kept:
    next(g)
# Dropping suspended generators runs their finally blocks, hot or cold.
del kept[258]
del kept[3]
kept[100].close()
print("throw:", end=" ")
try:
    kept[200].throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
# (Closed one by one: CPython drops a list's items last first.)
for g in kept:
    g.close()
kept = None


def closure(a):
    def get():
        return a

    while True:
        a = yield get()


cs = [closure(i) for i in range(270)]
for c in cs:
    next(c)
print(cs[1].send(10), cs[269].send(20), cs[1].send(30))
cs = None


def inner(v):
    got = yield v
    return got * 2


def outer(v):
    r = yield from inner(v)
    print("outer got", r)
    yield r


os_ = [outer(i) for i in range(300)]
for o in os_:
    next(o)
print(type(os_[0].gi_yieldfrom).__name__, os_[299].gi_yieldfrom.gi_frame.f_locals)
print(os_[0].send(7), os_[299].send(8))
print(os_[0].gi_yieldfrom)


def yields_unbound(flag):
    if flag:
        x = 1
    yield x


try:
    next(yields_unbound(False))
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(next(yields_unbound(True)))


class Sender:
    def send(self, v):
        return ("Sender.send", v)


for target in (counter(2), Sender()):
    if not isinstance(target, Sender):
        target.send(None)
    v = 3
    print(target.send(v), target.send(0))


def send_unbound(g):
    try:
        g.send(w)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    w = 1


send_unbound(counter(1))
fresh = counter(1)
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def short():
    yield 1
    return "end"


s = short()
s.send(None)
try:
    s.send(2)
except StopIteration as e:
    print("StopIteration:", e.value)
print(list(x for x in short()))
for x in short():
    print("for", x)
