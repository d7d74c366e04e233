# functools: partial (and its repr), lru_cache with its statistics and eviction of the
# least recently used, cache, reduce (and its empty-input error), wraps on a decorator
# (name, docstring, __wrapped__), and total_ordering filling in <=, > and >=.
import functools
def f(a,b,c=3): return a+b+c
p=functools.partial(f,1,c=5)
print(repr(p).startswith("functools.partial(<function f at 0x"), repr(p).endswith(", 1, c=5)"), p(2), p.func is f, p.args, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n): return n if n<2 else fib(n-1)+fib(n-2)
print(fib(30), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())
@functools.lru_cache
def sq(x): return x*x
print(sq(3), sq(3), sq.cache_info(), sq.__name__, sq.__wrapped__.__name__)
@functools.lru_cache(maxsize=2)
def ident(x):
    print("compute", x)
    return x
for x in [1, 2, 1, 3, 2, 1]:
    ident(x)
print(ident.cache_info())
@functools.cache
def c(x): return x
print(c(1), c.cache_info())
print(functools.reduce(lambda a,b:a*b,[1,2,3,4]), functools.reduce(lambda a,b:a+b,[],0))
try: functools.reduce(lambda a,b:a, [])
except TypeError as e: print(e)
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k):
        'wrapper doc'
        return fn(*a, **k)
    return w
@deco
def hello(name):
    'Say hello.'
    return 'hi '+name
print(hello('x'), hello.__name__, hello.__doc__, hello.__wrapped__.__name__, hello.__qualname__)
@functools.total_ordering
class V:
    def __init__(s, v): s.v=v
    def __eq__(s,o): return s.v==o.v
    def __lt__(s,o): return s.v<o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(3), sorted([V(3), V(1)])[0].v)
try:
  fib([1])
except TypeError as e: print(e)
@functools.total_ordering
class A:
    def __init__(s,v): s.v=v
    def __eq__(s,o): return s.v==o.v
    def __le__(s,o): return s.v<=o.v
@functools.total_ordering
class B:
    def __init__(s,v): s.v=v
    def __eq__(s,o): return s.v==o.v
    def __gt__(s,o): return s.v>o.v
@functools.total_ordering
class C:
    def __init__(s,v): s.v=v
    def __eq__(s,o): return s.v==o.v
    def __ge__(s,o): return s.v>=o.v
for K in (A,B,C):
    print([f(K(x),K(y)) for x in (1,2) for y in (1,2) for f in (lambda a,b:a<b, lambda a,b:a<=b, lambda a,b:a>b, lambda a,b:a>=b)])
