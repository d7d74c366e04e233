# dataclasses: @dataclass reads a class's annotated fields and adds __init__, __repr__,
# __eq__, ordering, hashing by CPython's table and frozen instances; field() options,
# InitVar and __post_init__, KW_ONLY, inheritance, and fields/asdict/astuple/replace,
# with the TypeErrors and ValueErrors CPython's generated code raises.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, KW_ONLY
from typing import ClassVar, List, Optional

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {'z': 2}), ((1,), {'x': 2}), ((), {'y': 1})]:
    try:
        Point(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
try: hash(p)
except TypeError as e: print("TypeError:", e)
print(Point.__match_args__, [f.name for f in fields(Point)], is_dataclass(p), is_dataclass(Point), is_dataclass(3))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: tuple = ()

v = Version(1, 2)
print(sorted([Version(2), Version(1, 5), v]), hash(v) == hash(Version(1, 2)), v < Version(1, 3))
try:
    v.major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del v.minor
except AttributeError as e:
    print(type(e).__name__, e)

@dataclass
class Inventory:
    items: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False)
    total: ClassVar[int] = 0
    secret: str = field(default="s", compare=False)

a, b = Inventory(), Inventory()
a.items.append("apple")
print(a, b, a == Inventory(["apple"], 5, "x"), Inventory.total, [f.name for f in fields(a)])
print(asdict(a), astuple(a))
print(replace(a, count=3))

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    parent: Optional["Node"] = None

root = Node(1)
child = Node(2, parent=None)
root.children.append(child)
print(asdict(root))

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale):
        self.b = self.a * scale

w = WithPost(3)
print(w, WithPost(3, 5), [f.name for f in fields(w)])

@dataclass
class Base:
    x: int
    y: int = 1

@dataclass
class Derived(Base):
    z: int = 5
    x: int = 10

print(Derived(), Derived(1, 2, 3), Derived.__match_args__)

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int

print(Opts(level=3))
try: Opts(3)
except TypeError as e: print("TypeError:", e)

@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3

print(Mixed(1, b=2))
try: Mixed(1, 2)
except TypeError as e: print("TypeError:", e)

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    @dataclass
    class Bad2:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)

@dataclass(eq=False)
class Ident:
    n: int
print(Ident(1) == Ident(1), hash(Ident(1)) is not None)

@dataclass(unsafe_hash=True)
class H:
    n: int
print(hash(H(5)) == hash((5,)))

@dataclass
class Rec:
    me: object = None
r = Rec()
r.me = r
print(r)

@dataclass(repr=False)
class NoRepr:
    a: int
print(repr(NoRepr(1)).startswith("<"))

class Custom:
    pass
@dataclass
class WithRepr:
    a: int
    def __repr__(self): return "custom"
print(WithRepr(1))
import dataclasses
print(repr(fields(Point)[0]).replace(hex(id(dataclasses.MISSING)), "<MISSING>"))
try: fields(3)
except TypeError as e: print("TypeError:", e)
print(Point.__init__.__qualname__, Point.__repr__.__name__)
print(Point.__dataclass_params__)
