#!/usr/bin/env bash
# Network streaming benchmarks: bash bench/net/run.sh BUILD_DIR OUT_DIR [--quick]
# Writes OUT_DIR/net.md and OUT_DIR/net.csv (benchmark,size,metric,value,unit); see docs/benchmarks.md.
#   stream-direct / stream-socks5: a chat completion of 1k/10k/100k deltas from the fake server (in
#     storybook-bench-net, loopback) read by storybook-cli chat, curl -N and the openai npm SDK v4,
#     directly and through microsocks; CPU s (user+sys), wall s, peak RSS; medians of 5 interleaved runs.
#   first-token: spawn → first stdout byte and request received → first stdout byte, ours vs curl; median of 21.
# --quick: the smallest size, one run. Exits non-zero only if something failed to run.
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 BUILD_DIR OUT_DIR [--quick]" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
quick=0
[[ "${3:-}" == "--quick" ]] && quick=1
here=$(cd "$(dirname "$0")" && pwd)

driver=$build/bench/net/storybook-bench-net
cli=$build/src/cli/storybook-cli
for f in "$driver" "$cli"; do
    if [[ ! -x "$f" ]]; then
        echo "net: missing $f (build the bench preset first)" >&2
        exit 1
    fi
done

if [[ $quick -eq 1 ]]; then
    sizes=1000; runs=1; latency_runs=1
else
    sizes=1000,10000,100000; runs=5; latency_runs=21
fi

status=0
csv=$out/net.csv
log=$out/net.log
echo "benchmark,size,metric,value,unit" > "$csv"
: > "$log"

# The openai SDK v4 and socks-proxy-agent, installed outside the source tree (reused when present).
npm_dir=$build/npm
sdk_args=()
if command -v node >/dev/null && command -v npm >/dev/null; then
    if ! node -e "const v=require('$npm_dir/node_modules/openai/package.json').version; require('$npm_dir/node_modules/socks-proxy-agent'); process.exit(v.startsWith('4.')?0:1)" 2>/dev/null; then
        echo "net: npm install openai@4 socks-proxy-agent into $npm_dir"
        mkdir -p "$npm_dir"
        if ! (cd "$npm_dir" && npm install --no-audit --no-fund --prefix . openai@4 socks-proxy-agent >>"$log" 2>&1); then
            echo "net: npm install failed (see $log); the SDK column stays empty" >&2
            status=1
        fi
    fi
    if [[ -f "$npm_dir/node_modules/openai/package.json" ]]; then
        sdk_args=(--node "$(command -v node)" --sdk-script "$here/sdk_stream.js" --node-path "$npm_dir/node_modules")
        sdk_version=$(node -p "require('$npm_dir/node_modules/openai/package.json').version")
    fi
else
    echo "net: node/npm not found; the SDK column stays empty" >&2
    status=1
fi

echo "net: stream benchmarks (sizes $sizes, $runs runs each, interleaved)"
if ! "$driver" stream --cli "$cli" "${sdk_args[@]}" --deltas "$sizes" --runs "$runs" --via direct,socks5 \
        >>"$csv" 2> >(tee -a "$log" >&2); then
    echo "net: stream benchmark reported failures (see $log)" >&2
    status=1
fi
echo "net: first-token latency ($latency_runs runs each)"
if ! "$driver" latency --cli "$cli" --runs "$latency_runs" >>"$csv" 2> >(tee -a "$log" >&2); then
    echo "net: latency benchmark reported failures (see $log)" >&2
    status=1
fi

# Markdown summary from the CSV.
machine="$(nproc 2>/dev/null || echo '?') CPUs, $(uname -sr)"
curl_version=$(curl --version | head -1 | cut -d' ' -f1-2)
awk -F, -v quick="$quick" -v runs="$runs" -v lruns="$latency_runs" -v machine="$machine" \
    -v curlv="$curl_version" -v sdkv="${sdk_version:-not installed}" -v nodev="$(node --version 2>/dev/null || echo none)" '
NR == 1 { next }
{ v[$1 "|" $2 "|" $3] = $4; if (!(($1 "|" $2) in seen)) { seen[$1 "|" $2] = 1; order[++n] = $1 "|" $2 } }
function get(b, s, m) { k = b "|" s "|" m; return (k in v) ? v[k] : "" }
function fmt(x, d) { return x == "" ? "–" : sprintf("%." d "f", x) }
function ratio(a, b) { return (a == "" || b == "" || b + 0 == 0) ? "–" : sprintf("%.2f×", a / b) }
function mark(ok) { return ok ? "✓" : "✗" }
END {
    print "## Network streaming (net)"
    print ""
    printf "Machine: %s (absolute numbers are noisy on a shared or virtual machine; each row is measured side by side). ", machine
    printf "Medians of %d interleaved run(s)%s. Clients: storybook-cli (this build), %s, openai npm SDK %s on node %s.\n", runs, quick ? " (--quick: one run, smallest size; the numbers mean little)" : "", curlv, sdkv, nodev
    print ""
    for (bi = 1; bi <= 2; ++bi) {
        b = bi == 1 ? "stream-direct" : "stream-socks5"
        print "### " b (bi == 1 ? " (loopback, no proxy)" : " (through microsocks, socks5h)")
        print ""
        print "| deltas | CPU s: ours | curl | SDK | ours/curl (target ≤ 5×) | ours/SDK (target ≤ 0.05×) | peak RSS MB: ours (target ≤ 30) | curl | SDK | wall s: ours | curl | SDK |"
        print "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        for (i = 1; i <= n; ++i) {
            split(order[i], p, "|")
            if (p[1] != b) continue
            s = p[2]
            oc = get(b, s, "cpu_s:storybook-cli"); cc = get(b, s, "cpu_s:curl"); sc = get(b, s, "cpu_s:openai-sdk")
            orss = get(b, s, "rss_mb:storybook-cli")
            r1 = ratio(oc, cc); if (r1 != "–") r1 = r1 " " mark(oc <= 5 * cc)
            r2 = ratio(oc, sc); if (r2 != "–") r2 = r2 " " mark(oc <= 0.05 * sc)
            rs = fmt(orss, 1); if (orss != "") rs = rs " " mark(orss <= 30)
            printf "| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", s, fmt(oc, 3), fmt(cc, 3), fmt(sc, 3), r1, r2, rs,
                fmt(get(b, s, "rss_mb:curl"), 1), fmt(get(b, s, "rss_mb:openai-sdk"), 1),
                fmt(get(b, s, "wall_s:storybook-cli"), 3), fmt(get(b, s, "wall_s:curl"), 3), fmt(get(b, s, "wall_s:openai-sdk"), 3)
        }
        print ""
    }
    print "### first-token (server answers at once; median of " lruns " interleaved runs)"
    print ""
    print "| measure | ours ms | curl ms | ours − curl |"
    print "|---|---:|---:|---:|"
    split("request_to_first_ms spawn_to_first_ms spawn_to_request_ms", ms, " ")
    split("server received the request → first stdout byte (target ≤ 2 ms more than curl)|process spawn → first stdout byte (includes start-up)|process spawn → server received the request (start-up + connect)", names, "|")
    for (j = 1; j <= 3; ++j) {
        o = get("first-token", 1, ms[j] ":storybook-cli"); c = get("first-token", 1, ms[j] ":curl")
        d = (o == "" || c == "") ? "–" : sprintf("%+.2f", o - c)
        if (j == 1 && d != "–") d = d " " mark(o - c <= 2)
        printf "| %s | %s | %s | %s |\n", names[j], fmt(o, 2), fmt(c, 2), d
    }
    print ""
}' "$csv" > "$out/net.md"

echo "net: wrote $out/net.md and $out/net.csv"
exit $status
