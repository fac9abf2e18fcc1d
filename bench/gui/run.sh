#!/usr/bin/env bash
# GUI benchmarks (docs/benchmarks.md). Called by scripts/bench:
#   bash bench/gui/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/gui.md (medians, baselines side by side, ratios, targets) and OUT_DIR/gui.csv
# (benchmark,size,metric,value,unit). --quick: the smallest size of each benchmark, once.
# Exits non-zero only when a benchmark failed to run.
set -euo pipefail
# bash's `time`: user and system CPU seconds of the command and its children, to the millisecond.
TIMEFORMAT='%3U %3S'

[[ $# -ge 2 ]] || { sed -n 2,6p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
out=$2
quick=0
[[ "${3:-}" == "--quick" ]] && quick=1
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)

stream_bin=$build/bench/gui/bench-gui-stream
viewer_bin=$build/bench/gui/bench-gui-viewer
floor_bin=$build/bench/gui/bench-gui-floor
app_bin=$build/src/app/storybook
viewer_app=$build/src/viewer/storybook-viewer
cli_bin=$build/src/cli/storybook-cli
server_bin=$build/tests/support/fake-openai-server
for bin in "$stream_bin" "$viewer_bin" "$floor_bin" "$app_bin" "$viewer_app" "$cli_bin" "$server_bin"; do
    [[ -x "$bin" ]] || { echo "gui bench: missing $bin (build the bench preset first)" >&2; exit 1; }
done

if [[ $quick -eq 1 ]]; then
    runs=1; startup_runs=1
    stream_sizes=(1000); viewer_sizes=(20); library_sizes=(10)
else
    runs=5; startup_runs=10
    stream_sizes=(1000 10000 100000); viewer_sizes=(20 200 2000); library_sizes=(10 100 1000)
fi

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=en
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY STORYBOOK_LIBRARY

work=$(mktemp -d "${TMPDIR:-/tmp}/storybook-gui-bench.XXXXXX")
server_pid=
cleanup() {
    if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Hermetic HOME/XDG folders for the child processes.
hermetic() {
    local home=$1
    mkdir -p "$home/config" "$home/data" "$home/cache" "$home/runtime"
    chmod 700 "$home/runtime"
}
hermetic "$work/home"
henv=(env HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
      XDG_CACHE_HOME="$work/home/cache" XDG_RUNTIME_DIR="$work/home/runtime"
      DBUS_SESSION_BUS_ADDRESS="unix:path=$work/home/no-bus")

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }   # field NAME "k=v k=v ..."
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }
check() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "✓" : "✗" }'; }

csv=$out/gui.csv
md=$out/gui.md
echo "benchmark,size,metric,value,unit" >"$csv"
row() { echo "$1,$2,$3,$4,$5" >>"$csv"; }
failed=0

{
    echo "## GUI benchmarks"
    echo
    echo "Medians of $runs run(s) ($startup_runs for start-up), QT_QPA_PLATFORM=offscreen, $(nproc) CPU(s)."
    echo
} >"$md"

# --- 1. Streaming into the main window vs the CLI on the same stream ---------------------------
"$server_bin" >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's/^listening //p' "$work/server.out" | head -n1)
    [[ -n "$port" ]] && break
    sleep 0.1
done
[[ -n "$port" ]] || { echo "gui bench: fake-openai-server did not start" >&2; cat "$work/server.err" >&2; exit 1; }

{
    echo "### Streaming a story page into the main window (fake server \`ok:N\`, full speed)"
    echo
    echo "*Open*: the same window opens the finished page with the same text from the library instead (no"
    echo "network): what showing that text costs at all, without streaming it."
    echo
    echo "| deltas | max stall (ms) | p99 stall (ms) | GUI CPU, stream (s) | GUI CPU, process (s) | open: CPU, page (s) | open: CPU, process (s) | CLI CPU, process (s) | GUI/CLI | open/CLI | target stall ≤ 16 ms | target GUI ≤ 2× CLI |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|"
} >>"$md"
for n in "${stream_sizes[@]}"; do
    : >"$work/gui.txt"; : >"$work/cli.txt"; : >"$work/open.txt"
    for r in $(seq 1 "$runs"); do
        # The baseline: the window opens the finished page (no network).
        if line=$( { time "${henv[@]}" timeout 600 "$stream_bin" --open --deltas "$n" 2>"$work/open.err"; } 2>"$work/time" ); then
            read -r u s <"$work/time"
            echo "$(field cpu_s "$line") $(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')" >>"$work/open.txt"
        else
            echo "gui bench: bench-gui-stream --open failed at $n deltas: $line" >&2; cat "$work/open.err" >&2; failed=1
        fi
        # A: the app's window (process CPU by bash's time, to the millisecond: GNU time rounds to
        # 10 ms; the stream-only CPU it prints itself).
        if line=$( { time "${henv[@]}" timeout 600 "$stream_bin" --port "$port" --deltas "$n" 2>"$work/gui.err"; } \
                   2>"$work/time" ); then
            read -r u s <"$work/time"
            echo "$(field max_stall_ms "$line") $(field p99_stall_ms "$line") $(field cpu_s "$line") $(awk -v u="$u" -v s="$s" 'BEGIN{print u+s}')" >>"$work/gui.txt"
        else
            echo "gui bench: bench-gui-stream failed at $n deltas: $line" >&2; cat "$work/gui.err" >&2; failed=1
        fi
        # B: storybook-cli story new on the same stream, same library settings.
        rm -rf "$work/clilib"
        if { time "${henv[@]}" timeout 600 "$cli_bin" story new --pages 1 --language en --library "$work/clilib" \
                 --base-url "http://127.0.0.1:$port/s/ok:$n/v1" --model fake-small --proxy none --retries 0 \
                 "a fox who finds a lantern" >"$work/cli.out" 2>"$work/cli.err"; } 2>"$work/time"; then
            read -r u s <"$work/time"
            chars=$(grep -o 'Once upon' "$work/cli.out" | wc -l)
            [[ $chars -ge 1 ]] || { echo "gui bench: the CLI printed no story at $n deltas" >&2; failed=1; }
            awk -v u="$u" -v s="$s" 'BEGIN{print u+s}' >>"$work/cli.txt"
        else
            echo "gui bench: storybook-cli failed at $n deltas" >&2; cat "$work/cli.err" >&2; failed=1
        fi
    done
    [[ -s "$work/gui.txt" && -s "$work/cli.txt" && -s "$work/open.txt" ]] || continue
    stall=$(awk '{print $1}' "$work/gui.txt" | median)
    p99=$(awk '{print $2}' "$work/gui.txt" | median)
    gstream=$(awk '{print $3}' "$work/gui.txt" | median)
    gproc=$(awk '{print $4}' "$work/gui.txt" | median)
    cproc=$(median <"$work/cli.txt")
    opage=$(awk '{print $1}' "$work/open.txt" | median)
    oproc=$(awk '{print $2}' "$work/open.txt" | median)
    rat=$(ratio "$gproc" "$cproc")
    orat=$(ratio "$oproc" "$cproc")
    echo "| $n | $stall | $p99 | $gstream | $gproc | $opage | $oproc | $cproc | $rat | $orat | $(check "$stall" 16) | $(check "$rat" 2) |" >>"$md"
    row stream "$n" cpu_s:open_page "$opage" s
    row stream "$n" cpu_s:open_process "$oproc" s
    row stream "$n" max_stall_ms "$stall" ms
    row stream "$n" p99_stall_ms "$p99" ms
    row stream "$n" cpu_s:gui_stream "$gstream" s
    row stream "$n" cpu_s:gui "$gproc" s
    row stream "$n" cpu_s:cli "$cproc" s
    row stream "$n" cpu_ratio:gui/cli "$rat" x
done
echo >>"$md"
kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=

# --- 2. The viewer paging and scrolling through an N-page story --------------------------------
{
    echo "### The viewer paging and scrolling through an N-page story"
    echo
    echo "| pages | page turn: worst (ms) | p99 (ms) | CPU per turn (ms) | map scroll step: worst (ms) | p99 (ms) | CPU per step (ms) | target worst ≤ 16 ms |"
    echo "|---:|---:|---:|---:|---:|---:|---:|:-:|"
} >>"$md"
for n in "${viewer_sizes[@]}"; do
    : >"$work/viewer.txt"
    for r in $(seq 1 "$runs"); do
        if line=$("${henv[@]}" timeout 600 "$viewer_bin" --pages "$n" 2>"$work/viewer.err"); then
            echo "$(field turn_max_ms "$line") $(field turn_p99_ms "$line") $(field turn_cpu_ms_per_step "$line") $(field scroll_max_ms "$line") $(field scroll_p99_ms "$line") $(field scroll_cpu_ms_per_step "$line")" >>"$work/viewer.txt"
        else
            echo "gui bench: bench-gui-viewer failed at $n pages: $line" >&2; cat "$work/viewer.err" >&2; failed=1
        fi
    done
    [[ -s "$work/viewer.txt" ]] || continue
    for i in 1 2 3 4 5 6; do v[$i]=$(awk -v i=$i '{print $i}' "$work/viewer.txt" | median); done
    worst=$(awk -v a="${v[1]}" -v b="${v[4]}" 'BEGIN{print (a > b) ? a : b}')
    echo "| $n | ${v[1]} | ${v[2]} | ${v[3]} | ${v[4]} | ${v[5]} | ${v[6]} | $(check "$worst" 16) |" >>"$md"
    row viewer "$n" turn_max_ms "${v[1]}" ms
    row viewer "$n" turn_p99_ms "${v[2]}" ms
    row viewer "$n" turn_cpu_ms "${v[3]}" ms
    row viewer "$n" scroll_max_ms "${v[4]}" ms
    row viewer "$n" scroll_p99_ms "${v[5]}" ms
    row viewer "$n" scroll_cpu_ms "${v[6]}" ms
done
echo >>"$md"

# --- 3. Start-up to the first painted frame, against an empty QMainWindow ----------------------
{
    echo "### Start-up: exec → first painted frame, idle RSS 1 s later (floor: an empty QMainWindow)"
    echo
    echo "Each start has a fresh home. *No index*: the library's index cache is missing, as on the first start with"
    echo "that library (every story file is read and parsed before the first frame); the ratios and the target"
    echo "use these. *Index*: the cache a previous start wrote is there, as on every later start."
    echo
    echo "| stories in library | floor (ms) | floor with text (ms) | storybook, no index (ms) | ratio | storybook-viewer, no index (ms) | ratio | storybook, index (ms) | storybook-viewer, index (ms) | floor RSS (MB) | storybook RSS (MB) | viewer RSS (MB) | target ≤ 1.3× floor | target RSS ≤ 80 MB |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|:-:|"
} >>"$md"
for n in "${library_sizes[@]}"; do
    lib=$work/library-$n
    mkdir -p "$lib"
    if [[ $n -gt 0 ]] && ! "${henv[@]}" "$viewer_bin" --make-library "$lib" --stories "$n" >/dev/null; then
        echo "gui bench: could not write a library of $n stories" >&2; failed=1; continue
    fi
    : >"$work/floor.txt"; : >"$work/floortext.txt"; : >"$work/app.txt"; : >"$work/viewerapp.txt"
    : >"$work/appwarm.txt"; : >"$work/viewerwarm.txt"
    # One start of each writes the index the "index" runs find.
    rm -rf "$work/cache-app" "$work/cache-viewer"
    mkdir -p "$work/cache-app" "$work/cache-viewer"
    STORYBOOK_BENCH_CACHE=$work/cache-app bash "$here/startup.sh" --one "$app_bin" --library "$lib" >/dev/null || failed=1
    STORYBOOK_BENCH_CACHE=$work/cache-viewer bash "$here/startup.sh" --one "$viewer_app" "$lib" >/dev/null || failed=1
    for r in $(seq 1 "$startup_runs"); do
        # Interleaved: floor, floor with text, app, viewer, app and viewer with the index, floor, ...
        bash "$here/startup.sh" --one "$floor_bin" >>"$work/floor.txt" || failed=1
        bash "$here/startup.sh" --one "$floor_bin" --text >>"$work/floortext.txt" || failed=1
        bash "$here/startup.sh" --one "$app_bin" --library "$lib" >>"$work/app.txt" || failed=1
        bash "$here/startup.sh" --one "$viewer_app" "$lib" >>"$work/viewerapp.txt" || failed=1
        STORYBOOK_BENCH_CACHE=$work/cache-app bash "$here/startup.sh" --one "$app_bin" --library "$lib" >>"$work/appwarm.txt" || failed=1
        STORYBOOK_BENCH_CACHE=$work/cache-viewer bash "$here/startup.sh" --one "$viewer_app" "$lib" >>"$work/viewerwarm.txt" || failed=1
    done
    f=$(awk '{print $1}' "$work/floor.txt" | median); a=$(awk '{print $1}' "$work/app.txt" | median)
    ft=$(awk '{print $1}' "$work/floortext.txt" | median)
    w=$(awk '{print $1}' "$work/viewerapp.txt" | median)
    aw=$(awk '{print $1}' "$work/appwarm.txt" | median); ww=$(awk '{print $1}' "$work/viewerwarm.txt" | median)
    fr=$(awk '{print $2 / 1024}' "$work/floor.txt" | median); ar=$(awk '{print $2 / 1024}' "$work/app.txt" | median)
    wr=$(awk '{print $2 / 1024}' "$work/viewerapp.txt" | median)
    ra=$(ratio "$a" "$f"); rw=$(ratio "$w" "$f")
    maxratio=$(awk -v a="$ra" -v b="$rw" 'BEGIN{print (a > b) ? a : b}')
    maxrss=$(awk -v a="$ar" -v b="$wr" 'BEGIN{print (a > b) ? a : b}')
    printf '| %s | %.1f | %.1f | %.1f | %s | %.1f | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |\n' "$n" "$f" "$ft" "$a" "$ra" "$w" "$rw" \
        "$aw" "$ww" "$fr" "$ar" "$wr" \
        "$(check "$maxratio" 1.3)" "$(check "$maxrss" 80)" >>"$md"
    row startup "$n" first_frame_ms:floor "$f" ms
    row startup "$n" first_frame_ms:floor-text "$ft" ms
    row startup "$n" ratio:storybook/floor-text "$(ratio "$a" "$ft")" x
    row startup "$n" first_frame_ms:storybook "$a" ms
    row startup "$n" first_frame_ms:viewer "$w" ms
    row startup "$n" first_frame_ms:storybook-index "$aw" ms
    row startup "$n" first_frame_ms:viewer-index "$ww" ms
    row startup "$n" ratio:storybook/floor "$ra" x
    row startup "$n" ratio:viewer/floor "$rw" x
    row startup "$n" idle_rss_mb:floor "$fr" MB
    row startup "$n" idle_rss_mb:storybook "$ar" MB
    row startup "$n" idle_rss_mb:viewer "$wr" MB
done
echo >>"$md"

echo "gui bench: wrote $md and $csv"
exit $failed
