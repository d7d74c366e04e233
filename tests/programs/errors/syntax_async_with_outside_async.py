# `async with` in a plain function is a SyntaxError, reported before anything runs.
# CPython underlines the whole statement; as it goes on over several lines, the
# marker runs to the end of its first line.
print("this line must not run")


def refresh(lock, cache, load):
    async with lock:
        cache.clear()
        cache.update(load())
