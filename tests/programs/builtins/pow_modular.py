"""pow(base, exp, mod): a negative exponent raises the inverse of the base modulo
mod (3.8+), and a class's __pow__ takes the modulus as its third argument."""
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-3, -1, 7), pow(3, -1, -7), pow(10**20, -2, 10**9+7))
for a, m in [(2, 4), (0, 5), (3, 1)]:
    try: print(pow(a, -1, m))
    except ValueError as e: print(e)
class M:
    def __pow__(self, e, m=None): return ('pow', e, m)
print(pow(M(), 2, 5), pow(M(), 2))
try: pow(2, 3, 1.5)
except TypeError as e: print(e)
