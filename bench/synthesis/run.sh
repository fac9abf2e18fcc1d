#!/usr/bin/env bash
# Narration while writing (issue 16; docs/benchmarks.md, "Narration while writing"):
#   bash bench/synthesis/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/synthesis.md (medians and maxima, fetch-ahead beside the baseline measured in the
# same run, the ratio, the target, the load average) and OUT_DIR/synthesis.csv
# (benchmark,size,metric,value,unit). --quick: 2 runs each. Exits non-zero when a run failed.
set -euo pipefail
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} LC_ALL=C.UTF-8 LANGUAGE=en
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY

[[ $# -ge 2 ]] || { sed -n 2,6p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
runs=${SYNTHESIS_RUNS:-15}
[[ "${3:-}" == "--quick" ]] && runs=2
bin=$build/bench/synthesis/bench-synthesis
[[ -x "$bin" ]] || { echo "synthesis bench: missing $bin (build the bench preset first)" >&2; exit 1; }

field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -n1; }
load() { sed -n 's/.*load average: //p' <<<"$(uptime)"; }
csv=$out/synthesis.csv
md=$out/synthesis.md
echo "benchmark,size,metric,value,unit" >"$csv"
failed=0
before=$(load)
declare -A summary
for delta in 30 100; do
    for mode in ahead after; do
        if ! line=$(timeout 900 "$bin" --mode "$mode" --runs "$runs" --delta-ms "$delta" | grep '^summary'); then
            echo "synthesis bench: $mode ($delta ms) failed" >&2; failed=1; continue
        fi
        summary[$mode-$delta]=$line
        for key in sent_median_ms sent_max_ms arrived_median_ms arrived_max_ms page_median_ms; do
            echo "first-sentence-$mode,$delta,$key,$(field "$key" "$line"),ms" >>"$csv"
        done
    done
done
{
    echo "## Narration while writing"
    echo
    echo "Medians (and maxima) of $runs runs per row, $(nproc) CPU(s); load average before: $before, after: $(load)."
    echo
    echo "| stream (ms per 7-character delta) | page written in (ms) | fetch-ahead: complete → sent (ms) | max | complete → at the provider (ms) | max | baseline (finished page): complete → sent (ms) | complete → at the provider (ms) | ratio | target ≤ 100 ms |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|"
    for delta in 30 100; do
        a=${summary[ahead-$delta]:-} b=${summary[after-$delta]:-}
        [[ -n "$a" && -n "$b" ]] || continue
        am=$(field arrived_median_ms "$a"); bm=$(field arrived_median_ms "$b"); amax=$(field arrived_max_ms "$a")
        ratio=$(awk -v x="$am" -v y="$bm" 'BEGIN { if (y > 0) printf "%.3f", x / y; else print "nan" }')
        ok=$(awk -v v="$amax" 'BEGIN { print (v <= 100) ? "✓" : "✗" }')
        echo "| $delta | $(field page_median_ms "$a") | $(field sent_median_ms "$a") | $(field sent_max_ms "$a") | $am | $amax | $(field sent_median_ms "$b") | $bm | ${ratio}× | $ok |"
    done
    echo
} >"$md"
echo "synthesis: wrote $md and $csv"
exit $failed
