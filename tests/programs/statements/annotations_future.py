# With `from __future__ import annotations` (PEP 563) annotations are not evaluated:
# each one kept in __annotations__ is its source text, spaced and parenthesised as
# CPython writes it back; the others are never evaluated at all.
from __future__ import annotations


class Node:
    children: list[Node]
    parent: Node|None = None
    meta: dict[str,  list[int]]
    quoted: "Node"
    handler: Callable[..., Awaitable[None]]
    arith: (a + b) * c - (d - e)
    flags: 0xFF


def connect(a: Undefined, b: tuple[int, ...] = (), *, timeout: float = 1.0) -> list[Node]:
    pass


print(Node.__annotations__)
print(connect.__annotations__)
total: int = 0
print(__annotations__)


class Holder:
    def __init__(self):
        self.value: NotDefinedAnywhere = 1


print(Holder().value)
