#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/<target>/) from the example programs in tests/
# and, when ../shared is checked out beside the repository, the public conformance
# cases. The corpora are not committed; run this once before `cargo fuzz run`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=${BATON_SHARED:-$repo/../shared}
[ -d "$shared/conformance/cases" ] || shared=/work/shared
for target in lex parse compile run; do
    dir=$here/corpus/$target
    mkdir -p "$dir"
    find "$repo/tests" "$shared/conformance/cases" -name '*.py' 2>/dev/null |
        while read -r f; do
            # Name each seed by its content so re-seeding does not duplicate.
            cp "$f" "$dir/$(cksum < "$f" | cut -d' ' -f1)"
        done
done
echo "seeded $(ls "$here/corpus/lex" | wc -l) files into each of $here/corpus/{lex,parse,compile,run}"
