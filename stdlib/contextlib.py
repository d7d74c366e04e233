# contextlib for Baton: context managers made from generators (`contextmanager`,
# `asynccontextmanager`), and the small helpers `suppress`, `nullcontext`, `closing`
# and `aclosing`. Written in Baton; the behaviour (which exceptions are swallowed, the
# RuntimeErrors for a generator that misbehaves) follows CPython 3.11's contextlib.


class ContextDecorator:
    """A context manager that can also decorate a function: each call runs inside a
    fresh copy of the manager (`_recreate_cm`)."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator:
    """ContextDecorator for async context managers and coroutine functions."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorContextManagerBase:
    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func = func
        self.args = args
        self.kwds = kwds

    def _recreate_cm(self):
        # A decorated function gets a new generator for each call.
        return self.__class__(self.func, self.args, self.kwds)


def _after_throw(exc, value, traceback, stop):
    """What `__exit__` returns when the exception `value` from the `with` body, thrown
    into the generator, made it raise `exc`: True (swallowed), False (the original
    goes on), or None (`exc` is a new error, to be raised)."""
    if isinstance(exc, stop):
        # The generator caught it and finished: swallowed, unless what stopped it is
        # the StopIteration the body raised.
        return exc is not value
    if exc is value:
        exc.__traceback__ = traceback
        return False
    # A StopIteration raised in the body comes back out of a generator as the
    # RuntimeError of PEP 479: the original goes on.
    if (isinstance(exc, RuntimeError) and isinstance(value, (StopIteration, StopAsyncIteration))
            and exc.__cause__ is value):
        value.__traceback__ = traceback
        return False
    return None


class _GeneratorContextManager(_GeneratorContextManagerBase, ContextDecorator):
    """What a `@contextmanager` function returns."""

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except BaseException as exc:
            swallowed = _after_throw(exc, value, traceback, StopIteration)
            if swallowed is None:
                raise
            return swallowed
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AsyncContextDecorator):
    """What an `@asynccontextmanager` function returns."""

    async def __aenter__(self):
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except BaseException as exc:
            swallowed = _after_throw(exc, value, traceback, StopAsyncIteration)
            if swallowed is None:
                raise
            return swallowed
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """`@contextmanager`: a generator function that yields once becomes a function
    returning a context manager; the code before the yield is `__enter__`, the code
    after it `__exit__` (an exception in the body is raised at the yield)."""
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """`@asynccontextmanager`: the same for an async generator function and
    `async with`."""
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class suppress:
    """`with suppress(KeyError): ...`: the listed exceptions end the block quietly."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            match, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


class nullcontext:
    """A context manager that does nothing, for `with` or `async with`; its value is
    `enter_result`."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class closing:
    """`with closing(thing) as t:` calls `thing.close()` at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    """`async with aclosing(agen) as g:` awaits `agen.aclose()` at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()
