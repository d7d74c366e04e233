"""Generates cases.txt for the set-order tests (run with CPython 3.11).

Each case is one line: `;`-separated ops applied to a set `s` starting empty.
  a K      s.add(K)             r K      s.discard(K)
  p        s.pop() (traced)     o        trace list(s)
  c        s = s.copy()         C        s.clear()
  u L      s |= set(L)          i L      s &= set(L)
  d L      s -= set(L)          x L      s ^= set(L)
  U L      s = s | set(L)       I L      s = s & set(L)
  D L      s = s - set(L)       X L      s = s ^ set(L)
  V L      s = set(L) | s       J L      s = set(L) & s
  E L      s = set(L) - s       Y L      s = set(L) ^ s
  l L      s = s.difference(L)  (L a list)
  k L      s = s.intersection(L)
L is a space-separated list of keys, added to a fresh set in order.
The next line is the expected trace: `|`-separated results of p and o.
"""
import random

def key_repr(k):
    return repr(k).replace(" ", "")

def parse(t):
    if t.startswith("("):
        return tuple(int(x) for x in t[1:-1].split(",") if x)
    if t in ("True", "False"):
        return t == "True"
    if "." in t:
        return float(t)
    return int(t)

def mkset(lst):
    s = set()
    for k in lst:
        s.add(k)
    return s

def run(ops):
    s = set()
    out = []
    for op in ops:
        code, _, arg = op.partition(" ")
        L = [parse(t) for t in arg.split(" ")] if arg else []
        if code == "a": s.add(L[0])
        elif code == "r": s.discard(L[0])
        elif code == "p": out.append(key_repr(s.pop()) if s else "E")
        elif code == "o": out.append(",".join(key_repr(k) for k in s))
        elif code == "c": s = s.copy()
        elif code == "C": s.clear()
        elif code == "u": s |= mkset(L)
        elif code == "i": s &= mkset(L)
        elif code == "d": s -= mkset(L)
        elif code == "x": s ^= mkset(L)
        elif code == "U": s = s | mkset(L)
        elif code == "I": s = s & mkset(L)
        elif code == "D": s = s - mkset(L)
        elif code == "X": s = s ^ mkset(L)
        elif code == "V": s = mkset(L) | s
        elif code == "J": s = mkset(L) & s
        elif code == "E": s = mkset(L) - s
        elif code == "Y": s = mkset(L) ^ s
        elif code == "l": s = s.difference(L)
        elif code == "k": s = s.intersection(L)
    return "|".join(out)

def rkey(rng, spread):
    r = rng.random()
    if r < 0.6: return rng.randrange(-spread // 4, spread)
    if r < 0.7: return rng.choice([2**40, -2**40, 2**61 - 1, 2**61, 2**62 + 3, -2**63, 2**63 - 1, 2**64, -2**70, 10**20])
    if r < 0.8: return rng.randrange(0, spread) + 0.5
    if r < 0.85: return float(rng.randrange(0, spread))
    if r < 0.9: return rng.choice([True, False])
    return tuple(rng.randrange(-3, 10) for _ in range(rng.randrange(0, 3)))

def rlist(rng, spread):
    return " ".join(key_repr(rkey(rng, spread)) for _ in range(rng.randrange(0, 16)))

fixed = [
    ["a 5", "a 3", "a 100", "a 1", "a 64", "a -1", "a 1000000", "a 1099511627776", "o"],
    ["u " + " ".join(map(str, range(20))), "o"] + ["r %d" % i for i in range(0, 20, 2)] + ["o"]
    + ["a %d" % i for i in range(10)] + ["o"] + ["a %d" % i for i in range(100, 110)] + ["o"],
    ["u " + " ".join(map(str, range(20))), "p", "p", "p", "a 0", "p", "a 1000", "p", "p", "o"],
    ["u 1 2 3 8 16 9", "U 3 4 5 33", "o", "I 4 5 33 2 100", "o"],
    ["u 1.5 True (1,2) 18446744073709551616 -7 0.0 2.5", "a 1", "a 1.0", "a 0", "a False", "o"],
    ["u " + " ".join(str(i * 37 % 1000) for i in range(600)), "d " + " ".join(map(str, range(0, 1000, 3))),
     "p", "p", "c", "p", "a -5", "a 4096", "a 8192", "p", "p"]
    + ["a %d" % (i * 1024) for i in range(40)] + ["k " + " ".join(map(str, range(0, 40000, 512))), "o"],
]

def main():
    rng = random.Random(1234)
    cases = [f for f in fixed]
    codes = "aaaaarrrpocCuidxUIDXVJEYlk"
    for n in range(220):
        spread = rng.choice([10, 40, 200, 5000])
        ops = []
        for _ in range(rng.randrange(5, 50)):
            c = rng.choice(codes)
            if c in "ar":
                ops.append("%s %s" % (c, key_repr(rkey(rng, spread))))
            elif c in "pocC":
                ops.append(c)
            else:
                ops.append("%s %s" % (c, rlist(rng, spread)))
            if rng.random() < 0.05:
                ops.append("o")
        ops.append("o")
        cases.append(ops)
    with open("cases.txt", "w") as f:
        for ops in cases:
            f.write(";".join(ops) + "\n")
            f.write(run(ops) + "\n")

main()
