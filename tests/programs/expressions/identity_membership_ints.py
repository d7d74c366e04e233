# Identity and membership tests on ints take the general path: `is` compares
# identity, and `in` on an int container raises CPython's TypeError.
a = 5
b = a
print(a is a, a is b, a is not b, a is not None)
for container in (2, 3.5):
    try:
        print(1 in container)
    except TypeError as e:
        print("TypeError:", e)
print(3 in [1, 2, 3], 4 not in (1, 2), 2 in range(5), 7 in {7: "x"})
