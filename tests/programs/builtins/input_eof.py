# input() with stdin closed (the harness gives /dev/null): EOFError with CPython's message.
try:
    line = input()
    print("read", repr(line))
except EOFError as e:
    print("EOFError:", e)
