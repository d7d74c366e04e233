"""Building strings piece by piece: `s += t` in a loop (which Baton, like CPython,
does in place when nothing else holds the string, so it stays linear), with other
names still seeing the old text; and indexing and slicing of long ASCII and
non-ASCII text."""

log = ""
for i in range(50_000):
    log += "ab"
print(len(log), log[:6], log[-3:])


def build(parts):
    text = ""
    kept = []
    for p in parts:
        kept.append(text)  # another reference: this text must not change
        text += p
    return text, kept


text, kept = build(["é", "z", "ü", "!"])
print(text, kept, len(text), text.isascii(), hash(text) == hash("ézü!"))

first = "plain"
alias = first
first += "é"
print(first, alias, len(first), first[-1], first.isascii())

cells = ["q"]
piece = cells[0]
piece += "r"
print(piece, cells)

wide = "é€😀a" * 10_000
print(len(wide), wide[3], wide[39_999], wide[-1], wide[20_001:20_005])
print(wide[::9_999], wide[-4:], wide[5:3] == "", wide[:4] == "é€😀a")
print(sum(1 for i in range(0, len(wide), 7) if wide[i] == "😀"))
chunks = [wide[i:i + 3] for i in range(0, 30, 3)]
print(chunks)
