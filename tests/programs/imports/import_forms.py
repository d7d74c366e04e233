# Importing a module beside the script: import, import as, from-import with aliases; modules load once and share state.
import shapes
import shapes as sh
from shapes import area, Square as Sq, bump
print(shapes.PI, sh is shapes, area(2), Sq(3).area())
print(bump(), bump(), shapes.counter, sh.counter)
import shapes
print(shapes.counter, shapes.__name__, type(shapes).__name__)
from shapes import _private
print(_private)
import math, sys
print(math.floor(2.5), len(sys.argv))
try:
    from shapes import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(__name__)
