#!/usr/bin/env bash
# Library-scale benchmarks. Called by scripts/bench:
#   bash bench/library/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/library.md and OUT_DIR/library.csv (benchmark,size,metric,value,unit): listing
# (cold and warm), full-text search and opening one story in libraries of 100, 1,000 and 10,000
# generated stories, each beside a baseline measured in the same run; memory. --quick: 100 stories, once.
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n 2,6p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
bin=$build/bench/library/storybook-bench-library
[[ -x "$bin" ]] || { echo "library bench: missing $bin (build the bench preset first)" >&2; exit 1; }

if [[ "${3:-}" == "--quick" ]]; then
    sizes=100; runs=1
else
    sizes=100,1000,10000; runs=5
fi
export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
work=$(mktemp -d "${TMPDIR:-/tmp}/storybook-library-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "library: $sizes stories, $runs runs each"
"$bin" --sizes "$sizes" --runs "$runs" --work "$work" --csv "$out/library.csv" --md "$out/library.md"
echo "library: wrote $out/library.md and $out/library.csv"
