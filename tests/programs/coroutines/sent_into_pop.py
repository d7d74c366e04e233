# A value sent down an await / yield-from chain into a frame whose `yield` is a
# statement is dropped there (the run loop skips that frame's Pop): the frame goes
# on as if it had popped it, at a jump target or not, in a loop, inside try, with
# the value an object, and with throw and close arriving at the same yields.


class Box:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Box(" + str(self.v) + ")"


class Tick:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield self.v
        yield self.v + 1
        return self.v * 2


async def step(i):
    r = await Tick(i)
    return r + 1


async def runner(n, log):
    i = 0
    while i < n:
        log.append(await step(i))
        i += 1
    return "runner done"


log = []
c = runner(3, log)
out = [c.send(None)]
try:
    while True:
        out.append(c.send(Box(len(out))))
except StopIteration as e:
    print("runner returned", e.value)
print(out, log)


def inner_loop(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "inner done " + str(i)


def outer(n):
    r = yield from inner_loop(n)
    yield r
    return r


g = outer(3)
print(next(g), g.send("a"), g.send(Box(1)), g.send([1, 2]))
try:
    g.send("x")
except StopIteration as e:
    print("outer returned", e.value)


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("guarded caught", e)
        yield "after"
    finally:
        print("guarded finally")


def delegate():
    yield from guarded()
    return "delegate done"


d = delegate()
print(next(d), d.send(Box(5)))
print(d.throw(ValueError("boom")))
d.close()
print("closed")


def last_yield():
    yield "only"


def wrapper():
    x = yield from last_yield()
    print("wrapper got", x)
    return "w"


w = wrapper()
print(next(w))
try:
    w.send(Box(9))
except StopIteration as e:
    print("wrapper returned", e.value)


def gen_frame_locals():
    a = 1
    yield a
    b = 2
    yield b


def over_frame():
    yield from gen_frame_locals()


o = over_frame()
print(next(o))
print(o.gi_yieldfrom.gi_frame.f_locals)
print(o.send("dropped"), o.gi_yieldfrom.gi_frame.f_locals)
