#!/usr/bin/env bash
# Builds the libFuzzer targets and runs one (or all, one after another) for a given time.
# Usage: Fuzz/run.sh TARGET|all SECONDS [extra libFuzzer flags]
#   TARGET: authoring, report-xml, sharing, stix21 (see README.md).
# On a loaded machine add `-fork=1 -ignore_timeouts=1` (README.md, "Running"): timeouts are then kept and re-timed
# at the end instead of stopping the run.
# New inputs go to Fuzz/.work/corpus/TARGET (the seeds in Fuzz/Corpus/TARGET are only read), crashes, hangs
# and leaks to Fuzz/.work/artifacts/, and the log to Fuzz/.work/logs/. The last lines printed are the run's
# numbers for README.md: executions, executions per second, cov:, corpus size.
set -euo pipefail
cd "$(dirname "$0")"
targets=(authoring report-xml sharing stix21)

if [ $# -lt 2 ]; then
    echo "usage: Fuzz/run.sh TARGET|all SECONDS [libFuzzer flags]; targets: ${targets[*]}" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
if [ "$target" = all ]; then
    for each in "${targets[@]}"; do "$0" "$each" "$seconds" "$@"; done
    exit 0
fi
if [[ ! " ${targets[*]} " =~ " $target " ]]; then
    echo "run.sh: unknown target '$target'; known: ${targets[*]}" >&2
    exit 2
fi

# ASan also turns on LeakSanitizer, so leaks are findings. lld: gold fails on the libFuzzer + ASan link with
# "internal error in format_file_lineno".
swift build -c release --product "fuzz-$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >&2
binary="$(swift build -c release --show-bin-path)/fuzz-$target"

mkdir -p ".work/corpus/$target" .work/artifacts .work/logs
log=".work/logs/$target-$(date -u +%Y%m%dT%H%M%SZ).log"
start=$(date +%s)
# One process, one job: the machine's other core belongs to others. A hang is one input over 1 s.
set +e
"$binary" ".work/corpus/$target" "Corpus/$target" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -detect_leaks=1 \
    -artifact_prefix=".work/artifacts/$target-" -print_final_stats=1 "$@" 2>&1 | tee "$log" >&2
status=${PIPESTATUS[0]}
set -e
echo "run.sh: $target ran $(( $(date +%s) - start )) s, exit $status, log $log"
grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true
grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
# With -fork=1 the numbers are on the parent's last status line instead.
grep -E '^#[0-9]+: cov:' "$log" | tail -1 || true
echo "corpus files: $(find ".work/corpus/$target" -type f | wc -l) new + $(find "Corpus/$target" -type f | wc -l) seeds"
ls .work/artifacts/ | grep "^$target-" || echo "findings: none"
# libFuzzer's -timeout is wall-clock time: on a loaded machine an input can pass 1 s waiting for a core. Each
# timeout is re-run alone with its CPU time (process start included): over 1 s of CPU is a hang.
for artifact in .work/artifacts/"$target"-timeout-*; do
    [ -e "$artifact" ] || continue
    /usr/bin/time -f "run.sh: $artifact: %U s user + %S s system CPU, %e s wall" \
        "$binary" -runs=1 "$artifact" 2>&1 | grep '^run.sh:' || true
done
exit "$status"
