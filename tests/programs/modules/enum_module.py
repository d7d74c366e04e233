# enum: members made from the class body (aliases for repeated values, auto()), looked
# up by value and by name, iterated in order; methods and _missing_ on enums; IntEnum
# and StrEnum members computing and comparing as their values; unique(); the errors
# CPython raises.
from enum import Enum, auto, unique, IntEnum, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
    def describe(self):
        return f"{self.name} is {self.value}"
    @classmethod
    def default(cls): return cls.RED
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(1), Color['GREEN'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, type(Color.RED), isinstance(Color.RED, Color))
print(Color.__members__)
print(Color.RED.describe(), Color.default(), f"{Color.BLUE}", "{}".format(Color.BLUE), str(Color.BLUE))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED))
try: Color(7)
except ValueError as e: print(e)
try: Color['NOPE']
except KeyError as e: print(repr(e))
try: Color.RED < Color.BLUE
except TypeError as e: print(e)
try:
    class More(Color): PURPLE = 4
except TypeError as e: print(e)
class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
print(list(Shape), Shape.CIRCLE.value)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e: print(e)
class P(IntEnum):
    LOW = 1
    HIGH = 3
print(P.HIGH > P.LOW, P.HIGH == 3, P.HIGH + 1, sorted([P.HIGH, P.LOW]), int(P.HIGH), repr(P.LOW), str(P.LOW), f"{P.LOW}")
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value, Planet((3.303e+23, 2.4397e6)))
print(Color.RED.__class__.__name__, repr(Color), str(Color))
for c in Color: print(c.name, end=" ")
print()
print(dict((c.name, c.value) for c in Shape))
print(Color._member_names_, list(Color.__members__.keys()))
class Status(Enum):
    ACTIVE = "active"
    @classmethod
    def _missing_(cls, value):
        return cls.ACTIVE if value == "on" else None
print(Status("on"), Status("active"))
try: Status("x")
except ValueError as e: print(e)

class Base(Enum):
    def describe(self):
        return f"{type(self).__name__}:{self.name.lower()}"

class State(Base):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()

print([s.describe() for s in State], State(2), State.DONE.value)
transitions = {State.IDLE: State.RUNNING, State.RUNNING: State.DONE}
s = State.IDLE
while s in transitions:
    print(s.name, "->", transitions[s].name)
    s = transitions[s]

class Colour(StrEnum):
    RED = auto()
    GREEN = "green"

print(Colour.RED, repr(Colour.RED), Colour.RED == "red", Colour.GREEN.upper(), f"[{Colour.RED:>6}]", "red" in {Colour.RED})
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)

class Level(IntEnum):
    DEBUG = 10
    INFO = 20
    WARN = "30"

print(Level.WARN, Level.WARN.value, Level.INFO >= 20, max(Level), Level(10), [l.name for l in sorted(Level, reverse=True)])
print(Level.INFO * 2, 5 + Level.DEBUG, {10: "ten"}[Level.DEBUG], f"{Level.INFO:04d}")

class Lists(Enum):
    A = [1]
    B = [2]
print(Lists([2]), Lists.A.value)

class Odd(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 42
try:
    Odd(5)
except TypeError as e:
    print("TypeError:", e)

print(len(State), list(reversed(list(State))), State.IDLE in State)
print(State["RUNNING"] is State.RUNNING, isinstance(State.IDLE, Base), State.IDLE is not State.DONE)
print(Colour(Colour.RED) is Colour.RED)
