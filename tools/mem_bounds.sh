#!/bin/sh
# Memory bound check: runs tests/resources/million_tasks.py with 100,000 and with
# 1,000,000 tasks (batches of 1,000) and compares the peak RSS of the two runs, which
# must be within 10 % of each other (memory does not grow with the number of tasks).
#   tools/mem_bounds.sh [BATON_BINARY]     (default target/release/baton)
# Prints both peaks and exits 1 when the bound does not hold.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
baton=${1:-$here/target/release/baton}
prog=$here/tests/resources/million_tasks.py
peak() {
    # GNU time's %M: the maximum resident set size in KiB.
    out=$( { /usr/bin/time -f 'PEAK %M' "$baton" "$prog" "$1" >/dev/null; } 2>&1 )
    echo "$out" | sed -n 's/^PEAK //p'
}
small=$(peak 100000)
large=$(peak 1000000)
echo "peak RSS: 100,000 tasks: ${small} KiB; 1,000,000 tasks: ${large} KiB"
# Within 10 %: |large - small| * 10 <= small.
diff=$((large > small ? large - small : small - large))
if [ $((diff * 10)) -le "$small" ]; then
    echo "ok: within 10 % ($(( diff * 1000 / small / 10 )).$(( diff * 1000 / small % 10 )) %)"
else
    echo "FAIL: peak RSS grows with the number of tasks"
    exit 1
fi
