# Builtins called with the wrong number or kind of arguments raise TypeError with
# CPython's wording, which differs between kinds of builtin: "len() takes exactly one
# argument", "isinstance expected 2 arguments", "pow() missing required argument".
calls = [
    lambda: len(),
    lambda: isinstance(1),
    lambda: issubclass(int, int, int),
    lambda: hasattr(1),
    lambda: getattr(1),
    lambda: getattr(1, 2),
    lambda: setattr(1),
    lambda: delattr(1, 2, 3),
    lambda: divmod(1),
    lambda: reversed(),
    lambda: staticmethod(),
    lambda: iter(),
    lambda: next(),
    lambda: format(),
    lambda: format(1, 2, 3),
    lambda: pow(),
    lambda: pow(1),
    lambda: pow(1, 2, 3, 4),
    lambda: round(),
    lambda: round(1, 2, 3),
    lambda: super(1),
    lambda: issubclass(int, 1),
]
for call in calls:
    try:
        call()
    except TypeError as e:
        print(e)
# A native iterator has __next__ and __iter__, as every iterator does.
it = iter([1, 2])
print(it.__iter__() is it, it.__next__(), next(it))
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
print(reversed("ab").__next__(), enumerate("x").__next__(), zip([1], [2]).__next__())
