# Memory per suspended generator: N generators kept alive in a list, each suspended at
# its yield. tools/gen_memory.sh runs it at two sizes and divides the peak-RSS growth
# by the count (issue #3 budgets 200 bytes beyond the generator's locals).
import sys


def gen(i):
    yield i


n = int(sys.argv[1])
gens = []
for i in range(n):
    g = gen(i)
    next(g)
    gens.append(g)
print(len(gens))
