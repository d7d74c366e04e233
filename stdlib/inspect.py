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
    # A coroutine, an object with __await__, or a generator of a @types.coroutine
    # function (CO_ITERABLE_COROUTINE, 0x100).
    return (iscoroutine(obj) or hasattr(type(obj), "__await__")
            or (isgenerator(obj) and bool(obj.gi_code.co_flags & 0x100)))


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


def _state(running, suspended, frame, states):
    # CPython's order of tests: running, then suspended, then closed (no frame).
    if running:
        return states[1]
    if suspended:
        return states[2]
    if frame is None:
        return states[3]
    return states[0]


def getcoroutinestate(coroutine):
    return _state(coroutine.cr_running, coroutine.cr_suspended, coroutine.cr_frame,
                  (CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED, CORO_CLOSED))


def getgeneratorstate(generator):
    return _state(generator.gi_running, generator.gi_suspended, generator.gi_frame,
                  (GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED))


def getasyncgenstate(agen):
    return _state(agen.ag_running, agen.ag_suspended, agen.ag_frame,
                  (AGEN_CREATED, AGEN_RUNNING, AGEN_SUSPENDED, AGEN_CLOSED))


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


def currentframe():
    """The frame object of the caller."""
    import sys
    return sys._getframe(1)


def getframeinfo(frame, context=1):
    """(filename, lineno, function, code_context, index) for a frame, as a tuple
    with those names (the source lines are not read: code_context is None)."""
    code = frame.f_code
    return FrameInfo(code.co_filename, frame.f_lineno, code.co_name, None, None)


class FrameInfo:
    """What getframeinfo() gives: a tuple of five with names."""

    def __init__(self, filename, lineno, function, code_context, index):
        self._values = (filename, lineno, function, code_context, index)
        self.filename, self.lineno, self.function = filename, lineno, function
        self.code_context, self.index = code_context, index

    def __getitem__(self, i):
        return self._values[i]

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return 5

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return (f"Traceback(filename={self.filename!r}, lineno={self.lineno!r}, "
                f"function={self.function!r}, code_context={self.code_context!r}, "
                f"index={self.index!r})")
