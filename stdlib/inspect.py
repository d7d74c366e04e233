"""inspect: the state queries and type tests of CPython's inspect module, written in
Baton on top of the attributes that generator, coroutine and code objects expose
(cr_running, cr_suspended, cr_frame, gi_*, ag_*, co_flags). States are read, never
stored: the VM's coroutine machinery is their one owner."""

CORO_CREATED = "CORO_CREATED"
CORO_RUNNING = "CORO_RUNNING"
CORO_SUSPENDED = "CORO_SUSPENDED"
CORO_CLOSED = "CORO_CLOSED"

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"

AGEN_CREATED = "AGEN_CREATED"
AGEN_RUNNING = "AGEN_RUNNING"
AGEN_SUSPENDED = "AGEN_SUSPENDED"
AGEN_CLOSED = "AGEN_CLOSED"

CO_OPTIMIZED = 0x1
CO_NEWLOCALS = 0x2
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def _code_flags(obj):
    # Unwrap bound methods, staticmethods and classmethods to the function.
    while hasattr(obj, "__func__"):
        obj = obj.__func__
    code = getattr(obj, "__code__", None)
    if code is None:
        return 0
    return code.co_flags


def isgeneratorfunction(obj):
    return bool(_code_flags(obj) & CO_GENERATOR)


def iscoroutinefunction(obj):
    return bool(_code_flags(obj) & CO_COROUTINE)


def isasyncgenfunction(obj):
    return bool(_code_flags(obj) & CO_ASYNC_GENERATOR)


def isgenerator(obj):
    return type(obj).__name__ == "generator"


def iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


def isasyncgen(obj):
    return type(obj).__name__ == "async_generator"


def isawaitable(obj):
    return iscoroutine(obj) or hasattr(type(obj), "__await__")


def isfunction(obj):
    return type(obj).__name__ == "function"


def ismethod(obj):
    return type(obj).__name__ == "method"


def isclass(obj):
    return isinstance(obj, type)


def ismodule(obj):
    return type(obj).__name__ == "module"


def isframe(obj):
    return type(obj).__name__ == "frame"


def iscode(obj):
    return type(obj).__name__ == "code"


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getasyncgenstate(agen):
    if agen.ag_running:
        return AGEN_RUNNING
    if agen.ag_suspended:
        return AGEN_SUSPENDED
    if agen.ag_frame is None:
        return AGEN_CLOSED
    return AGEN_CREATED


def getcoroutinelocals(coroutine):
    frame = getattr(coroutine, "cr_frame", None)
    if frame is not None:
        return frame.f_locals
    return {}


def getgeneratorlocals(generator):
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}
