# f-strings: expressions, !r/!s conversions, and the format mini-language.
name = "Baton"
n = 42
x = 3.14159
print(f"hello {name}! {n + 1} {name!r} {name!s}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}")
print(f"{n:*^9}|{n:+}|{-n:+}|{n: }|{1234567:,}")
print(f"{x:.2f}|{x:10.3f}|{x:<10.1f}|{x:e}|{x:.3e}|{x:g}")
print(f"{255:x}|{255:X}|{255:o}|{255:b}|{255:#x}|{255:#b}|{255:08b}")
print(f"{0.25:%}|{0.125:.1%}|{1e20:g}|{1.5e-7:g}|{100000.0:g}|{1234567.0:g}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|{'s':s}")
print(f"{{braces}} {n}{{}}")
print(f"{[1, 2, 3]} {(1,)} {dict(a=1)} {None} {True}")
w = 7
print(f"{x:{w}.{2}f}|")
print(f"{n!r:>6}|{name!r:^10}|")
print(f"nested {f'{n}'} quotes {'a' + 'b'}")
print(f"{3 if n > 40 else 4}")
print(f"{-1.5:08.2f}|{1234.5:,.2f}|{0:d}")
