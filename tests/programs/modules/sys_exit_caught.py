# SystemExit is an exception: it can be caught and inspected; exit(None)/exit(0) codes; raising SystemExit directly.
import sys
for arg in (None, 0, 5, "text"):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print("caught SystemExit", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code)
try:
    raise SystemExit(7)
except BaseException as e:
    print(type(e).__name__, e.code, isinstance(e, Exception))
print("exiting with 0 now")
sys.exit(0)
