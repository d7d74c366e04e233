# Found by the run fuzz target: a float format precision above 65,535 panicked (Rust's
# formatter limit); CPython pads with the exact digits, which are zeros that far out.
x = f"{2.5:.1111110f}"
print(len(x), x[:12], set(x[3:]) == {'0'})
print(len(format(0.1, ".70000f")), format(0.1, ".70000f")[:60])
print(format(0.1, ".1200f")[-140:-100])
e = format(1 / 3, ".80000e")
print(len(e), e[:30], e[-6:])
print(len(format(2.5, ".100000g")), format(1 / 3, ".70000g")[:40], len(format(1 / 3, "#.70000g")))
print(len(format(0.5, ".70000%")))
print(f"{5e-324:.1100f}"[-30:])
