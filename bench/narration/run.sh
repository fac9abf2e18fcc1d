#!/usr/bin/env bash
# Stored-narration benchmarks (issue 16; docs/benchmarks.md, "Narration playback"):
#   bash bench/narration/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/narration.md (medians beside the baseline measured in the same run, ratios, targets,
# the load average) and OUT_DIR/narration.csv. --quick: one run. Exits non-zero when a run did not play.
set -euo pipefail
build=$1 out=$2 quick=${3:-}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} LC_ALL=C.UTF-8 LANGUAGE=en
runs=7
[[ "$quick" == --quick ]] && runs=1
mkdir -p "$out"
"$build/bench/narration/bench-narration" --out "$out/narration-mp3" --runs "$runs" --format mp3 </dev/null
"$build/bench/narration/bench-narration" --out "$out/narration-wav" --runs "$runs" --format wav </dev/null
{
    echo "## Narration playback (issue 16)"
    echo
    cat "$out/narration-mp3/narration.md" "$out/narration-wav/narration.md"
    echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
} >"$out/narration.md"
{ cat "$out/narration-mp3/narration.csv"; tail -n +2 "$out/narration-wav/narration.csv"; } >"$out/narration.csv"
