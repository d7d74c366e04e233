# The built-in types' dunder methods, called by name: they do what the operator or
# builtin does for that type. A binary operator's method answers NotImplemented for
# an operand its type leaves to the other side (int + float is float's business),
# and list + tuple is a TypeError in list.__add__ itself.
d = {"a": 1, "b": 2}
print(list(map(d.__getitem__, ["a", "b"])), sorted(["ccc", "a", "bb"], key=str.__len__))
print([1, 2].__len__(), [1, 2].__contains__(2), d.__contains__("z"), "abc".__contains__("b"))
print((1).__add__(2), (1).__add__(1.5), (1.5).__add__(1), (1.5).__radd__(1), (2).__rsub__(10))
print((1).__eq__(1.0), (1.0).__eq__(1), "a".__eq__(1), {1}.__eq__(frozenset({1})))
print("ab".__mul__(2), (2).__rmul__("ab"), [1].__rmul__(3), "%s!".__mod__("x"))
print((7).__truediv__(2), (2).__pow__(10), (5).__and__(3), (5).__lshift__(2), (10.5).__rmod__(3))
print((-5).__abs__(), (2.7).__int__(), (3).__float__(), (True).__index__(), (0).__bool__())
print((3).__lt__(2.5), (3.0).__lt__(4), "b".__gt__("a"), [1, 2].__lt__([1, 3]))
print((5).__repr__(), "x".__repr__(), (5).__str__(), (1, 2).__hash__() == hash((1, 2)))
print(sum(map(int.__mul__, [1, 2], [3, 4])), sorted([3, 1, 2], key=int.__neg__))
it = "abc".__iter__()
print(it.__next__(), it.__next__())
lst = [1, 2, 3]
lst.__setitem__(0, 10)
lst.__delitem__(1)
d.__setitem__("c", 3)
d.__delitem__("a")
print(lst, d, hasattr([], "__len__"), hasattr(5, "__iter__"))
for bad in [
    lambda: [1].__add__((2,)),
    lambda: (7).__floordiv__(0),
    lambda: [].__getitem__(5),
    lambda: {}.__getitem__("k"),
    lambda: (1).__add__(),
]:
    try:
        bad()
    except (TypeError, ZeroDivisionError, IndexError, KeyError) as e:
        print(type(e).__name__, e)
