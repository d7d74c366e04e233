# An uncaught exception whose str() itself raises: CPython prints "<exception str() failed>" and exits 1.
class Weird(Exception):
    def __str__(self):
        raise RuntimeError("str is broken")
class BadRepr:
    def __repr__(self):
        raise ValueError("repr is broken")
try:
    print(repr(BadRepr()))
except ValueError as e:
    print("ValueError:", e)
try:
    print([BadRepr()])
except ValueError as e:
    print("ValueError in list repr:", e)
print("raising Weird")
raise Weird("payload")
