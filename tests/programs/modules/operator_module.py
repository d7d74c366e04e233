# operator: the operators as functions, and itemgetter, attrgetter and methodcaller
# (for sort keys and reduce), with CPython's reprs and errors.
import operator
from operator import itemgetter, attrgetter, methodcaller, add, mul
from functools import reduce
print(itemgetter(1), itemgetter(1, "a"), attrgetter("x.y"), methodcaller("f", 1, k=2))
rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 5.25)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0, 2)), max(rows, key=itemgetter(2)))
print(reduce(add, range(5)), reduce(mul, [1, 2, 3, 4]), list(map(operator.neg, [1, -2])))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct
ps = [P("zed", P("in1")), P("amy", P("in2"))]
print([p.name for p in sorted(ps, key=attrgetter("name"))], attrgetter("inner.name", "name")(ps[0]))
print(methodcaller("greet", "hi")(ps[0]), methodcaller("greet", "yo", punct="?")(ps[1]), methodcaller("upper")("abc"))
print(operator.index(5), operator.concat([1], [2]), operator.countOf([1, 1, 2], 1), operator.indexOf([1, 2], 2))
print(operator.truth(0), operator.not_(1), operator.is_(None, None), operator.contains("abc", "b"), operator.abs(-3))
print(operator.lt(1, 2), operator.ge(1, 2), operator.mod(7, 3), operator.pow(2, 5), operator.floordiv(7, 2), operator.truediv(7, 2))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.invert(5), operator.lshift(1, 4), operator.rshift(32, 2))
l = [1, 2]
print(operator.iadd(l, [3]), l, operator.iadd(1, 2), operator.getitem("abc", 1))
d = {}
operator.setitem(d, "k", 1); print(d); operator.delitem(d, "k"); print(d)
for f in [lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 5),
          lambda: itemgetter(5)([1]), lambda: attrgetter("nope")(ps[0]), lambda: operator.index(1.5)]:
    try:
        print(f())
    except (TypeError, ValueError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)
