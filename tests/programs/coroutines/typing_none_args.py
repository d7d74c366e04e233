# A None among a typing alias's arguments stands for type(None), as in CPython, so
# the annotations of coroutines and generators that return nothing print with
# NoneType: typing.AsyncGenerator[int, NoneType], typing.Callable[[int],
# typing.Awaitable[NoneType]]. Optional[X] is still printed as Optional, Literal
# keeps None as it is, and Optional[None] is NoneType itself.
from typing import (Annotated, Any, AsyncGenerator, AsyncIterator, Awaitable, Callable,
                    ClassVar, Coroutine, Dict, Generator, List, Literal, Optional, Tuple,
                    Union)
import asyncio

Handler = Callable[[str], Awaitable[None]]
Ticker = AsyncGenerator[int, None]


async def ticks(n: int) -> Ticker:
    for i in range(n):
        yield i


async def handle(msg: str) -> None:
    print("handled", msg)


def countdown(n: int) -> Generator[int, None, None]:
    while n:
        yield n
        n -= 1


print(Handler)
print(Ticker)
print(ticks.__annotations__)
print(handle.__annotations__)
print(countdown.__annotations__["return"])
print(Coroutine[Any, Any, None], AsyncIterator[None])
print(Callable[..., None], Callable[[], None], Callable[[None], int])
print(Dict[str, None], List[None], Tuple[None, ...], Tuple[int, None])
print(Optional[int], Union[int, None], Union[None, int], Union[int, str, None])
print(Optional[Dict[str, None]], Optional[None])
print(Literal[None], Literal["a", None], Annotated[None, "unit"], ClassVar[None])
print(Union[int, None] == Optional[int], Dict[str, None] == Dict[str, type(None)])


async def main(h: Handler) -> None:
    async for t in ticks(2):
        await h(f"tick {t}")
    print(list(countdown(3)))


asyncio.run(main(handle))
