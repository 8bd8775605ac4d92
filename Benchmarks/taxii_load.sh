#!/usr/bin/env bash
# The TAXII load test (issue 19; by hand, not in CI): wrk on loopback against exportctl-serve serving one collection
# of N objects (default 1,000,000), paged reads with limit=100 that follow the real `next` chain, keep-alive, for a
# bounded time; then medallion 3.0.0 (in a venv of its own) at the largest collection it serves in the same run.
#
# Usage: Benchmarks/taxii_load.sh [--objects N] [--duration SECONDS] [--threads T] [--connections C]
#                                 [--log-level LEVEL] [--medallion-sizes 100,300,1000] [--no-medallion]
#                                 [--exportctl PATH] [--serve PATH]
#
# The corpus is `exportctl corpus --objects N` with every marking made TLP:CLEAR (taxii_bench.py release-all), so
# the partner's view, and so its collection, is the whole corpus (about N + 25 objects). The cursors are walked
# once first (taxii_bench.py cursors, which also checks that every object comes exactly once); wrk's threads then
# request those pages in order from different offsets (taxii_pages.lua). Prints one JSON line per measurement;
# Benchmarks/RESULTS.md's TAXII section records them. Everything runs on 127.0.0.1 and stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

objects=1000000 duration=30 threads=2 connections=32 log_level=info
medallion_sizes=100,300,1000,3000 medallion=1 exportctl="" serve=""
while [ $# -gt 0 ]; do
    case "$1" in
        --objects) objects="$2"; shift ;;
        --duration) duration="$2"; shift ;;
        --threads) threads="$2"; shift ;;
        --connections) connections="$2"; shift ;;
        --log-level) log_level="$2"; shift ;;
        --medallion-sizes) medallion_sizes="$2"; shift ;;
        --no-medallion) medallion=0 ;;
        --exportctl) exportctl="$2"; shift ;;
        --serve) serve="$2"; shift ;;
        *) echo "taxii_load.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

if ! command -v wrk >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
if [ -z "$exportctl" ]; then
    swift build -c release --scratch-path .build-release --product exportctl >&2
    exportctl=.build-release/release/exportctl
fi
if [ -z "$serve" ]; then
    swift build -c release --package-path Server --product exportctl-serve >&2
    serve=Server/.build/release/exportctl-serve
fi

work=.build-bench/taxii
mkdir -p "$work"
released="$work/released-$objects.json"
if [ ! -f "$released" ]; then
    "$exportctl" corpus --objects "$objects" -o "$work/corpus-$objects.json"
    python3 Benchmarks/taxii_bench.py release-all "$work/corpus-$objects.json" "$released"
fi

run=$(mktemp -d)
pid=""
cleanup() {
    [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
    [ -z "$pid" ] || wait "$pid" 2>/dev/null || true
    rm -rf "$run"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Waits (at most $2 seconds) for a line matching $1 in file $3.
wait_for() {
    local deadline=$(( $(date +%s) + $2 ))
    until grep -q "$1" "$3" 2>/dev/null; do
        [ "$(date +%s)" -lt "$deadline" ] || { echo "taxii_load.sh: timed out waiting for $1" >&2; cat "$3" >&2; return 1; }
        kill -0 "$pid" 2>/dev/null || { echo "taxii_load.sh: the server died" >&2; cat "$run"/*.err >&2; return 1; }
        sleep 1
    done
}
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"; }
measure() {  # measure NAME URL AUTH TIMEOUT CONNECTIONS: warm-up, then the timed run; prints the summary JSON
    local name=$1 url=$2 auth=$3 timeout=$4 connections=$5 threads=$threads before after
    [ "$threads" -le "$connections" ] || threads=$connections
    TAXII_PATHS="$run/paths-$name.txt" TAXII_AUTH="$auth" \
        wrk -t"$threads" -c"$connections" -d5s --timeout "$timeout" -s Benchmarks/taxii_pages.lua "$url" >/dev/null
    before=$(cpu_seconds "$pid")
    TAXII_PATHS="$run/paths-$name.txt" TAXII_AUTH="$auth" \
        wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout "$timeout" --latency \
        -s Benchmarks/taxii_pages.lua "$url" > "$work/wrk-$name.txt"
    after=$(cpu_seconds "$pid")
    python3 Benchmarks/taxii_bench.py wrk-summary "$work/wrk-$name.txt" | python3 -c "
import json, sys
summary = json.load(sys.stdin)
summary.update(server='$name', server_cpu_seconds=round($after - $before, 1), duration_s=$duration,
               threads=$threads, connections=$connections)
print(json.dumps(summary))"
}

# exportctl-serve
password=$("$serve" partners add bench --recipient USA --partners "$run/partners.yaml" | awk '/^password:/ { print $2 }')
auth="Basic $(printf 'bench:%s' "$password" | base64 -w0)"
port=$(free_port)
started=$(date +%s)
"$serve" serve "$released" --partners "$run/partners.yaml" --port "$port" --data "$run/state" \
    --log-level "$log_level" > "$run/serve.out" 2> "$run/serve.err" &
pid=$!
wait_for listening 1800 "$run/serve.out"
startup=$(( $(date +%s) - started ))
rss_mb=$(( $(awk '/VmRSS/ { print $2 }' "/proc/$pid/status") / 1024 ))
base="http://127.0.0.1:$port"
collection=$(curl -sf -H "Authorization: $auth" "$base/reports/collections/" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["collections"][0]["id"])')
url="$base/reports/collections/$collection/objects/"
walked=$(python3 Benchmarks/taxii_bench.py cursors "$url" "$auth" "$run/paths-exportctl.txt")
echo "{\"server\": \"exportctl\", \"startup_s\": $startup, \"rss_mb\": $rss_mb, \"walk\": $walked, \"log_level\": \"$log_level\"}"
measure exportctl "$base" "$auth" 10s "$connections"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

[ "$medallion" = 1 ] || exit 0
# medallion 3.0.0: its first page costs O(n^2) in the collection's size, so it is tried at growing sizes, each
# bounded, and measured at the largest whose first page took under 30 s.
venv=.build-bench/medallion-venv
if [ ! -x "$venv/bin/medallion" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check medallion==3.0.0
fi
small="$work/released-10000.json"
if [ ! -f "$small" ]; then
    "$exportctl" corpus --objects 10000 -o "$work/corpus-10000.json"
    python3 Benchmarks/taxii_bench.py release-all "$work/corpus-10000.json" "$small"
fi
[ -f "$work/bundle-10000.json" ] || "$exportctl" export --format stix21 "$small" -o "$work/bundle-10000.json"
medallion_auth="Basic $(printf 'bench:bench' | base64 -w0)"
largest=""
for size in ${medallion_sizes//,/ }; do
    python3 Benchmarks/taxii_bench.py medallion-data "$work/bundle-10000.json" "$size" "$run/medallion-$size.json"
    echo "{\"backend\": {\"module\": \"medallion.backends.memory_backend\", \"module_class\": \"MemoryBackend\", \"filename\": \"$run/medallion-$size.json\"}, \"users\": {\"bench\": \"bench\"}, \"taxii\": {\"max_page_size\": 100}}" > "$run/medallion-$size.conf"
    port=$(free_port)
    "$venv/bin/medallion" --host 127.0.0.1 --port "$port" "$run/medallion-$size.conf" > "$run/medallion.out" 2> "$run/medallion.err" &
    pid=$!
    for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/taxii2/" && break; sleep 1; done
    url="http://127.0.0.1:$port/bench/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/objects/"
    first=$(timeout 60 python3 Benchmarks/taxii_bench.py first-page "$url" "$medallion_auth" || echo '{"error": "over 60 s"}')
    echo "{\"server\": \"medallion\", \"objects\": $size, \"first_page\": $first}"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
    if echo "$first" | grep -q '"error"' || python3 -c "import json, sys; sys.exit(json.loads('$first')['seconds'] < 30)"; then
        break
    fi
    largest=$size
done
[ -n "$largest" ] || exit 0
# Its `next` is consumed on use and dies after 30 s, so wrk cannot replay a chain: every request is a first page.
port=$(free_port)
"$venv/bin/medallion" --host 127.0.0.1 --port "$port" "$run/medallion-$largest.conf" > "$run/medallion.out" 2> "$run/medallion.err" &
pid=$!
for _ in $(seq 60); do curl -s -o /dev/null "http://127.0.0.1:$port/taxii2/" && break; sleep 1; done
echo "/bench/collections/91a7b528-80eb-42ed-a74d-c6fbd5a26116/objects/?limit=100" > "$run/paths-medallion-$largest.txt"
# One connection: medallion's development server answers one such request at a time.
measure "medallion-$largest" "http://127.0.0.1:$port" "$medallion_auth" 60s 1
