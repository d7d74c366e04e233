# types for Baton: the types of the built-in objects that have no builtin name
# (`types.GeneratorType`, `types.CoroutineType`, ...), `SimpleNamespace`, and the
# `coroutine` decorator that makes a generator function awaitable (the generator-based
# coroutines `await` grew out of). Written in Baton; each type is taken from an object
# of it, as CPython's types.py does.
import _asyncio


def _function():
    pass


def _generator():
    yield


async def _coroutine():
    pass


async def _async_generator():
    yield


class _Class:
    def _method(self):
        pass


FunctionType = type(_function)
LambdaType = FunctionType
CodeType = type(_function.__code__)
MethodType = type(_Class()._method)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_asyncio)
GeneratorType = type(_generator())
_made = _coroutine()
CoroutineType = type(_made)
_made.close()
AsyncGeneratorType = type(_async_generator())
FrameType = type(_generator().gi_frame)
NoneType = type(None)
NotImplementedType = type(NotImplemented)
EllipsisType = type(...)
del _made


def coroutine(func):
    """`@types.coroutine`: the generators of the generator function `func` may be
    awaited in an `async def` (what they yield goes out to whoever drives the
    coroutine, as an `__await__`'s does). Anything else is returned as it is."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    _asyncio.iterable_coroutine(func)
    return func


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        items = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return f'{name}({items})'

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return NotImplemented
        return vars(self) == vars(other)
