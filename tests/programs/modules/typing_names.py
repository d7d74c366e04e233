# typing: the names an annotated program imports, as annotations and as values:
# aliases, casts, TypeVars and base classes. They print and compare as CPython
# 3.11's, and refuse to be instantiated; a generic class subscripted is an alias.
import typing as t
from typing import Optional, List, Dict, Any, Callable, TypeVar, Generic, Union, Awaitable
import asyncio
T = t.TypeVar('T')
class Foo: pass
print(t.Any, t.Optional[int], t.Union[int,str], t.Union[int,None], t.Union[int], t.List, t.List[int], t.Dict[str, t.List[Foo]], t.Callable[[int,str],bool], t.Callable[...,int], t.Tuple[int,...], T, t.Awaitable[int], t.Coroutine[t.Any,t.Any,int], t.Optional[t.List[int]], t.Literal['a',1], t.ClassVar[int], t.Final[int], t.Union[int, t.Union[str, int]], t.Optional[None], t.Type[Foo], t.NoReturn, t.Iterator[int], t.AsyncIterator[str], t.Set[int], t.Sequence[int], t.Mapping[str,int], t.Tuple[()])
print(t.cast(int, 'x'), t.TYPE_CHECKING)
try: t.List()
except TypeError as e: print(e)
try: t.Union[int, str]()
except TypeError as e: print(e)
print(t.List[int] == t.List[int], t.Optional[int] == t.Union[None, int])
Json = Dict[str, Any]
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()
s = Stack[int]()
print(Stack[int], Stack[int] == Stack[int], type(s).__name__)
s.push(1); s.push(2)
print(s.pop(), Json)
Handler = Callable[[str], Awaitable[None]]
async def handle(msg: str) -> None:
    print("handled", msg)
async def main(h: Handler, retries: Optional[int] = None) -> Union[int, str]:
    await h("hi")
    return retries or "none"
print(asyncio.run(main(handle)))
print(int | t.List[int], t.Optional[int] | None, t.List[str] | int)
