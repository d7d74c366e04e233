# Integer literals: decimal, hex, octal, binary, underscores, big literals.
print(0, 7, 1_000_000)
print(0x1F, 0XfF, 0o17, 0O777, 0b1011, 0B1_0000)
print(0x_dead_beef)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFF)
print(-0b1, -0o10, -0x10)
print(type(0x10).__name__, 0 == 0x0 == 0o0 == 0b0)
print(00, 0_0)
