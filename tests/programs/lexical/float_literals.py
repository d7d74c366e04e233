# Float literals: fractions, exponents, leading dot, underscores, reprs.
print(1.5, .5, 5., 1e3, 1E-3, 1_000.000_1)
print(2.5e-10, 6.02e23, 1e100)
print(0.1, 0.25, 1/3, 2/3)
print(3.0, -0.0, 100.0, 1e15, 1e16, 1.5e16)
print(123456789.123456789)
print(type(1e3).__name__, 1e3 == 1000)
