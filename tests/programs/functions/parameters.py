# Function parameters: defaults, keyword arguments, *args, **kwargs, keyword-only, call-site unpacking.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
def kwonly(*, x, y=1):
    return x + y
print(kwonly(x=10), kwonly(y=5, x=1))
def defaults_once(item, bucket=[]):
    bucket.append(item)
    return bucket
print(defaults_once(1), defaults_once(2))
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)
show()
show(1, *(2, 3), *[4], k=1, **{"m": 2}, n=3)
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated(1), annotated(y="t", x=2))
errors = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, 2, c=3, a=4),
    lambda: kwonly(1),
    lambda: kwonly(x=1, q=2),
    lambda: annotated(1, 2, 3),
    lambda: len(),
    lambda: show(**{1: 2}) if False else annotated(**{"x": 1, "bad": 2}),
]
for e in errors:
    try:
        e()
    except TypeError as exc:
        print("TypeError:", exc)
