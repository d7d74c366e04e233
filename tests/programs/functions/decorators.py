# Decorators: plain, with arguments, stacked (applied bottom-up), class decorators, wrapping.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def tag(label):
    def deco(fn):
        print("decorating", fn.__name__, "with", label)
        def wrapper():
            return label + "(" + fn() + ")"
        return wrapper
    return deco
@tag("outer")
@tag("inner")
def text():
    return "body"
print(text())
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(registry, Plugin.registered)
def counted(fn):
    def wrapper(*a):
        wrapper.calls += 1
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counted
def noop():
    return None
noop(); noop(); noop()
print(noop.calls)
