#!/usr/bin/env python3
"""Times two exportctl binaries on the same work, alternating runs, for a before/after table of one change.

Usage: python3 Benchmarks/compare_builds.py --before OLD --after NEW [--objects 100000] [--runs 3] [--work DIR]

Each pair runs OLD and NEW one after the other, `runs` times, under /usr/bin/time -v (user, sys, peak RSS; wall
taken around it), on a corpus generated once by NEW. Prints a Markdown table of medians and whether the two
outputs are byte-identical (SHA-256). The anchors are not run: Benchmarks/run.sh measures those.
"""
import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time


def timed(command, stdout_path):
    with open(stdout_path, "wb") as out:
        start = time.monotonic()
        done = subprocess.run(["/usr/bin/time", "-v", *command], stdout=out, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - start
    if done.returncode != 0:
        sys.exit(f"compare_builds: {' '.join(command)} exited {done.returncode}: {done.stderr[-2000:]}")
    def field(name):
        match = re.search(rf"{name}: ([\d.:]+)", done.stderr)
        return float(match.group(1)) if match else 0.0
    return {"wall": wall, "cpu": field("User time \\(seconds\\)") + field("System time \\(seconds\\)"),
            "rss": field("Maximum resident set size \\(kbytes\\)") / 1024}


def digest(path):
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", required=True)
    parser.add_argument("--after", required=True)
    parser.add_argument("--objects", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="exportctl-compare-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus.json")
    bundle = os.path.join(work, "bundle.json")
    subprocess.run([args.after, "corpus", "--objects", str(args.objects), "--seed", "1", "-o", corpus], check=True)
    subprocess.run([args.after, "export", corpus, "--quiet", "-o", bundle], check=True)
    pairs = [
        ("export stix21", ["export", corpus]),
        ("re-export stix21", ["export", bundle]),
        ("export stix12 --no-validate", ["export", corpus, "--format", "stix12", "--no-validate"]),
        ("export misp", ["export", corpus, "--format", "misp"]),
        ("export report-xml --no-validate", ["export", corpus, "--format", "report-xml", "--no-validate"]),
        ("validate stix21", ["validate", bundle]),
    ]
    print(f"N = {args.objects:,} objects, {args.runs} runs each, alternating; medians.\n")
    print("| work | before wall / CPU / RSS | after wall / CPU / RSS | after ÷ before (wall) | same bytes |")
    print("|---|---|---|---|---|")
    for name, command in pairs:
        results = {"before": [], "after": []}
        outputs = {}
        for _ in range(args.runs):
            for side in ("before", "after"):
                out = os.path.join(work, f"{side}.out")
                results[side].append(timed([getattr(args, side), *command], out))
                outputs[side] = digest(out)
        med = {side: {key: statistics.median(r[key] for r in runs) for key in ("wall", "cpu", "rss")}
               for side, runs in results.items()}
        cell = lambda m: f"{m['wall']:.2f} s / {m['cpu']:.2f} s / {m['rss']:.0f} MB"
        same = "yes" if outputs["before"] == outputs["after"] else "no"
        print(f"| {name} | {cell(med['before'])} | {cell(med['after'])} | {med['after']['wall'] / med['before']['wall']:.2f} | {same} |", flush=True)


if __name__ == "__main__":
    main()
