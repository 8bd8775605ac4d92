"""Generates Benchmarks/RESULTS.md from the raw runs in Benchmarks/results.jsonl (one benchmark run: the latest
non-smoke one, or --run ID). Prints Markdown on standard output.

Usage: report.py [results.jsonl] [--run RUN_ID] [--overlay RUN_ID [--overlay-sizes 1GB-json,1GB-xml]]
                 [--notes Benchmarks/NOTES.md]

--overlay takes the rows of the given sizes (measurements, inputs, skips) from a later run instead, for a change
that only those rows measure; the header says which rows come from which run and commit.

Benchmarks/NOTES.md (hand-written: what limits each missed target, what each optimisation bought) is
appended verbatim, so the generated numbers and the analysis stay in one file.
"""
import argparse
import json
import os
import statistics

# (label, size, pair, ours tool, anchor tool, kind, bound): kind "faster" wants anchor/ours >= bound,
# "within" wants ours/anchor <= bound.
TARGETS = [
    ("authoring JSON → STIX 2.1 bundle", 100_000, "export-stix21", "exportctl", "python-stix2", "faster", 50),
    ("authoring JSON → STIX 2.1 bundle", 100_000, "export-stix21", "exportctl", "orjson", "within", 3),
    ("authoring JSON → STIX 2.1 bundle (issue 20)", 100_000, "export-stix21", "exportctl", "orjson", "within", 1),
    ("STIX 2.1 bundle → STIX 2.1 re-export", 100_000, "reexport-stix21", "exportctl", "python-stix2 parse", "faster", 50),
    ("validate a STIX 2.1 bundle", 100_000, "validate-stix21", "exportctl", "stix2-validator", "faster", 100),
    ("STIX 1.2 XML export", 100_000, "export-stix12", "exportctl --no-validate", "python-stix", "faster", 10),
    ("STIX 1.2 XML export", 100_000, "export-stix12", "exportctl --no-validate", "lxml", "within", 1),
    ("STIX 1.2 XML export, with the in-process XSD check", 100_000, "export-stix12", "exportctl +XSD", "python-stix", "faster", 10),
    ("STIX 1.2 XML export, with the in-process XSD check", 100_000, "export-stix12", "exportctl +XSD", "lxml", "within", 1),
    ("XSD validation (the STIX 1.2 export, official schemas)", 100_000, "xsd-stix12", "exportctl", "xmllint", "within", 1.1),
    ("XSD validation (report XML, threat-report.xsd)", 100_000, "xsd-report-xml", "exportctl", "xmllint", "within", 1.1),
]


def median(rows, key):
    return statistics.median(row[key] for row in rows)


def seconds(value):
    return f"{value:.2f} s" if value < 100 else f"{value:.0f} s"


def megabytes(kb):
    return f"{kb / 1024:.0f} MB" if kb >= 10 * 1024 else f"{kb / 1024:.1f} MB"


# The IOC-heavy corpus (issue 22) against the performance issue's targets: (pair, ours, anchor, bound).
IOC_TARGETS = [
    ("export-stix21", "exportctl", "python-stix2", 50),
    ("reexport-stix21", "exportctl", "python-stix2 parse", 50),
    ("validate-stix21", "exportctl", "stix2-validator", 100),
]


def cpu(rows):
    return statistics.median(r["user_s"] + r["sys_s"] for r in rows)


def emit_ioc(emit, groups, cell):
    sizes = sorted({key[0] for key in groups if isinstance(key[0], str) and key[0].startswith("ioc-")})
    for size in sizes:
        emit(f"## IOC-heavy corpus ({size[4:]} indicators, each with its observable)")
        emit("")
        emit("| work | exportctl | CPU | peak RSS | objects/s | anchor | anchor time | ratio (wall) | ratio (CPU) | target | |")
        emit("|---|---|---|---|---|---|---|---|---|---|---|")
        for (key_size, pair, tool), ours in sorted(groups.items(), key=lambda item: item[0][1]):
            if key_size != size or not tool.startswith("exportctl") or tool.endswith("@before"):
                continue
            wall = median(ours, "wall_s")
            objects = ours[0].get("objects") or 0
            rate = f"{objects / wall:,.0f}" if objects and wall else ""
            target = next((t for t in IOC_TARGETS if t[0] == pair and t[1] == tool), None)
            anchor = cell(size, pair, target[2]) if target else None
            head = f"| {pair} | {tool}: {seconds(wall)} | {seconds(cpu(ours))} | {megabytes(median(ours, 'max_rss_kb'))} | {rate} "
            if target and anchor:
                ratio, cpu_ratio = median(anchor, "wall_s") / wall, cpu(anchor) / max(cpu(ours), 1e-3)
                emit(head + f"| {target[2]} | {seconds(median(anchor, 'wall_s'))} | {ratio:.1f}× faster | {cpu_ratio:.1f}× "
                     f"| ≥ {target[3]}× faster | {'met' if ratio >= target[3] else '**missed**'} |")
            elif target:
                emit(head + f"| {target[2]} | not measured | | | ≥ {target[3]}× faster | missing |")
            else:
                emit(head + "| — | | | | | |")
        emit("")


def emit_before_after(emit, groups, cell):
    befores = sorted((key for key in groups if key[2].endswith(" @before")), key=lambda k: (str(k[0]), k[1]))
    if not befores:
        return
    emit("## Before and after (`--before`: an earlier build in the same run)")
    emit("")
    emit("Medians of the earlier build (`@before`) and of this one, on the same inputs, alternating with the anchors.")
    emit("")
    emit("| N | pair | tool | before (wall) | after (wall) | change (wall) | change (CPU) | peak RSS before → after |")
    emit("|---|---|---|---|---|---|---|---|")
    for size, pair, tool in befores:
        ours = cell(size, pair, tool[: -len(" @before")])
        before = groups[(size, pair, tool)]
        if not ours:
            continue
        size_text = f"{size:,}" if isinstance(size, int) else size
        failed = [r for r in before if r.get("exit") != 0]
        if failed:
            reason = (failed[0].get("stderr_tail") or "").strip().splitlines()[:1]
            emit(f"| {size_text} | {pair} | {tool[: -len(' @before')]} | failed (exit {failed[0].get('exit')}"
                 f"{': ' + reason[0].replace('|', '/') if reason else ''}) | {seconds(median(ours, 'wall_s'))} | | | |")
            continue
        wall_change = median(ours, "wall_s") / median(before, "wall_s") - 1
        cpu_change = cpu(ours) / max(cpu(before), 1e-3) - 1
        emit(f"| {size_text} | {pair} | {tool[: -len(' @before')]} | {seconds(median(before, 'wall_s'))} | "
             f"{seconds(median(ours, 'wall_s'))} | {wall_change:+.1%} | {cpu_change:+.1%} | "
             f"{megabytes(median(before, 'max_rss_kb'))} → {megabytes(median(ours, 'max_rss_kb'))} |")
    emit("")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results", nargs="?", default="Benchmarks/results.jsonl")
    parser.add_argument("--run", default=None)
    parser.add_argument("--overlay", default=None, help="a later run whose rows of --overlay-sizes replace the run's")
    parser.add_argument("--overlay-sizes", default="1GB-json,1GB-xml", type=lambda text: [p for p in text.split(",") if p])
    parser.add_argument("--notes", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "NOTES.md"),
                        help="hand-written analysis appended verbatim: what limits a missed target, what each change bought")
    args = parser.parse_args()
    with open(args.results, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    machines = [row for row in rows if row.get("kind") == "machine" and not row.get("smoke")]
    run_id = args.run or (machines[-1]["run_id"] if machines else rows[-1]["run_id"])
    everything = rows
    rows = [row for row in everything if row["run_id"] == run_id]
    machine = next(row for row in rows if row["kind"] == "machine")
    overlay = None
    if args.overlay:
        overlay = next(row for row in everything if row["run_id"] == args.overlay and row["kind"] == "machine")
        rows = [row for row in rows if row.get("size") not in args.overlay_sizes] + [
            row for row in everything
            if row["run_id"] == args.overlay and row["kind"] != "machine" and row.get("size") in args.overlay_sizes]
    runs = [row for row in rows if row["kind"] == "run"]
    groups = {}
    for row in runs:
        groups.setdefault((row["size"], row["pair"], row["tool"]), []).append(row)

    def cell(size, pair, tool):
        return groups.get((size, pair, tool))

    out = []
    emit = out.append
    emit("# Benchmark results")
    emit("")
    emit(f"Generated by `Benchmarks/report.py` from `Benchmarks/results.jsonl` (run `{run_id}`); do not edit by hand. "
         "Regenerate with `Benchmarks/run.sh` (measures and appends) or `python3 Benchmarks/report.py > Benchmarks/RESULTS.md`.")
    emit("")
    emit(f"- **Date:** {machine['date']}")
    emit(f"- **Machine:** {machine['cpu']}, {machine['cores']} cores, {machine['ram_gb']} GB RAM, {machine['os']} "
         f"(kernel {machine['kernel']})")
    emit(f"- **Swift:** {machine['swift']}; exportctl at commit `{machine['commit']}` (`{machine['exportctl']}`)")
    emit(f"- **Anchors:** {machine['python']}, {machine['anchors']}; {machine['xmllint']}")
    emit(f"- **Runs:** medians of {machine['runs']} runs per tool (3 where one run takes over a minute, and "
         "fewer where noted below), ours and the anchors alternating within each pair; wall time measured around "
         "the process, user/sys/peak RSS from `/usr/bin/time -v`; whole processes, same input, same run.")
    if machine.get("argv"):
        emit(f"- **Command:** `Benchmarks/run.sh` → `bench.py {machine['argv']}`")
    if overlay:
        emit(f"- **Re-measured:** the rows of {', '.join(args.overlay_sizes)} come from run `{args.overlay}` "
             f"({overlay['date']}, exportctl at commit `{overlay['commit']}`), a change that only they measure; "
             f"generated with `report.py --run {run_id} --overlay {args.overlay} --overlay-sizes {','.join(args.overlay_sizes)}`.")
    emit("")
    emit("## Targets")
    emit("")
    emit("Ratios use median wall time. The CPU column gives the same ratio on user+sys time, which is less "
         "disturbed by other work on the machine.")
    emit("")
    emit("| work | N | exportctl | anchor | anchor time | ratio (wall) | ratio (CPU) | target | |")
    emit("|---|---|---|---|---|---|---|---|---|")
    for label, size, pair, ours_tool, anchor_tool, kind, bound in TARGETS:
        sizes = sorted({key[0] for key in groups if key[1] == pair and key[2] == anchor_tool and isinstance(key[0], int)})
        sizes = [s for s in sizes if cell(s, pair, ours_tool)]
        if not sizes:
            emit(f"| {label} | {size:,} | | {anchor_tool} | not measured | | | | missing |")
            continue
        used = size if size in sizes else sizes[-1]
        ours, anchor = cell(used, pair, ours_tool), cell(used, pair, anchor_tool)
        wall_ours, wall_anchor = median(ours, "wall_s"), median(anchor, "wall_s")
        cpu_ours = statistics.median(r["user_s"] + r["sys_s"] for r in ours)
        cpu_anchor = statistics.median(r["user_s"] + r["sys_s"] for r in anchor)
        if kind == "faster":
            ratio, cpu_ratio = wall_anchor / wall_ours, cpu_anchor / max(cpu_ours, 1e-3)
            met = ratio >= bound
            ratio_text, cpu_text, target = f"{ratio:.1f}× faster", f"{cpu_ratio:.1f}×", f"≥ {bound}× faster"
        else:
            ratio, cpu_ratio = wall_ours / wall_anchor, cpu_ours / max(cpu_anchor, 1e-3)
            met = ratio <= bound
            ratio_text, cpu_text, target = f"{ratio:.2f}× its time", f"{cpu_ratio:.2f}×", f"≤ {bound}× its time"
        note = "" if used == size else f" (N={used:,}: {size:,} not measured)"
        emit(f"| {label}{note} | {used:,} | {ours_tool}: {seconds(wall_ours)} | {anchor_tool} | {seconds(wall_anchor)} "
             f"| {ratio_text} | {cpu_text} | {target} | {'met' if met else '**missed**'} |")
    big = cell(1_000_000, "export-stix21", "exportctl")
    if big:
        wall, rss = median(big, "wall_s"), median(big, "max_rss_kb")
        emit(f"| N=1,000,000 export to STIX 2.1 | 1,000,000 | {seconds(wall)}, {megabytes(rss)} peak | — | | | | "
             f"< 30 s, < 1.5 GB | {'met' if wall < 30 and rss < 1.5 * 1024 * 1024 else '**missed**'} |")
        emit(f"| N=1,000,000 export to STIX 2.1 (issue 20) | 1,000,000 | {seconds(wall)}, {megabytes(rss)} peak | — | | | | "
             f"< 8 s, < 1 GB | {'met' if wall < 8 and rss < 1024 * 1024 else '**missed**'} |")
    else:
        emit("| N=1,000,000 export to STIX 2.1 | 1,000,000 | not measured | — | | | | < 30 s, < 1.5 GB | missing |")
    inputs = {row["size"]: row for row in rows if row["kind"] == "input"}
    for size, pair, what, limit_mb in (("1GB-json", "validate-1gb-json", "JSON bundle", 200),
                                       ("1GB-xml", "validate-1gb-xml", "STIX 1.2 XML package", 100)):
        measured = cell(size, pair, "exportctl")
        file_bytes = inputs.get(size, {}).get("bundle_bytes") or inputs.get(size, {}).get("xml_bytes")
        label = f"validate a 1 GB file ({what}, {file_bytes / 1e9:.2f} GB)" if file_bytes else f"validate a 1 GB file ({what})"
        if measured:
            rss, wall = median(measured, "max_rss_kb"), median(measured, "wall_s")
            emit(f"| {label} | | {megabytes(rss)} peak, {seconds(wall)} | — | | | | < {limit_mb} MB | "
                 f"{'met' if rss < limit_mb * 1024 else '**missed**'} |")
            if size == "1GB-json" and file_bytes:
                # Issue 20: 150 MB/s on one core, i.e. the bytes over user time (validate runs on one thread).
                rate = file_bytes / 1e6 / max(median(measured, "user_s"), 1e-3)
                emit(f"| validate a STIX 2.1 bundle on one core (issue 20; {file_bytes / 1e9:.2f} GB over user time) | | "
                     f"{rate:.0f} MB/s, {seconds(median(measured, 'user_s'))} user | — | | | | ≥ 150 MB/s | "
                     f"{'met' if rate >= 150 else '**missed**'} |")
        else:
            emit(f"| {label} | | not measured | — | | | | < {limit_mb} MB | missing |")
    emit("")
    emit_ioc(emit, groups, cell)
    emit_before_after(emit, groups, cell)
    emit("## Every measurement")
    emit("")
    emit("| N | pair | tool | runs | wall median (min–max) | user+sys median | peak RSS median | objects/s | output objects |")
    emit("|---|---|---|---|---|---|---|---|---|")
    order = {"generate": 0, "export-stix21": 1, "reexport-stix21": 2, "validate-stix21": 3, "export-stix12": 4,
             "xsd-stix12": 5, "xsd-report-xml": 5, "validate-1gb-json": 6, "validate-1gb-xml": 7}
    for key in sorted(groups, key=lambda k: (str(type(k[0])), k[0] if isinstance(k[0], int) else 0, str(k[0]), order.get(k[1], 9))):
        size, pair, tool = key
        cells = groups[key]
        walls = [r["wall_s"] for r in cells]
        wall = statistics.median(walls)
        cpu = statistics.median(r["user_s"] + r["sys_s"] for r in cells)
        objects = cells[0].get("objects") or 0
        rate = f"{objects / wall:,.0f}" if objects and wall else ""
        counts = sorted({r["count"] for r in cells if r.get("count") is not None})
        count_text = ", ".join(f"{c:,}" for c in counts) if counts else "—"
        if any(r.get("count_ok") is False for r in cells):
            count_text += " **mismatch**"
        size_text = f"{size:,}" if isinstance(size, int) else size
        emit(f"| {size_text} | {pair} | {tool} | {len(cells)} | {seconds(wall)} ({seconds(min(walls))}–{seconds(max(walls))}) "
             f"| {seconds(cpu)} | {megabytes(statistics.median(r['max_rss_kb'] for r in cells))} | {rate} | {count_text} |")
    emit("")
    skips = [row for row in rows if row["kind"] in ("skip", "note")]
    if skips:
        emit("## Skipped or cut")
        emit("")
        for row in skips:
            size_text = f"{row['size']:,}" if isinstance(row["size"], int) else row["size"]
            emit(f"- N={size_text}, {row['pair']}, {row['tool']}: {row.get('reason') or row.get('note')}")
        emit("")
    emit("## Inputs")
    emit("")
    for size, row in sorted(inputs.items(), key=lambda item: str(item[0])):
        parts = [f"{k.replace('_', ' ')} {v:,}" for k, v in sorted(row.items()) if isinstance(v, int) and k != "size"]
        emit(f"- {size if isinstance(size, str) else f'N={size:,}'}: {', '.join(parts)}")
    emit("")
    if args.notes and os.path.exists(args.notes):
        with open(args.notes, encoding="utf-8") as handle:
            emit(handle.read().rstrip())
        emit("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
