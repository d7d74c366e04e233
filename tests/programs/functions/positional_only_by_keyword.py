# Naming a positional-only parameter (before the `/`) by keyword is an error that
# lists every such name at once, unless a **kwargs parameter takes the keyword.
def pair(x, y, /, z=0):
    return x + y + z


def keep(x, /, **rest):
    return x, rest


for call in [lambda: pair(x=1, y=2), lambda: pair(1, y=2, z=3)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(pair(1, 2, z=3), keep(1, x=2))
