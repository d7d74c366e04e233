"""More of sys: the modules imported so far, the exception being handled
(sys.exception(), new in 3.11), and the interpreter's constants."""
import sys
import math

print("math" in sys.modules, sys.modules["math"] is math, type(sys.modules).__name__)
print("json_never_imported" in sys.modules)
print(sys.maxunicode, sys.byteorder, hex(sys.hexversion), sys.getdefaultencoding())
print(sys.intern("name") == "name", type(sys.path).__name__, type(sys.executable).__name__)
print(sys.exception())
try:
    {}["missing"]
except KeyError:
    print(repr(sys.exception()), sys.exc_info()[0].__name__)
print(sys.exception())
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno())
try:
    sys.stdin.write("x")
except OSError as e:
    print(e)
