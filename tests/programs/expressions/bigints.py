# Arbitrary-precision integers: promotion from small ints, mixed arithmetic, bit ops, negative floor/mod.
a = 2 ** 63
print(a, a - 1, -a, a * a)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(2 ** 200)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f // 7 ** 10, f % 1000003, -f // 12345678901, -f % 12345678901)
print(divmod(10 ** 30, -7), divmod(-10 ** 30, 7))
print((1 << 100) >> 90, (1 << 100) | 1, (2 ** 100 - 1) & 0xFFFF, ~(2 ** 70))
print(2 ** 100 == 2 ** 100, 2 ** 100 > 2 ** 99, 2 ** 64 == 18446744073709551616)
print(hash(2 ** 100) == hash(2 ** 100), (2 ** 100) / 2 ** 98)
print(int("123456789012345678901234567890") + 1)
print(abs(-(10 ** 25)), pow(3, 100), pow(3, 100, 1000007))
print(float(2 ** 80), 2 ** 80 / 3)
print(len(str(7 ** 500)), str(-(3 ** 90)))
print(hex(2 ** 70), bin(2 ** 65), oct(2 ** 66))
x = 9223372036854775807
x += 1
print(x, type(x).__name__)
print(3 ** 40 // 3 ** 38, (10 ** 20) % 7, -(10 ** 20) % 7)
