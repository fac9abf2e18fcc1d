#!/usr/bin/env bash
# Picture benchmarks (issue 15; docs/benchmarks.md, "Pictures"):
#   bash bench/pictures/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/pictures.md (medians, each beside its baseline measured in the same run, ratios,
# targets) and OUT_DIR/pictures.csv (benchmark,size,metric,value,unit). --quick: small sizes, once.
# Exits non-zero only when a benchmark failed to run or did not do its work.
set -euo pipefail

[[ $# -ge 2 ]] || { sed -n 2,6p "$0" >&2; exit 2; }
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
quick=0
[[ "${3:-}" == "--quick" ]] && quick=1

gui_bin=$build/bench/pictures/bench-pictures-gui
lib_bin=$build/bench/pictures/storybook-bench-pictures-library
pic_server=$build/bench/pictures/bench-pictures-server
server_bin=${FAKE_SERVER:-$build/tests/support/fake-openai-server} # FAKE_SERVER: another build's, if need be
for bin in "$gui_bin" "$lib_bin" "$pic_server" "$server_bin"; do
    [[ -x "$bin" ]] || { echo "pictures bench: missing $bin (build the bench preset first)" >&2; exit 1; }
done

if [[ $quick -eq 1 ]]; then
    runs=1; stream_pages=3; viewer_pages=5; open_pages=3; stories=20; list_runs=1; save_runs=1
else
    runs=${PICTURES_RUNS:-5}; stream_pages=30; viewer_pages=200; open_pages=30
    stories=${PICTURES_STORIES:-10000}; list_runs=${PICTURES_LIST_RUNS:-5}; save_runs=7
fi

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANGUAGE=en
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY STORYBOOK_LIBRARY
work=$(mktemp -d "${TMPDIR:-/tmp}/storybook-pictures-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home/config" "$work/home/data" "$work/home/cache" "$work/home/runtime"
chmod 700 "$work/home/runtime"
henv=(env HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
      XDG_CACHE_HOME="$work/home/cache" XDG_RUNTIME_DIR="$work/home/runtime"
      DBUS_SESSION_BUS_ADDRESS="unix:path=$work/home/no-bus")

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p" | head -n1; }   # field NAME "k=v k=v ..."
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }'; }
check() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "✓" : "✗" }'; }

csv=$out/pictures.csv
md=$out/pictures.md
echo "benchmark,size,metric,value,unit" >"$csv"
row() { echo "$1,$2,$3,$4,$5" >>"$csv"; }
failed=0

# run NAME ARGS...: one bench-pictures-gui run; appends its line to $work/NAME.txt
run() {
    local name=$1; shift
    local line
    if line=$("${henv[@]}" timeout 900 "$gui_bin" "$@" 2>"$work/$name.err"); then
        echo "$line" >>"$work/$name.txt"
    else
        echo "pictures bench: bench-pictures-gui $* failed: $line" >&2; tail -n 20 "$work/$name.err" >&2; failed=1
    fi
}
col() { [[ -s "$work/$1.txt" ]] && while read -r l; do field "$2" "$l"; done <"$work/$1.txt" | median || echo nan; }

{
    echo "## Pictures"
    echo
    echo "Medians of $runs interleaved run(s) (listing: $list_runs), QT_QPA_PLATFORM=offscreen, $(nproc) CPU(s)."
    echo "Pictures: 1024×1024 PNGs of about 1.6 MB (bench-pictures-server, as gpt-image-1 sends them) in the"
    echo "window and the viewer; 200–400 KB JPEGs and PNGs in the libraries."
    echo
} >"$md"

# --- 1, 2, 5: the window streaming, the viewer paging, the window's RSS -------------------------
for name in stream_text stream_pictures viewer_text viewer_pictures open_text open_pictures; do : >"$work/$name.txt"; done
for r in $(seq 1 "$runs"); do
    run stream_text --mode stream --pages "$stream_pages" --text-only --server "$server_bin"
    run stream_pictures --mode stream --pages "$stream_pages" --server "$server_bin" --picture-server "$pic_server"
    run viewer_text --mode viewer --pages "$viewer_pages" --text-only
    run viewer_pictures --mode viewer --pages "$viewer_pages"
    run open_text --mode open --pages "$open_pages" --text-only
    run open_pictures --mode open --pages "$open_pages"
done

st=$(col stream_text max_stall_ms); sp=$(col stream_pictures max_stall_ms)
st99=$(col stream_text p99_stall_ms); sp99=$(col stream_pictures p99_stall_ms)
stw=$(col stream_text wall_s); spw=$(col stream_pictures wall_s)
stc=$(col stream_text cpu_s); spc=$(col stream_pictures cpu_s)
sth=$(col stream_text hwm_mb); sph=$(col stream_pictures hwm_mb)
{
    echo "### 1. The window writing a $stream_pages-page read-to-me story while its pictures arrive"
    echo
    echo "Worst event-loop stall (bench/gui's 1 ms timer) from \"write\" until the last picture is saved and shown."
    echo
    echo "| story | max stall (ms) | p99 stall (ms) | CPU (s) | wall (s) | peak RSS (MB) | target ≤ 16 ms |"
    echo "|---|---:|---:|---:|---:|---:|:-:|"
    echo "| text only (baseline) | $st | $st99 | $stc | $stw | $sth | $(check "$st" 16) |"
    echo "| illustrated ($((stream_pages + 1)) pictures with the sheet) | $sp | $sp99 | $spc | $spw | $sph | $(check "$sp" 16) |"
    echo "| ratio | $(ratio "$sp" "$st")× | $(ratio "$sp99" "$st99")× | $(ratio "$spc" "$stc")× | $(ratio "$spw" "$stw")× | $(ratio "$sph" "$sth")× | |"
    echo
} >>"$md"
row stream "$stream_pages" max_stall_ms:text "$st" ms
row stream "$stream_pages" max_stall_ms:pictures "$sp" ms
row stream "$stream_pages" p99_stall_ms:pictures "$sp99" ms

vt=$(col viewer_text turn_max_ms); vp=$(col viewer_pictures turn_max_ms)
vst=$(col viewer_text max_stall_ms); vsp=$(col viewer_pictures max_stall_ms)
vpt=$(col viewer_text p99_stall_ms); vpp=$(col viewer_pictures p99_stall_ms)
vct=$(col viewer_text turn_cpu_ms); vcp=$(col viewer_pictures turn_cpu_ms)
vh=$(col viewer_pictures hwm_mb); vht=$(col viewer_text hwm_mb); vf=$(col viewer_pictures file_mb)
{
    echo "### 2. The viewer turning through a $viewer_pages-page story"
    echo
    echo "*Turn*: Next + layout + repaint, synchronously. *Stall*: the worst event-loop stall over the whole"
    echo "paging, which also holds each decoded picture's arrival and paint (the illustrated run waits after"
    echo "every turn until its picture is shown; the story file is $vf MB)."
    echo
    echo "| story | worst turn (ms) | CPU per turn, all threads (ms) | max stall (ms) | p99 stall (ms) | target ≤ 16 ms |"
    echo "|---|---:|---:|---:|---:|:-:|"
    echo "| text only (baseline) | $vt | $vct | $vst | $vpt | $(check "$vst" 16) |"
    echo "| illustrated | $vp | $vcp | $vsp | $vpp | $(check "$vsp" 16) |"
    echo "| ratio | $(ratio "$vp" "$vt")× | $(ratio "$vcp" "$vct")× | $(ratio "$vsp" "$vst")× | $(ratio "$vpp" "$vpt")× | |"
    echo
} >>"$md"
row viewer "$viewer_pages" turn_max_ms:text "$vt" ms
row viewer "$viewer_pages" turn_max_ms:pictures "$vp" ms
row viewer "$viewer_pages" max_stall_ms:text "$vst" ms
row viewer "$viewer_pages" max_stall_ms:pictures "$vsp" ms

ot=$(col open_text hwm_mb); op=$(col open_pictures hwm_mb)
ort=$(col open_text rss_mb); orp=$(col open_pictures rss_mb)
{
    echo "### 5. Memory with a $open_pages-page illustrated story open in the window"
    echo
    echo "The app's main window opens the story (written by a child process) and shows every page with its"
    echo "picture; RSS then, and the peak of the process."
    echo
    echo "| story | RSS (MB) | peak RSS (MB) | target peak ≤ 150 MB |"
    echo "|---|---:|---:|:-:|"
    echo "| text only (baseline) | $ort | $ot | $(check "$ot" 150) |"
    echo "| illustrated | $orp | $op | $(check "$op" 150) |"
    echo "| ratio | $(ratio "$orp" "$ort")× | $(ratio "$op" "$ot")× | |"
    echo
} >>"$md"
row open "$open_pages" hwm_mb:text "$ot" MB
row open "$open_pages" hwm_mb:pictures "$op" MB

# --- 3, 4: listing illustrated libraries, file overhead, autosave ------------------------------
if "$lib_bin" --stories "$stories" --runs "$list_runs" --save-runs "$save_runs" --work "$work/library" >"$work/lib.txt" 2>"$work/lib.err"; then
    l=$(grep '^listing ' "$work/lib.txt"); o=$(grep '^overhead ' "$work/lib.txt"); s=$(grep '^save ' "$work/lib.txt")
    g=$(grep '^generate ' "$work/lib.txt")
    {
        echo "### 3. Listing $stories illustrated stories (8 pictures each)"
        echo
        echo "The same stories (bench/library's generator) written twice with \`Library::save\`: without pictures"
        echo "(the baseline) and with 8 pictures of $(field picture_kb_min "$g")–$(field picture_kb_max "$g") KB each"
        echo "($(field illustrated_mb "$o") MB of files against $(field text_mb "$o") MB). Cold: no index cache; warm: the index"
        echo "the cold listing wrote. Files in the OS page cache."
        echo
        echo "| listing | text only (ms) | illustrated (ms) | ratio | target |"
        echo "|---|---:|---:|---:|:-:|"
        echo "| cold | $(field cold_text_ms "$l") | $(field cold_pictures_ms "$l") | $(field cold_ratio "$l")× | ≤ 1.5×: $(check "$(field cold_ratio "$l")" 1.5) |"
        echo "| warm (index) | $(field warm_text_ms "$l") | $(field warm_pictures_ms "$l") | $(field warm_ratio "$l")× | ≤ 300 ms: $(check "$(field warm_pictures_ms "$l")" 300) |"
        echo
        echo "### 4. File overhead and autosave"
        echo
        echo "| measure | value | baseline | ratio | target |"
        echo "|---|---:|---:|---:|:-:|"
        echo "| $stories illustrated files over their picture bytes (everything else, the story's JSON included) | $(field total_overhead_pct "$o") % | $(field picture_mb "$o") MB of pictures | | ≤ 5 %: $(check "$(field total_overhead_pct "$o")" 5) |"
        echo "| the same, beyond the text-only file of the same story (the container itself) | $(field container_overhead_pct "$o") % | | | |"
        echo "| a 30-page story with 30 1024×1024 PNGs, over its picture bytes | $(field overhead_pct "$s") % | $(field picture_mb "$s") MB of pictures | | ≤ 5 %: $(check "$(field overhead_pct "$s")" 5) |"
        echo "| \`Library::save\` (an autosave) of that story, ms | $(field save_pictures_ms "$s") | $(field save_text_ms "$s") (text only) | $(field ratio_text "$s")× | |"
        echo "| the same save against writing as many bytes with \`QSaveFile\`, ms | $(field save_pictures_ms "$s") | $(field floor_ms "$s") | $(field ratio_floor "$s")× | no recompression |"
        echo
        echo "Every picture was found in the saved file byte for byte and read back identical ($(field verbatim "$s") of 30)."
        echo
    } >>"$md"
    row list-cold "$stories" ms:text "$(field cold_text_ms "$l")" ms
    row list-cold "$stories" ms:pictures "$(field cold_pictures_ms "$l")" ms
    row list-warm "$stories" ms:text "$(field warm_text_ms "$l")" ms
    row list-warm "$stories" ms:pictures "$(field warm_pictures_ms "$l")" ms
    row overhead "$stories" pct:total "$(field total_overhead_pct "$o")" pct
    row save 30 ms:pictures "$(field save_pictures_ms "$s")" ms
    row save 30 ms:text "$(field save_text_ms "$s")" ms
    row save 30 ms:floor "$(field floor_ms "$s")" ms
    cat "$work/lib.txt"
else
    echo "pictures bench: storybook-bench-pictures-library failed" >&2; cat "$work/lib.err" >&2; failed=1
fi
echo "pictures: wrote $md and $csv"
exit $failed
