#!/usr/bin/env python3
"""Sharing at scale (issue 15): `plan` and `export --for` on crafted reports, at doubling sizes.

Two shapes, each written as an authoring JSON report of about 10 MB at the largest size:
  releasable-to  N organisations, and a default marking AMBER releasable to all N of them (and IND) that
                 1,000 unmarked threat actors carry;
  withheld-names N RED threat actors with distinct names, and 200 CLEAR actors whose descriptions
                 (about 10 MB in all) the free-text scan reads against every withheld name.
For each size it prints wall time and peak RSS of `plan --for IND` and `export --for IND --redact`.
Linear work shows as time doubling with N; the target at N = 100,000 is under 5 s and 500 MB (release build).
There is no anchor: no other tool decides releasability, so this prints absolute numbers only.

Usage: Benchmarks/sharing_scale.py [--binary PATH] [--sizes 25000,50000,100000] [--work DIR]
"""
import argparse, json, os, resource, subprocess, sys, tempfile, time

HEADER = {"format_version": "1.0", "title": "Scale", "published": "2023-11-15",
          "producer": {"id": "desk.example", "name": "Desk"}, "default_marking": {"tlp": "clear"}}
STATES = [{"id": "india", "name": "India", "kind": "state", "country": "IN"},
          {"id": "usa", "name": "United States", "kind": "state", "country": "US"}]


def releasable_to(n):
    parties = [{"id": f"org-{i}", "name": f"Organisation {i}", "kind": "organization"} for i in range(n)]
    wide = {"tlp": "amber", "releasable_to": [p["id"] for p in parties] + ["IND"]}
    clear = {"tlp": "clear"}
    actors = [{"id": f"actor-{i}", "name": f"Actor {i}", "kind": "threat-actor"} for i in range(1000)]
    named = [dict(a, marking=clear) for a in STATES + parties]
    return dict(HEADER, default_marking=wide, actors=named + actors)


def withheld_names(n):
    red = {"tlp": "red", "releasable_to": ["USA"]}
    withheld = [{"id": f"w-{i}", "name": f"Withheld Group {i:06d}x", "kind": "threat-actor", "marking": red}
                for i in range(n)]
    prose = " ".join(f"word{i % 977} and other words of an analyst's narrative" for i in range(1000))
    shared = [{"id": f"c-{i}", "name": f"Clear Actor {i}", "kind": "organization",
               "description": prose + " mentions Withheld Group 000001x once."} for i in range(200)]
    return dict(HEADER, actors=STATES + withheld + shared)


def run(command):
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    proc = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
    wall = time.monotonic() - start
    rss_kb = int(proc.stderr.strip().splitlines()[-1]) if proc.stderr.strip() else before
    return wall, rss_kb / 1024, proc.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build-release/release/exportctl")
    parser.add_argument("--sizes", default="25000,50000,100000")
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="sharing-scale-")
    print(f"{'shape':<15}{'N':>9}{'MB':>7}  {'plan s':>7} {'plan MB':>8}  {'export s':>8} {'export MB':>9}")
    for shape, make in [("releasable-to", releasable_to), ("withheld-names", withheld_names)]:
        for n in [int(s) for s in args.sizes.split(",")]:
            path = os.path.join(work, f"{shape}-{n}.json")
            with open(path, "w") as f:
                json.dump(make(n), f)
            size = os.path.getsize(path) / 1e6
            plan = run([args.binary, "plan", path, "--for", "IND", "--redact"])
            export = run([args.binary, "export", path, "--for", "IND", "--redact", "-o", path + ".out.json"])
            for name, (_, _, code) in [("plan", plan), ("export", export)]:
                if code not in (0, 1):
                    sys.exit(f"{shape} N={n}: {name} exited {code}")
            print(f"{shape:<15}{n:>9}{size:>7.1f}  {plan[0]:>7.2f} {plan[1]:>8.0f}  {export[0]:>8.2f} {export[1]:>9.0f}")


if __name__ == "__main__":
    main()
