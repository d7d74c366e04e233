#!/bin/sh
# Leak check: runs every public conformance case (../shared/conformance/cases, or
# $CONFORMANCE/cases) under valgrind's memcheck and fails if any run reports a definite
# leak. Possible/indirect leaks and "still reachable" memory are listed in the logs but do
# not fail the check (Rust's thread-locals and the interned-name table live until exit).
#   tools/leak_check.sh [BATON_BINARY] [LOG_DIR]
#     default binary: a release build with the system allocator (built here, in
#     target/system-allocator), default log dir target/leak_check.
# memcheck sees only the blocks of the system allocator: the usual binary allocates
# with mimalloc (src/alloc.rs), whose blocks valgrind cannot see, so a leak check of it
# would pass whatever it leaks. A binary given here must be built with
# `--features system-allocator`.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
    baton=$1
else
    (cd "$here" && cargo build --release --quiet --features system-allocator \
        --target-dir target/system-allocator) || exit 1
    baton=$here/target/system-allocator/release/baton
fi
if grep -q mi_malloc "$baton"; then
    echo "$baton allocates with mimalloc, which memcheck cannot see: build it with" \
        "--features system-allocator (or run this script without a binary)" >&2
    exit 2
fi
logs=${2:-$here/target/leak_check}
conf=${CONFORMANCE:-$here/../shared/conformance}
[ -d "$conf/cases" ] || conf=/work/shared/conformance
mkdir -p "$logs"
total=0
leaky=0
for case in "$conf"/cases/*.py; do
    name=$(basename "$case" .py)
    total=$((total + 1))
    (cd "$conf/cases" && timeout 600 valgrind --tool=memcheck --leak-check=full \
        --show-leak-kinds=definite --errors-for-leak-kinds=definite \
        --log-file="$logs/$name.log" "$baton" "$case" >/dev/null 2>&1 </dev/null)
    lost=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$logs/$name.log" | tr -d ,)
    if [ -z "$lost" ]; then
        # No leak summary at all: nothing was allocated-and-lost ("All heap blocks were
        # freed") or the run was killed (timeout); say which.
        if grep -q "All heap blocks were freed\|no leaks are possible" "$logs/$name.log"; then
            lost=0
        else
            echo "$name: no leak summary (killed or timed out?), see $logs/$name.log"
            leaky=$((leaky + 1))
            continue
        fi
    fi
    if [ "$lost" != 0 ]; then
        echo "$name: definitely lost $lost bytes, see $logs/$name.log"
        leaky=$((leaky + 1))
    fi
done
echo "leak check: $total cases, $leaky with definite leaks (logs in $logs)"
[ "$leaky" = 0 ]
