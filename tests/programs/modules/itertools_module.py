# itertools, written in Baton: the infinite iterators (count, cycle, repeat), the ones
# that stop on the shortest input, and the combinatoric ones, with CPython's reprs for
# count and repeat and its argument errors, raised when the function is called.
import itertools as it
from itertools import (count, cycle, repeat, islice, chain, groupby, tee, product,
                       permutations, combinations, combinations_with_replacement,
                       accumulate, zip_longest, starmap, takewhile, dropwhile,
                       filterfalse, compress, pairwise)
print(list(islice(count(), 5)), list(islice(count(10, 2.5), 3)), list(islice(cycle("AB"), 5)))
print(list(repeat("x", 3)), list(map(pow, range(4), repeat(2))), repeat(1, 2), count(3), count(0, -1))
c = count(7); next(c); print(c, repr(count(1.0)), count(0, 1.0))
print(list(chain("ab", [1, 2], (3,))), list(chain.from_iterable(["xy", "z"])), list(chain()))
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby(sorted("mississippi"))], [(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
a, b = tee(range(4))
print(list(a), list(b), len(tee("abc", 3)), tee([], 0))
x, y = tee(iter([1, 2, 3]))
print(next(x), next(x), next(y), list(y), list(x))
print(list(product("AB", range(2))), list(product([1, 2], repeat=2)), list(product()))
print(list(permutations("ABC", 2)), list(permutations(range(3))), list(permutations([], 0)))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations([1], 2)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 0)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=100)), list(accumulate([])))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(starmap(pow, [(2, 5), (3, 2)])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a"])), list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(pairwise("ABCD")), list(pairwise("A")), list(islice("ABCDEFG", 2, None)), list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", 2, 4)))
i = iter(range(10)); print(list(islice(i, 5, 3)), next(i))
i = iter(range(10)); print(list(islice(i, 0, 5, 3)), next(i))
i = iter(range(10)); print(list(islice(i, 2)), next(i))
for f in [lambda: islice([1], -1), lambda: islice([1], -1, 2), lambda: islice([1], "a"), lambda: islice([1]),
          lambda: islice([1], 1, 2, 3, 4), lambda: islice(5, 1), lambda: islice([1], 0, 5, 0), lambda: repeat(),
          lambda: count("a"), lambda: count(1, "a"), lambda: accumulate(5), lambda: zip_longest(1), lambda: cycle(1),
          lambda: groupby(1), lambda: pairwise(1), lambda: compress(1, []), lambda: starmap(len, 1),
          lambda: takewhile(len, 1), lambda: permutations([1], "a"), lambda: permutations([1], -1),
          lambda: combinations([1], -1), lambda: tee(1), lambda: tee([1], -1), lambda: product([1], repeat=-1),
          lambda: product(1), lambda: chain.from_iterable(1), lambda: next(chain(1)), lambda: list(starmap(pow, [1])),
          lambda: repeat(1, "a")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(list(islice(it.count(), 3)), sum(it.islice(it.count(1), 100)))
# A bool is an int to islice, permutations and repeat.
print(list(islice([1, 2, 3], True)), list(islice([1, 2, 3], 0, 3, True)), list(permutations([1, 2], True)), repeat(1, True))
