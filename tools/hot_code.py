#!/usr/bin/env python3
"""hot_code.py: how much machine code one unit of a benchmark's work runs.

Runs PROGRAM under callgrind twice, with N and 2N as its argument, and keeps the
instructions whose count grew by at least N (those run once or more for each unit of
work: a call, a task switch, a round trip). Prints their total size in bytes, the
64-byte cache lines they occupy, and the functions they belong to, largest first.
When the lines are many more than the level-1 instruction cache holds (32 KiB here),
every unit of work fetches its code again from the next level
(docs/architecture.md, "The instruction cache").

    usage: tools/hot_code.py BATON PROGRAM N [TOP]
    e.g.   tools/hot_code.py target/release/baton ../shared/bench/pingpong.py 5000

Needs valgrind. Instruction sizes are taken from the gaps between executed addresses
(capped at 15 bytes), which is exact inside straight-line code.
"""

import collections
import os
import re
import subprocess
import sys
import tempfile

COST_LINE = re.compile(r"^(0x[0-9a-f]+)\s+\d+\s+(\d+)")


def profile(baton, program, n, out):
    """Runs callgrind with instruction-level counts; returns {address: count} and
    {address: function name}."""
    subprocess.run(
        ["valgrind", "--tool=callgrind", "--dump-instr=yes", "--compress-pos=no",
         "--compress-strings=no", f"--callgrind-out-file={out}", baton, program, str(n)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    counts, owner = collections.Counter(), {}
    function, after_call = None, False
    with open(out) as f:
        for line in f:
            if line.startswith("fn="):
                function = line[3:].strip()
            elif line.startswith("calls="):
                after_call = True  # the next cost line is the call's inclusive cost
            else:
                m = COST_LINE.match(line)
                if m:
                    if after_call:
                        after_call = False
                        continue
                    address = int(m.group(1), 16)
                    counts[address] += int(m.group(2))
                    owner[address] = function
    return counts, owner


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    baton, program, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 30
    with tempfile.TemporaryDirectory() as tmp:
        base, _ = profile(baton, program, n, os.path.join(tmp, "n"))
        doubled, owner = profile(baton, program, 2 * n, os.path.join(tmp, "2n"))
    addresses = sorted(doubled)
    hot_bytes, lines = 0, set()
    per_function = collections.Counter()
    for i, address in enumerate(addresses):
        if doubled[address] - base.get(address, 0) < n:
            continue
        following = addresses[i + 1] if i + 1 < len(addresses) else address + 4
        size = min(15, following - address)
        hot_bytes += size
        per_function[owner[address]] += size
        lines.update(range(address >> 6, ((address + size - 1) >> 6) + 1))
    print(f"{hot_bytes} bytes of code run per unit of work, on {len(lines)} cache lines "
          f"({len(lines) * 64 / 1024:.1f} KiB)")
    for function, size in per_function.most_common(top):
        print(f"{size:7}  {function}")


if __name__ == "__main__":
    main()
