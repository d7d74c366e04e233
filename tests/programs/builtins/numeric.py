# Numeric builtins: abs, min, max, sum, round, divmod, pow, with keys, defaults and error messages.
print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", "c"))
print(max([], default="empty"), min([1, -5, 3], key=abs), max(["aa", "b", "ccc"], key=len))
print(max([1, 3, 3.0, 2]), min([(2, "b"), (1, "z"), (1, "a")]))
print(sum([1, 2, 3]), sum([], 10), sum([0.5, 0.25]), sum(range(101)), sum([[1], [2]], []))
print(round(3.14159, 2), round(2.5), round(1.5), round(0.5), round(-1.5), round(1234, -2), round(3.7))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(5.5, 0))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(pow(2, 10), pow(2, -2), pow(7, 2, 5), pow(-2, 3), pow(2.0, 3))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
