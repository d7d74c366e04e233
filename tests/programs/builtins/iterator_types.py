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
