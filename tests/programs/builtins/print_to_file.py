# print(file=...) writes to any object with a write method: each argument, each
# separator and the end go to write() one at a time, and flush=True calls flush().
import sys


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
print("a", 1, [2], sep="-", end="!\n", file=c)
print(file=c)
print("x", "y", sep="", file=c, flush=True)
print(c.parts)
print("".join(p for p in c.parts if p != "<flush>"), end="")
print("to stdout", file=None)
print("to stdout too", file=sys.stdout)
try:
    print("nowhere", file=5)
except AttributeError as e:
    print("AttributeError:", e)


class NoFlush:
    def write(self, text):
        pass


try:
    print("x", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError:", e)
