#!/bin/sh
# Bytes per suspended generator: runs tests/resources/suspended_generators.py with
# 100,000 and 1,000,000 generators and divides the peak-RSS growth by the count
# difference. The figure includes the list slot (16 bytes) and the generator's one
# local (a 16-byte value in its saved values).
#   tools/gen_memory.sh [BATON_BINARY] [PYTHON]   (defaults: target/release/baton, python3)
# Prints the figure for Baton (and for the reference interpreter when it is there).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
baton=${1:-$here/target/release/baton}
python=${2:-python3}
prog=$here/tests/resources/suspended_generators.py
peak() {
    out=$( { /usr/bin/time -f 'PEAK %M' "$@" >/dev/null; } 2>&1 )
    echo "$out" | sed -n 's/^PEAK //p'
}
per_gen() {
    small=$(peak "$@" "$prog" 100000)
    large=$(peak "$@" "$prog" 1000000)
    echo $(( (large - small) * 1024 / 900000 ))
}
echo "baton: $(per_gen "$baton") bytes per suspended generator"
if command -v "$python" >/dev/null 2>&1; then
    echo "$python: $(per_gen "$python") bytes per suspended generator"
fi
