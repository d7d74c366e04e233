# Printing the traceback of an uncaught KeyError calls repr() of its key; that __repr__ raises, so the last line is "KeyError: <exception str() failed>"; exit 1.
class BadRepr:
    def __repr__(self):
        raise ValueError("repr is broken")
print("about to fail")
raise KeyError(BadRepr())
