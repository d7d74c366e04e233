# The OSError family: OSError(errno, strerror) makes the subclass for a known errno
# (2 is FileNotFoundError, 111 ConnectionRefusedError, ...), with errno, strerror
# and filename attributes and CPython's "[Errno N] text: 'file'" message; the
# connection errors share ConnectionError as a base; IOError and EnvironmentError are
# OSError's old names.
for exc in [OSError(2, "No such file"), OSError("plain"), OSError(111, "Connection refused"),
            OSError(99999, "unknown errno"), FileNotFoundError(2, "No such file or directory", "x.txt"),
            PermissionError("denied"), OSError(1, 2, 3, 4, 5, 6), OSError(13, "Permission denied", "a", None, "b")]:
    print(type(exc).__name__, "|", exc, "|", repr(exc), "|", exc.args)

e = ConnectionResetError(104, "reset")
print(e.errno, e.strerror, e.filename, isinstance(e, ConnectionError), isinstance(e, OSError))
print(IOError is OSError, EnvironmentError is OSError, OSError("x").errno)
print([c.__name__ for c in ConnectionRefusedError.__mro__])
print(issubclass(BrokenPipeError, ConnectionError), issubclass(TimeoutError, OSError),
      issubclass(FloatingPointError, ArithmeticError), issubclass(FutureWarning, Warning))


class ServiceDown(ConnectionError):
    def __init__(self, host):
        super().__init__(111, "Connection refused")
        self.host = host


try:
    raise ServiceDown("db.local")
except OSError as e:
    print("caught", type(e).__name__, e.host, e.errno, e)

try:
    raise FileExistsError(17, "File exists", "out.log")
except FileExistsError as e:
    print(e.filename, e)
raise ConnectionAbortedError(103, "Software caused connection abort")
