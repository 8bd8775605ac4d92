#!/usr/bin/env bash
# The benchmark: exportctl against the anchors (python-stix2, stix2-validator, python-stix, lxml, orjson, xmllint).
#
# Usage: Benchmarks/run.sh [--sizes 10000,100000,1000000] [--runs 5] [--deadline HH:MM] [--no-gigabyte] [--iocs N|0]
#                          [--before OLD-EXPORTCTL]
#                          [--smoke] [--crafted] [--exportctl PATH] [--results FILE] [bench.py options]
#
# Builds exportctl in release mode (.build-release), installs the pinned anchors into .venv (as Scripts/test.sh
# does: Tests/oracles/requirements.txt; /usr/bin/time and xmllint with apt-get), generates the corpora, runs
# every pair alternating ours/anchor runs, appends each run to Benchmarks/results.jsonl and regenerates
# Benchmarks/RESULTS.md from it. --smoke (CI): N=300, one run, the given (debug) binary, no build, results to
# a temporary file, RESULTS.md untouched; it checks that every tool runs and the object counts match.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
crafted=0
exportctl=""
results=""
gigabyte=1
iocs=100000
passthrough=()
while [ $# -gt 0 ]; do
    case "$1" in
        --smoke) smoke=1 ;;
        --exportctl) exportctl="$2"; shift ;;
        --results) results="$2"; shift ;;
        --no-gigabyte) gigabyte=0 ;;
        --iocs) iocs="$2"; shift ;;
        --crafted) crafted=1 ;;
        *) passthrough+=("$1") ;;
    esac
    shift
done

if [ "$smoke" = 1 ] && [ -n "${EXPORTCTL_PYTHON:-}" ] && [ -x "${EXPORTCTL_PYTHON}" ]; then
    python="$EXPORTCTL_PYTHON"  # the test run's venv (Scripts/test.sh made it)
    for tool in /usr/bin/time xmllint; do
        command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is missing: run Scripts/test.sh" >&2; exit 1; }
    done
else
    source Scripts/oracle-venv.sh
    python="$EXPORTCTL_PYTHON"
fi

if [ -z "$exportctl" ]; then
    if [ "$smoke" = 1 ]; then
        exportctl=.build/debug/exportctl
    else
        echo "run.sh: building exportctl in release mode" >&2
        swift build -c release --scratch-path .build-release --product exportctl >&2
        exportctl=.build-release/release/exportctl
    fi
fi

if [ "$crafted" = 1 ]; then
    exec "$python" Benchmarks/crafted.py --exportctl "$exportctl" "${passthrough[@]}"
fi

schemas=$("$python" -c 'import os, sdv; print(os.path.join(os.path.dirname(sdv.__file__), "resources/xsd/stix_1.2"))')

if [ "$smoke" = 1 ]; then
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    "$python" Benchmarks/bench.py --smoke --exportctl "$exportctl" --python "$python" --sizes 300 --iocs 200 --runs 1 \
        --work "$work" --results "${results:-$work/results.jsonl}" --stix12-schemas "$schemas" "${passthrough[@]}"
    exit 0
fi

flags=()
[ "$gigabyte" = 1 ] && flags+=(--gigabyte)
[ "$iocs" != 0 ] && flags+=(--iocs "$iocs")
"$python" Benchmarks/bench.py --exportctl "$exportctl" --python "$python" --stix12-schemas "$schemas" \
    --results "${results:-Benchmarks/results.jsonl}" "${flags[@]}" "${passthrough[@]}"
"$python" Benchmarks/report.py "${results:-Benchmarks/results.jsonl}" > Benchmarks/RESULTS.md
echo "run.sh: wrote Benchmarks/RESULTS.md" >&2
