# contextlib for Baton: context managers made from generators (`contextmanager`,
# `asynccontextmanager`), the small helpers `suppress`, `nullcontext`, `closing`,
# `aclosing`, `redirect_stdout` and `redirect_stderr` (which swap sys.stdout or
# sys.stderr, where print writes), the stacks `ExitStack` and `AsyncExitStack`, and
# the abstract bases `AbstractContextManager` and `AbstractAsyncContextManager`.
# Written in Baton; the behaviour (which exceptions are swallowed, the exception
# contexts, the RuntimeErrors for a generator that misbehaves) follows CPython 3.11's.

import sys as _sys
from abc import ABC as _ABC, abstractmethod as _abstractmethod


class AbstractContextManager(_ABC):
    """An abstract base class for context managers."""

    __slots__ = ()

    def __enter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @_abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


class AbstractAsyncContextManager(_ABC):
    """An abstract base class for asynchronous context managers."""

    __slots__ = ()

    async def __aenter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @_abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


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


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager,
                                ContextDecorator):
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


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                     AsyncContextDecorator):
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


class suppress(AbstractContextManager):
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


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
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


class closing(AbstractContextManager):
    """`with closing(thing) as t:` calls `thing.close()` at the end."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """`async with aclosing(agen) as g:` awaits `agen.aclose()` at the end."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


def _type_path(cls):
    return f'{cls.__module__}.{cls.__qualname__}'


class _BaseExitStack:
    """What ExitStack and AsyncExitStack share: the stack of callbacks, each a pair
    (is_sync, callback(exc_type, exc, tb))."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Preserve the context stack by transferring it to a new instance."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Registers a callback with the standard __exit__ method signature.

        Can suppress exceptions the same way __exit__ method can.
        Also accepts any object with an __exit__ method (registering a call
        to the method instead of the object itself).
        """
        # The method is looked up on the type, as the with statement does.
        exit_method = getattr(type(exit), '__exit__', None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._push_cm_exit(exit, exit_method)
        return exit   # usable as a decorator

    def enter_context(self, cm):
        """Enters the supplied context manager.

        If successful, also pushes its __exit__ method as a callback and
        returns the result of the __enter__ method.
        """
        cls = type(cm)
        enter = getattr(cls, '__enter__', None)
        exit_method = getattr(cls, '__exit__', None)
        if enter is None or exit_method is None:
            raise TypeError(f"'{_type_path(cls)}' object does not support the "
                            f"context manager protocol")
        result = enter(cm)
        self._push_cm_exit(cm, exit_method)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary callback and arguments.

        Cannot suppress exceptions.
        """
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback   # usable as a decorator

    def _push_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        self._exit_callbacks.append((True, _exit_wrapper))


def _fix_exception_context(new_exc, old_exc, frame_exc):
    """Makes the chain of __context__ from `new_exc` (raised by an exit callback) end
    at `old_exc` (what the callbacks were unwinding), as nested with statements
    would have it."""
    while True:
        exc_context = new_exc.__context__
        if exc_context is None or exc_context is old_exc:
            return
        if exc_context is frame_exc:
            break
        new_exc = exc_context
    new_exc.__context__ = old_exc


def _raise_keeping_context(exc):
    """Raises `exc` with the __context__ it has (a bare raise here would set it to
    the exception being handled)."""
    fixed_ctx = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = fixed_ctx
        raise


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks.

    For example:
        with ExitStack() as stack:
            files = [stack.enter_context(open(fname)) for fname in filenames]
            # All opened files will automatically be closed at the end of
            # the with statement, even if attempts to open files later
            # in the list raise an exception.
    """

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = _sys.exc_info()[1]
        # The callbacks run last in, first out, as nested with statements would.
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            _raise_keeping_context(exc_details[1])
        return received_exc and suppressed_exc

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit
    callbacks.

    For example:
        async with AsyncExitStack() as stack:
            connections = [await stack.enter_async_context(get_connection())
                for i in range(5)]
            # All opened connections will automatically be released at the
            # end of the async with statement, even if attempts to open a
            # connection later in the list raise an exception.
    """

    async def enter_async_context(self, cm):
        """Enters the supplied async context manager.

        If successful, also pushes its __aexit__ method as a callback and
        returns the result of the __aenter__ method.
        """
        cls = type(cm)
        enter = getattr(cls, '__aenter__', None)
        exit_method = getattr(cls, '__aexit__', None)
        if enter is None or exit_method is None:
            raise TypeError(f"'{_type_path(cls)}' object does not support the "
                            f"asynchronous context manager protocol")
        result = await enter(cm)
        self._push_async_cm_exit(cm, exit_method)
        return result

    def push_async_exit(self, exit):
        """Registers a coroutine function with the standard __aexit__ method
        signature.

        Can suppress exceptions the same way __aexit__ method can.
        Also accepts any object with an __aexit__ method (registering a call
        to the method instead of the object itself).
        """
        exit_method = getattr(type(exit), '__aexit__', None)
        if exit_method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._push_async_cm_exit(exit, exit_method)
        return exit   # usable as a decorator

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers an arbitrary coroutine function and arguments.

        Cannot suppress exceptions.
        """
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback   # usable as a decorator

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)

    def _push_async_cm_exit(self, cm, cm_exit):
        def _exit_wrapper(exc_type, exc, tb):
            return cm_exit(cm, exc_type, exc, tb)
        self._exit_callbacks.append((False, _exit_wrapper))

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = _sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if is_sync:
                    cb_suppress = cb(*exc_details)
                else:
                    cb_suppress = await cb(*exc_details)
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            _raise_keeping_context(exc_details[1])
        return received_exc and suppressed_exc


class _RedirectStream(AbstractContextManager):
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A list: the same object may be entered again while it is in use.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(_sys, self._stream))
        setattr(_sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(_sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file (any
    object with a write method)."""

    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = 'stderr'
