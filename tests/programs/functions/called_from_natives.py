# Baton functions called by built-ins: sort and min/max keys, map's and filter's
# function, a Future's done-callback. Each call runs the function's frame to its
# return and hands the value back to the built-in; an exception raised inside comes
# out of the built-in call with its traceback.
import asyncio


def key(word):
    return (len(word), word)


words = ["pear", "fig", "banana", "kiwi", "apple"]
print(sorted(words, key=key))
print(min(words, key=key), max(words, key=key))
print(list(map(len, words)))
print(list(map(lambda w: w.upper(), words)))
print(list(filter(lambda w: "a" in w, words)))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))


# A key that sorts inside itself: the native calls nest.
def inner_sorted(xs):
    return sorted(xs, key=lambda x: -x)


print(sorted([[3, 1, 2], [0], [9, 8]], key=inner_sorted))


# A key that returns from inside try/finally and from an except handler.
def careful(x):
    try:
        if x % 2:
            raise ValueError(x)
        return x
    except ValueError:
        return -x
    finally:
        pass


print(sorted(range(6), key=careful))


# A key that raises: the error comes out of sorted().
def bad(x):
    if x == 3:
        raise KeyError(x)
    return x


try:
    sorted(range(5), key=bad)
except KeyError as e:
    print("KeyError", e)


# Deep recursion inside a key reaches RecursionError, and the program goes on.
def deep(n):
    return n if n == 0 else deep(n - 1)


try:
    print(sorted([1, 2], key=lambda x: deep(100000)))
except RecursionError as e:
    print("RecursionError", e)
print(sorted([3, 1, 2], key=lambda x: deep(50)))


# A generator function as map's function makes generators (not a plain call).
def gen(x):
    yield x
    yield x * 10


print([list(g) for g in map(gen, [1, 2])])


# Done-callbacks run by the event loop, with the Future as their one argument.
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    seen = []

    def on_done(f):
        seen.append(f.result())
        return "ignored"

    fut.add_done_callback(on_done)
    fut.add_done_callback(lambda f: seen.append(f.done()))
    fut.set_result(42)
    await asyncio.sleep(0)
    print(seen)


asyncio.run(main())
