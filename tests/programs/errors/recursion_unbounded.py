# Unbounded recursion raises RecursionError (caught), the program continues; then again uncaught: traceback, exit 1.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
def up(n):
    return 1 + up(n)
print("still alive")
up(0)
