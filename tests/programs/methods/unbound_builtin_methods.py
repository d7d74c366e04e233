# A built-in type's method taken from the type (`list.append`, `str.upper`,
# `int.__add__`) is an unbound method: called, it takes the value as its first
# argument and checks that the value is of that type (or a subclass), with CPython's
# messages. Dunders speak as slot wrappers ("requires a 'str' object"), other
# methods as method descriptors ("doesn't apply to a 'int' object").


def attempt(label, call):
    try:
        print(label, "->", call())
    except TypeError as e:
        print(label, "-> TypeError:", e)


# Used as plain functions, they work on values of their type.
attempt("list.append([], 1)", lambda: list.append([], 1))
attempt("str.upper('abc')", lambda: str.upper("abc"))
attempt("int.__add__(2, 3)", lambda: int.__add__(2, 3))
attempt("int.__add__(True, 1)", lambda: int.__add__(True, 1))
print(sorted(["b", "A", "c"], key=str.lower))
print(list(map(str.upper, ["x", "y"])))
append = list.append
items = []
append(items, 3)
print(items)

# The wrong type of value.
attempt("list.append(3, 4)", lambda: list.append(3, 4))
attempt("str.join(1, [])", lambda: str.join(1, []))
attempt("dict.get([], 1)", lambda: dict.get([], 1))
attempt("set.add(1, 2)", lambda: set.add(1, 2))
attempt("map(str.upper, ['x', 1])", lambda: list(map(str.upper, ["x", 1])))
attempt("str.__len__(5)", lambda: str.__len__(5))
attempt("int.__add__('a', 1)", lambda: int.__add__("a", 1))
attempt("tuple.__len__([])", lambda: tuple.__len__([]))
attempt("float.__repr__(1)", lambda: float.__repr__(1))
attempt("list.__getitem__(5, 0)", lambda: list.__getitem__(5, 0))
attempt("dict.__contains__(1, 2)", lambda: dict.__contains__(1, 2))


class Box:
    pass


attempt("append(Box(), 1)", lambda: append(Box(), 1))

# No value at all.
attempt("list.append()", lambda: list.append())
attempt("str.upper()", lambda: str.upper())
attempt("int.__add__()", lambda: int.__add__())

# What they are: one object per type and method, shown as CPython shows it.
print(list.append, int.__add__, list.__getitem__)
print(list.append is list.append, str.upper == str.upper, {str.upper: 1}[str.upper])

# Which type defines what, as in CPython: only str has its own __str__ (the others
# inherit object's, which takes any value); bool inherits int's __hash__ but has its own
# &, | and ^.
print(int.__str__(1.5), bool.__hash__(5), int.__str__)
print(bool.__and__(True, False), bool.__and__(True, 1), bool.__xor__(True, True))
attempt("bool.__and__(1, 2)", lambda: bool.__and__(1, 2))
attempt("str.__str__(5)", lambda: str.__str__(5))
