# json's errors: every malformed document raises json.JSONDecodeError (a ValueError)
# whose message names the problem and where it is -- "line L column C (char P)" -- and
# which keeps msg, doc, pos, lineno and colno. Input that is not text is a TypeError.
import json

bad = [
    "",                      # Expecting value
    "[1, 2",                 # Expecting ',' delimiter
    "[1, 2,]",               # Expecting value (no trailing commas)
    "[1 2]",                 # Expecting ',' delimiter
    "{'a': 1}",              # Expecting property name enclosed in double quotes
    '{"a": 1,}',             # Expecting property name enclosed in double quotes
    '{"a" 1}',               # Expecting ':' delimiter
    '{"a": 1 "b": 2}',       # Expecting ',' delimiter
    '"abc',                  # Unterminated string starting at
    '"tab\there"',           # Invalid control character at
    r'"\x41"',               # Invalid \escape
    r'"\u12"',               # Invalid \uXXXX escape
    r'"\u12G4"',             # Invalid \uXXXX escape
    "[1] extra",             # Extra data
    "tru",                   # Expecting value
    "-",                     # Expecting value
    "01",                    # Extra data (no leading zeros)
    ".5",                    # Expecting value
    "1.",                    # Extra data
    "\ufeff[]",              # Unexpected UTF-8 BOM
    '{\n  "a": 1,\n  "b": oops\n}',
]
for doc in bad:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(f"{doc!r:28} {e}")

# The fields of the error.
try:
    json.loads('{\n  "key": [1, 2,, 3]\n}')
except ValueError as e:
    print(type(e).__name__, isinstance(e, ValueError))
    print(repr(e.msg), e.pos, e.lineno, e.colno)
    print(e.doc.splitlines()[e.lineno - 1])
    print(" " * (e.colno - 1) + "^")

# raw_decode: a position past the end, and a negative one.
decoder = json.JSONDecoder()
try:
    decoder.raw_decode("[1]", 5)
except json.JSONDecodeError as e:
    print(e)
try:
    decoder.raw_decode("[1]", -1)
except ValueError as e:
    print("ValueError:", e)

# Only text can be decoded.
for value in [42, None, ["[]"]]:
    try:
        json.loads(value)
    except TypeError as e:
        print("TypeError:", e)

# JSONDecodeError can be raised by hand, too.
err = json.JSONDecodeError("Custom problem", "line one\nline two", 12)
print(err, err.args)
print(json.JSONDecodeError.__mro__[1].__name__, json.JSONDecodeError.__module__)
