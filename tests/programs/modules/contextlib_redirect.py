# contextlib.redirect_stdout and redirect_stderr: print inside the block goes to the
# given object's write method (the with target is that object), the old stream comes
# back afterwards (also after an exception, and after re-entering the same manager),
# and ExitStack can hold one.
import sys
from contextlib import redirect_stdout, redirect_stderr, ExitStack

class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass

original = sys.stdout
cap = Capture()
with redirect_stdout(cap) as target:
    print("hidden", 42)
    print("second", end="!")
print("target is cap:", target is cap, cap.parts)

err = Capture()
with redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print(err.parts)

again = redirect_stdout(cap)
with again:
    with again:
        print("nested")
print("restored:", sys.stdout is original, cap.parts[-2:])

with ExitStack() as stack:
    stack.enter_context(redirect_stdout(cap))
    print("via the stack")
print(cap.parts[-2:])

try:
    with redirect_stdout(cap):
        raise ValueError("inside")
except ValueError as e:
    print("after", repr(e), "restored:", sys.stdout is original)
