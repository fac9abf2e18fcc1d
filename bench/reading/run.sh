#!/usr/bin/env bash
# Reading-view benchmarks (issue 18; docs/benchmarks.md, "Reading view"):
#   bash bench/reading/run.sh BUILD_DIR OUT_DIR [--quick]
#   bash bench/reading/run.sh --check-last BENCH_READING   (the CTest smoke of the last-story start)
# Writes OUT_DIR/reading.md (medians, each beside its baseline measured in the same run, ratios,
# targets, the load average) and OUT_DIR/reading.csv (benchmark,size,metric,value,unit).
# --quick: small sizes, once. Exits non-zero only when a benchmark failed or did not do its work.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} LC_ALL=C.UTF-8 LANGUAGE=en
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY STORYBOOK_LIBRARY

# henv HOME: hermetic HOME/XDG folders for a child process.
henv() {
    local home=$1
    mkdir -p "$home/config" "$home/data" "$home/cache" "$home/runtime"
    chmod 700 "$home/runtime"
    echo env HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        XDG_RUNTIME_DIR="$home/runtime" DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-bus"
}

# check_last BENCH LIBDIR CONFIGDIR WORK: the app's window, built as `storybook` builds it with these
# settings, shows the last story's page before its first paint.
check_last() {
    local bench=$1 lib=$2 config=$3 home=$4/check-home
    rm -rf "$home"
    # shellcheck disable=SC2046
    read -r -a env_args <<<"$(henv "$home")"
    cp -R "$config/." "$home/config/"
    "${env_args[@]}" timeout 120 "$bench" --check-last "$lib"
}

if [[ "${1:-}" == "--check-last" ]]; then
    [[ $# -eq 2 ]] || { sed -n 2,4p "$0" >&2; exit 2; }
    work=$(mktemp -d "${TMPDIR:-/tmp}/storybook-reading-check.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    "$2" --make-last "$work/library" --config "$work/config" --stories 3
    check_last "$2" "$work/library" "$work/config" "$work"
    exit $?
fi

[[ $# -ge 2 ]] || { sed -n 2,7p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
quick=0
[[ "${3:-}" == "--quick" ]] && quick=1

bench_bin=$build/bench/reading/bench-reading
floor_bin=$build/bench/gui/bench-gui-floor
app_bin=$build/src/app/storybook
startup=$here/../gui/startup.sh
for bin in "$bench_bin" "$floor_bin" "$app_bin"; do
    [[ -x "$bin" ]] || { echo "reading bench: missing $bin (build the bench preset first)" >&2; exit 1; }
done

if [[ $quick -eq 1 ]]; then
    startup_runs=1; runs=1; library_sizes=(10); paragraph_sizes=(20)
else
    startup_runs=${READING_STARTUP_RUNS:-10}; runs=${READING_RUNS:-5}
    library_sizes=(10 1000); paragraph_sizes=(50 200 1000)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/storybook-reading-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
read -r -a benv <<<"$(henv "$work/home")"

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -n1; }   # field NAME "k=v k=v ..."
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }
check() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "✓" : "✗" }'; }
load() { sed -n 's/.*load average: //p' <<<"$(uptime)"; }

csv=$out/reading.csv
md=$out/reading.md
echo "benchmark,size,metric,value,unit" >"$csv"
row() { echo "$1,$2,$3,$4,$5" >>"$csv"; }
failed=0

{
    echo "## Reading view"
    echo
    echo "Medians of $startup_runs interleaved start(s) and $runs resize/zoom run(s), QT_QPA_PLATFORM=$QT_QPA_PLATFORM, $(nproc) CPU(s)."
    echo
} >"$md"

# --- 1. First frame with the last story's page shown, against the floors ------------------------
{
    echo "### 1. Start-up: exec → first painted frame with the last story's page shown"
    echo
    echo "Each start has a fresh home holding the settings the app wrote when it last quit (the last story"
    echo "and its 5th page of 8); it was checked first that the app's window shows that page before its"
    echo "first paint. *Index*: the library's index cache from a previous start is there (a last story"
    echo "means the app ran before); *no index*: it is missing. *No last story*: the same library, no"
    echo "settings. Floors: an empty QMainWindow, and the same window with one QLabel line of text."
    echo "Load average (1, 5, 15 min) before the runs: $(load)."
    echo
    echo "| stories | floor (ms) | floor, one line of text (ms) | app, no last story, index (ms) | app, last story, index (ms) | ratio to the text floor | app, last story, no index (ms) | ratio | app RSS, last story (MB) | target ≤ 2× text floor |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|"
} >>"$md"
for n in "${library_sizes[@]}"; do
    lib=$work/library-$n config=$work/config-$n
    if ! "${benv[@]}" "$bench_bin" --make-last "$lib" --config "$config" --stories "$n" >"$work/make.out" 2>"$work/make.err"; then
        echo "reading bench: could not write a library of $n stories" >&2; cat "$work/make.err" >&2; failed=1; continue
    fi
    if ! check_last "$bench_bin" "$lib" "$config" "$work" >"$work/check.out" 2>"$work/check.err"; then
        echo "reading bench: the app did not open on the last story's page ($n stories): $(cat "$work/check.out")" >&2
        cat "$work/check.err" >&2; failed=1; continue
    fi
    rm -rf "$work/cache-$n" "$work/cache-plain-$n"; mkdir -p "$work/cache-$n" "$work/cache-plain-$n"
    # One start of each writes the index the "index" runs find.
    STORYBOOK_BENCH_CACHE=$work/cache-$n STORYBOOK_BENCH_CONFIG=$config bash "$startup" --one "$app_bin" --library "$lib" >/dev/null || failed=1
    STORYBOOK_BENCH_CACHE=$work/cache-plain-$n bash "$startup" --one "$app_bin" --library "$lib" >/dev/null || failed=1
    for f in floor floortext plain last lastcold; do : >"$work/$f.txt"; done
    for r in $(seq 1 "$startup_runs"); do
        bash "$startup" --one "$floor_bin" >>"$work/floor.txt" || failed=1
        bash "$startup" --one "$floor_bin" --text >>"$work/floortext.txt" || failed=1
        STORYBOOK_BENCH_CACHE=$work/cache-plain-$n bash "$startup" --one "$app_bin" --library "$lib" >>"$work/plain.txt" || failed=1
        STORYBOOK_BENCH_CACHE=$work/cache-$n STORYBOOK_BENCH_CONFIG=$config bash "$startup" --one "$app_bin" --library "$lib" >>"$work/last.txt" || failed=1
        STORYBOOK_BENCH_CONFIG=$config bash "$startup" --one "$app_bin" --library "$lib" >>"$work/lastcold.txt" || failed=1
    done
    f=$(awk '{print $1}' "$work/floor.txt" | median); ft=$(awk '{print $1}' "$work/floortext.txt" | median)
    p=$(awk '{print $1}' "$work/plain.txt" | median); l=$(awk '{print $1}' "$work/last.txt" | median)
    lc=$(awk '{print $1}' "$work/lastcold.txt" | median); lr=$(awk '{print $2 / 1024}' "$work/last.txt" | median)
    rl=$(ratio "$l" "$ft"); rlc=$(ratio "$lc" "$ft")
    printf '| %s | %.1f | %.1f | %.1f | %.1f | %s× | %.1f | %s× | %.1f | %s |\n' "$n" "$f" "$ft" "$p" "$l" "$rl" "$lc" "$rlc" "$lr" \
        "$(check "$rl" 2)" >>"$md"
    row startup-last "$n" first_frame_ms:floor "$f" ms
    row startup-last "$n" first_frame_ms:floor-text "$ft" ms
    row startup-last "$n" first_frame_ms:app-no-last "$p" ms
    row startup-last "$n" first_frame_ms:app-last "$l" ms
    row startup-last "$n" first_frame_ms:app-last-no-index "$lc" ms
    row startup-last "$n" ratio:app-last/floor-text "$rl" x
done
echo >>"$md"

# --- 2. Resizing (and zooming) the main window showing a long page ------------------------------
: >"$work/zoomed.txt"
{
    echo "### 2. Resizing the main window showing a long page"
    echo
    echo "The app's main window shows a page of N paragraphs (about 260 characters each, English with a"
    echo "Chinese sentence). It is resized 54 times: a drag from 1920×1080 to 1024×600 and back in 24 steps"
    echo "each way, then jumps (1400×900, 1024×600, 1920×1080, 800×600, 1280×800, 1400×900). Per step: the"
    echo "event loop's worst stall (bench/gui's 1 ms timer's lateness) from the resize until 50 ms later."
    echo "Columns: the worst step of a run, the 99th percentile and median step, CPU per step (all"
    echo "threads); each the median over runs. Load average before the runs: $(load)."
    echo
    echo "| paragraphs | page characters | resize: worst step stall (ms) | p99 (ms) | median (ms) | CPU per step (ms) | zoom: worst step stall (ms) | p99 (ms) | CPU per step (ms) | target ≤ 16 ms |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|"
} >>"$md"
for p in "${paragraph_sizes[@]}"; do
    : >"$work/resize.txt"
    for r in $(seq 1 "$runs"); do
        if line=$("${benv[@]}" timeout 600 "$bench_bin" --resize --paragraphs "$p" 2>"$work/resize.err"); then
            echo "$line" >>"$work/resize.txt"
        else
            echo "reading bench: bench-reading --resize --paragraphs $p failed: $line" >&2; tail -n 20 "$work/resize.err" >&2; failed=1
        fi
    done
    [[ -s "$work/resize.txt" ]] || continue
    col() { while read -r l; do field "$1" "$l"; done <"$work/resize.txt" | median; }
    chars=$(col page_chars); rm_=$(col resize_max_ms); r99=$(col resize_p99_ms); rmed=$(col resize_median_ms); rcpu=$(col resize_cpu_ms_per_step)
    zm=$(col zoom_max_ms); z99=$(col zoom_p99_ms); zcpu=$(col zoom_cpu_ms_per_step); zoomed=$(col zoom_measured)
    echo "$zoomed" >>"$work/zoomed.txt"
    if [[ "$zoomed" == 1 ]]; then
        worst=$(awk -v a="$rm_" -v b="$zm" 'BEGIN{print (a > b) ? a : b}')
    else
        worst=$rm_; zm="not measured"; z99="–"; zcpu="–"
    fi
    echo "| $p | $chars | $rm_ | $r99 | $rmed | $rcpu | $zm | $z99 | $zcpu | $(check "$worst" 16) |" >>"$md"
    row resize "$p" max_stall_ms "$rm_" ms
    row resize "$p" p99_stall_ms "$r99" ms
    row resize "$p" cpu_ms_per_step "$rcpu" ms
    [[ "$zoomed" == 1 ]] && row zoom "$p" max_stall_ms "$zm" ms
done
echo >>"$md"
if ! grep -q 1 "$work/zoomed.txt"; then
    echo "Zoom was not measured: this build's ReaderWidget has no setZoomPercent/zoomIn/zoomOut yet (bench-reading measures them as soon as it has)." >>"$md"
    echo >>"$md"
fi
echo "Load average after the runs: $(load)." >>"$md"
echo "reading: wrote $md and $csv"
exit $failed
