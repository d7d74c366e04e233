# BaseException.add_note (Python 3.11): each note is appended to the exception's
# `__notes__` list, which the first note creates; a note must be a str. An uncaught
# exception prints its notes after its `Type: message` line, one line of output per
# line of note (a note ending in a line break leaves an empty line; a note whose str()
# fails shows as "<note str() failed>"), in every exception of a chain.


class Config:
    def __init__(self, text):
        self.text = text

    def __str__(self):
        return f"config: {self.text}"


e = ValueError("bad port")
print(hasattr(e, "__notes__"))
print(e.add_note("while reading settings.ini"))
print(e.__notes__)
e.add_note("line 2 of the note\nline 3")
print(e.__notes__)

# Only a str may be a note.
for bad in (5, None, Config("x")):
    try:
        e.add_note(bad)
    except TypeError as err:
        print("TypeError:", err)

# `__notes__` is an ordinary attribute: a program may replace it, but add_note
# needs a list there.
e.__notes__ = ("a", "tuple")
try:
    e.add_note("more")
except TypeError as err:
    print("TypeError:", err)
del e.__notes__
e.add_note("fresh list")
print(e.__notes__)

# Notes travel with the exception through raise and except.
def parse(text):
    try:
        return int(text)
    except ValueError as err:
        err.add_note(f"parsing {text!r}")
        raise


try:
    parse("12x")
except ValueError as err:
    print(err, err.__notes__)


# Uncaught: every exception of the chain shows its notes.
class Unprintable:
    def __str__(self):
        raise RuntimeError("no")


def load(name):
    try:
        parse(name)
    except ValueError as err:
        err.add_note("the value came from the command line")
        err.__notes__.append(Unprintable())
        err.add_note("a note that ends in a line break\n")
        problem = KeyError(name)
        problem.add_note(str(Config(name)))
        raise problem from err


load("eleven")
