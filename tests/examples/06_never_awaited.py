# A coroutine destroyed without ever being started gets a RuntimeWarning on stderr
# (Baton also says where it was created). The two fixes: await it, or close it.
# differential: no
# (Baton's warning also names the creation site; CPython's cannot.)


async def save(record):
    print("saved", record)


def forgetful():
    save("a")  # created, never awaited: warned about when it is destroyed


def fix_by_awaiting():
    c = save("b")
    try:
        c.send(None)  # what `await save("b")` does inside a coroutine
    except StopIteration:
        pass


def fix_by_closing():
    c = save("c")
    c.close()  # deliberately discarded: no warning


forgetful()
fix_by_awaiting()
fix_by_closing()
print("done")
