#!/usr/bin/env bash
# Start-up of one GUI executable, from exec to its first painted frame, and its idle RSS 1 s later,
# through the first-frame probe (src/core/firstframeprobe.h), in a fresh hermetic HOME each run.
#   startup.sh --one EXE [ARGS...]          prints "FIRST_FRAME_MS RSS_KB" (exit 1 if no probe output)
#     STORYBOOK_BENCH_CACHE=DIR             use DIR as the cache folder, kept between runs (the library
#                                           index a previous start wrote): a start as on any day but the
#                                           first; without it the index is missing, as on the first day
#     STORYBOOK_BENCH_CONFIG=DIR            copy DIR into the fresh XDG_CONFIG_HOME first (e.g. the app's
#                                           settings naming the story and page open when it last quit)
#     STORYBOOK_BENCH_TIMEOUT=S             seconds before the start is given up (default 60; more for
#                                           a start under valgrind: EXE may be "valgrind ... EXE")
#   startup.sh --check FLOOR APP VIEWER     the CTest smoke: each once, each must report both values
set -euo pipefail

one() {
    local home err line ms rss
    home=$(mktemp -d "${TMPDIR:-/tmp}/storybook-bench-home.XXXXXX")
    mkdir -p "$home/config" "$home/data" "$home/cache" "$home/runtime"
    chmod 700 "$home/runtime"
    if [[ -n "${STORYBOOK_BENCH_CONFIG:-}" ]]; then cp -R "$STORYBOOK_BENCH_CONFIG/." "$home/config/"; fi
    local cache=${STORYBOOK_BENCH_CACHE:-$home/cache}
    err="$home/stderr"
    # Hermetic: empty settings, no proxy, no keyring (a D-Bus address that does not exist).
    (
        unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy no_proxy NO_PROXY STORYBOOK_LIBRARY
        export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$cache" \
            XDG_RUNTIME_DIR="$home/runtime" DBUS_SESSION_BUS_ADDRESS="unix:path=$home/no-bus" \
            QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" LC_ALL=C.UTF-8 LANGUAGE=en \
            STORYBOOK_BENCH_FIRST_FRAME=1 STORYBOOK_BENCH_IDLE_MS=1000
        export STORYBOOK_BENCH_T0_US="${EPOCHREALTIME/./}"
        exec timeout "${STORYBOOK_BENCH_TIMEOUT:-60}" "$@"
    ) >/dev/null 2>"$err" || true
    ms=$(sed -n 's/^storybook-bench first-frame-ms //p' "$err" | head -n1)
    rss=$(sed -n 's/^storybook-bench idle-rss-kb //p' "$err" | head -n1)
    if [[ -z "$ms" || -z "$rss" ]]; then
        echo "startup.sh: no probe output from $1:" >&2
        cat "$err" >&2
        rm -rf "$home"
        return 1
    fi
    rm -rf "$home"
    echo "$ms $rss"
}

case "${1:-}" in
    --one)
        shift
        one "$@"
        ;;
    --check)
        shift
        [[ $# -eq 3 ]] || { echo "usage: startup.sh --check FLOOR APP VIEWER" >&2; exit 2; }
        status=0
        for exe in "$@"; do
            if result=$(one "$exe"); then
                read -r ms rss <<<"$result"
                echo "$(basename "$exe"): first frame ${ms} ms, idle RSS ${rss} kB"
                # Sanity: a real frame takes some time and the process has some memory.
                awk -v ms="$ms" -v rss="$rss" 'BEGIN { exit !(ms > 0 && ms < 60000 && rss > 1000) }' || {
                    echo "implausible values from $exe" >&2; status=1; }
            else
                status=1
            fi
        done
        exit $status
        ;;
    *)
        sed -n 2,5p "$0" >&2
        exit 2
        ;;
esac
