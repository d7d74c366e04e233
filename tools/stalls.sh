#!/bin/bash
# Where a benchmark's time goes, by function and by instruction, with the lines that
# look like store-forwarding stalls picked out.
#
#   tools/stalls.sh BATON PROGRAM N     e.g. tools/stalls.sh target/release/baton coro_send 400000
#
# PROGRAM is a file in ../shared/bench (without .py) or a path to a .py file. The run
# is pinned to one core and sampled with `perf record -e cpu-clock` (no hardware
# counters needed). For each of the hottest functions it prints the instructions with
# the most samples and the source line they come from.
#
# What to look for (docs/architecture.md, "Performance"): a `Value` built or moved in
# a Rust local is stored in pieces (its tag byte, then the 15 bytes after it) and
# then read back with one 16-byte load, which cannot be served from the store buffer
# and waits a dozen cycles. In the listing that is a hot instruction right after a
# load from the stack frame at an odd offset, such as `mov 0x87(%rsp),%rcx` or
# `lea 0x161(%rsp),%rdx` (flagged `<- stack at an odd offset`). Callgrind cannot see
# these: it counts instructions, not cycles.
set -e
baton=${1:?usage: tools/stalls.sh BATON PROGRAM N}
prog=${2:?usage: tools/stalls.sh BATON PROGRAM N}
n=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)
case "$prog" in
    *.py) file=$prog ;;
    *) file=$here/../shared/bench/$prog.py ;;
esac
command -v perf >/dev/null || { echo "stalls.sh: perf is not installed" >&2; exit 2; }
data=$(mktemp /tmp/stalls.XXXXXX)
trap 'rm -f "$data" "$data.ann"' EXIT
taskset -c 0 perf record -q -e cpu-clock -o "$data" "$baton" "$file" $n >/dev/null 2>&1
perf report -i "$data" --stdio --no-children 2>/dev/null | grep -v '^#' | grep '%' | head -8
perf report -i "$data" --stdio --no-children 2>/dev/null | grep -v '^#' | grep '\[\.\]' | head -6 |
    sed 's/.*\[\.\] //' | while read -r sym; do
        perf annotate -i "$data" --stdio -s "$sym" 2>/dev/null >"$data.ann" || continue
        echo
        echo "== $sym"
        grep -E '^\s+[0-9]+\.[0-9]+ :' "$data.ann" | sort -rn | head -6 |
            while read -r pct _ addr rest; do
                line=$(grep -B14 " $addr" "$data.ann" | grep -E '^\s+:\s+[0-9]+ ' | tail -1 |
                    tr -s ' ' | cut -c1-70)
                flag=""
                if echo "$rest" | grep -qE '0x[0-9a-f]*[13579bdf]\(%rsp\)'; then
                    flag="  <- stack at an odd offset"
                fi
                printf '%6s%%  %-44s |%s%s\n' "$pct" "$(echo "$rest" | cut -c1-44)" "$line" "$flag"
            done
    done
