"""Indexing a list, tuple, str or range with an object that has __index__ (an
IntEnum member, say), in a subscript or a slice bound; __index__ must give an int."""
from enum import IntEnum
class I:
    def __index__(self): return 1
class Bad:
    def __index__(self): return "x"
class Lvl(IntEnum):
    LOW = 0
    HIGH = 1
names = ["low", "high", "max"]
print("abc"[I()], names[I()], (1, 2)[I()], range(5)[I()], names[Lvl.HIGH], names[I():], "abcdef"[I():Lvl.HIGH + 3])
names[I()] = "H"
del names[Lvl.LOW]
print(names)
try:
    names[Bad()]
except TypeError as e:
    print(e)
try:
    names[object()]
except TypeError as e:
    print(e)
