# dis: constants, a local assignment and arithmetic at module level.
x = 1 + 2 * 3
print(x)
