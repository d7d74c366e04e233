# The built-in iterators' types have CPython's names (list_iterator, str_ascii_iterator,
# dict_keyiterator, set_iterator, list_reverseiterator, ...), which show in type() and
# in error messages; each has __next__ and __iter__, and none has send.
print(type(iter('abc')).__name__, type(iter('é')).__name__, type(iter(range(3))).__name__, type(iter({1:2})).__name__, type(iter({1:2}.values())).__name__, type(iter({1:2}.items())).__name__, type(iter({1})).__name__, type(reversed([1])).__name__, type(iter(lambda:1, 2)).__name__, type(iter((1,))).__name__, type(enumerate([])).__name__, type(zip()).__name__, type(map(str,[])).__name__, type(filter(None,[])).__name__, type(reversed((1,))).__name__, type(reversed(range(3))).__name__, type(reversed({1:2})).__name__, type(iter(frozenset())).__name__, type(reversed({1:2}.items())).__name__)
class S:
    def __getitem__(self, i): raise IndexError
print(type(iter(S())).__name__, type(reversed('ab')).__name__, type(iter([])))
it = iter([1, 2])
print(next(it), it.__next__(), list(it), iter(it) is it)
try:
    iter([])[0]
except TypeError as e: print(e)
print(hasattr(iter([]), "send"))
# An iterator keeps its type when it runs out, and while it is stepping.
it = iter([1])
list(it)
print(type(it).__name__)
m = map(str, [1])
list(m)
print(type(m).__name__)
z = zip([1],[2])
list(z)
print(type(z).__name__)
e=enumerate([1]); list(e); print(type(e).__name__)
f=filter(None,[1]); list(f); print(type(f).__name__)
r=reversed([1]); list(r); print(type(r).__name__)
s=iter("ab"); list(s); print(type(s).__name__)
c=iter(lambda: 1, 1); list(c); print(type(c).__name__)
def f(x):
    print(type(m).__name__)
    return x
m = map(f, [1])
print(list(m))
