# Shadowing builtins: a global `print = None` hides the builtin, `del print` restores it; locals shadow too; len rebinding.
import sys
saved = print
print = None
try:
    print("x")
except TypeError as e:
    sys.stdout.write("TypeError: " + str(e) + "\n")
del print
print("builtin print is back", print is saved)
def len(x):
    return "my len"
print(len([1, 2, 3]))
del len
print(len([1, 2, 3]))
def local_shadow():
    str = lambda x: "shadowed"
    return str(5)
print(local_shadow(), str(5))
list = tuple
print(list([1, 2]))
del list
print(list((1, 2)))
try:
    del range
except NameError as e:
    print("NameError:", e)
True_ = True
print(True_, None is None)
