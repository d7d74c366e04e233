# dis: a function with a parameter, a default, a branch and a return.
def f(a, b=2):
    if a > b:
        return a - b
    return b
print(f(5))
