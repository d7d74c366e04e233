# An uncaught exception raised from another: both tracebacks on stderr joined by the "direct cause" line, exit 1.
def parse(text):
    return int(text)
def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise RuntimeError("could not load " + repr(text)) from e
print("start")
load("12")
print("loaded 12")
load("twelve")
print("never printed")
