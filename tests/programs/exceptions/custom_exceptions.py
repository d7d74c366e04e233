# Custom exception classes: hierarchies, extra attributes, args/str/repr of exceptions with 0, 1, many args.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name
class WithStr(Exception):
    def __str__(self):
        return "custom str"
for exc in (Exception(), Exception("one"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError(1, 2), AppError("x"), WithStr("ignored"), NotFound("file.txt")):
    print(type(exc).__name__, exc.args, repr(str(exc)), repr(exc))
try:
    raise NotFound("db")
except AppError as e:
    print("caught AppError:", e, e.name, isinstance(e, NotFound))
try:
    raise AppError
except AppError as e:
    print("raised class:", repr(e), e.args)
print(issubclass(NotFound, Exception), issubclass(NotFound, BaseException), issubclass(KeyboardInterrupt, Exception))
for cls in (ZeroDivisionError, KeyError, IndexError, UnboundLocalError, ModuleNotFoundError, RecursionError, NotImplementedError, TimeoutError, StopAsyncIteration, GeneratorExit, SystemExit, OverflowError):
    print(cls.__name__, issubclass(cls, Exception), issubclass(cls, ArithmeticError), issubclass(cls, LookupError), issubclass(cls, RuntimeError))
try:
    raise TypeError("bad type")
except Exception as e:
    e2 = e.with_traceback(None)
    print(e2 is e, e.__traceback__ is not None)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
class Fancy(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
try:
    raise Fancy(404, "missing")
except Fancy as e:
    print(e, e.args, e.code)
