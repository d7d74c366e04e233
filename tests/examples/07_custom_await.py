# Any object whose __await__ returns an iterator can be awaited. What its
# iterator yields travels out to whoever drives the outermost coroutine, and what
# is sent comes back in.


class Request:
    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield ("please", self.what)
        return reply.upper()


async def handler():
    a = await Request("name")
    b = await Request("city")
    return a + " from " + b


coro = handler()
message = coro.send(None)
answers = {"name": "ada", "city": "london"}
try:
    while True:
        print("driver got", message)
        message = coro.send(answers[message[1]])
except StopIteration as stop:
    print("handler returned", stop.value)


class NotAwaitable:
    pass


async def bad():
    await NotAwaitable()


try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)
