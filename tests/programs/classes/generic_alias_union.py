# `list[int]` is a types.GenericAlias and `int | None` a types.UnionType: what the
# annotations of modern Python are made of. They print as written, compare by their
# members, and a union works with isinstance and issubclass.
import types

print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], list["Node"], type[int])
print(list[int | None], int | list[int], int | None | str, None | int, list[int] | None)
print(type(int | None), type(list[int]), type(int | None) is types.UnionType)
print(int | str == str | int, (int | str).__args__, int | int, int | None == None | int)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(list[int].__origin__, list[int].__args__, dict[str, int].__args__)

# Calling an alias calls its class.
print(list[int]([1, 2]), list[int]().__class__, dict[str, int](a=1))

number = int | float
print(isinstance(3, number), isinstance(2.5, number), isinstance("3", number))
print(isinstance(None, int | None), issubclass(bool, int | None), issubclass(str, number))

for bad in ("isinstance(3, list[int])", "int | 3", "int | 'str'", "None | None", "int[3]",
            "isinstance([], list[int] | None)"):
    try:
        eval_result = {
            "isinstance(3, list[int])": lambda: isinstance(3, list[int]),
            "int | 3": lambda: int | 3,
            "int | 'str'": lambda: int | "str",
            "None | None": lambda: None | None,
            "int[3]": lambda: int[3],
            "isinstance([], list[int] | None)": lambda: isinstance([], list[int] | None),
        }[bad]()
        print(bad, "->", eval_result)
    except TypeError as e:
        print(bad, "-> TypeError:", e)
