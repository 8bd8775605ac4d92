"""The benchmark harness: generates the corpora, runs exportctl and the anchors pair by pair, alternating, and
appends every run to a JSON Lines file. Run it through Benchmarks/run.sh, which builds and installs first.

Each measured run is one process under /usr/bin/time -v (user, sys, peak RSS) with the wall time taken
around it here. Each tool's output is counted (Benchmarks/anchors/count_objects.py) and checked against the
count of exportctl's output for the same work; a mismatch is recorded and fails the harness.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ANCHORS = os.path.join(HERE, "anchors")

# Published anchor rates on this class of machine (issue 8), objects per second, to decide before the first
# run whether one run would exceed the limit; once a tool has run at a smaller size, its measured rate is used.
PRIOR_RATES = {"python-stix2": 2500, "python-stix2 parse": 2500, "stix2-validator": 250, "python-stix": 3000}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


class Harness:
    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        os.makedirs(self.work, exist_ok=True)
        self.python = args.python
        self.exportctl = os.path.abspath(args.exportctl)
        self.run_id = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        self.rates = {}  # tool -> measured objects per second (wall), for the skip estimate
        self.failures = []
        self.deadline = None
        if args.deadline:
            hour, minute = (int(part) for part in args.deadline.split(":"))
            now = datetime.datetime.now(datetime.timezone.utc)
            deadline = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
            if deadline < now - datetime.timedelta(hours=12):
                deadline += datetime.timedelta(days=1)
            self.deadline = deadline.timestamp()

    # ---- output ----

    def record(self, row):
        row = {"run_id": self.run_id, **row}
        with open(self.args.results, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(row, sort_keys=True) + "\n")

    def machine(self):
        def first_line(command):
            try:
                return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
            except (OSError, IndexError):
                return "unknown"

        cpu = "unknown"
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo", encoding="utf-8") as handle:
            ram_kb = int(handle.readline().split()[1])
        system = platform.platform()
        if os.path.exists("/etc/os-release"):
            with open("/etc/os-release", encoding="utf-8") as handle:
                for line in handle:
                    if line.startswith("PRETTY_NAME="):
                        system = line.split("=", 1)[1].strip().strip('"')
        return {
            "kind": "machine", "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "cpu": cpu, "cores": os.cpu_count(), "ram_gb": round(ram_kb / 1024 / 1024, 1), "os": system,
            "kernel": platform.release(), "swift": first_line(["swift", "--version"]),
            "commit": first_line(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"]),
            "exportctl": os.path.relpath(self.exportctl, ROOT), "smoke": self.args.smoke,
            "runs": self.args.runs, "sizes": self.args.sizes, "argv": " ".join(sys.argv[1:]), "python": first_line([self.python, "--version"]),
            "anchors": first_line([self.python, "-c", "import stix2, stix2validator, stix, lxml.etree as e, orjson; "
                                   "print('stix2', stix2.__version__, 'stix2-validator', stix2validator.__version__, "
                                   "'stix', stix.__version__, 'lxml', '.'.join(map(str, e.LXML_VERSION)), "
                                   "'orjson', orjson.__version__)"]),
            "xmllint": subprocess.run(["xmllint", "--version"], capture_output=True, text=True).stderr.splitlines()[0],
        }

    # ---- running ----

    def measure(self, command):
        """Runs one process under /usr/bin/time -v; returns wall, user, sys seconds, peak RSS in KB, exit status."""
        stats_path = os.path.join(self.work, "time.txt")
        started = time.monotonic()
        result = subprocess.run(["/usr/bin/time", "-v", "-o", stats_path] + command,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        wall = time.monotonic() - started
        stats = {}
        with open(stats_path, encoding="utf-8") as handle:
            for line in handle:
                key, _, value = line.strip().rpartition(": ")
                stats[key] = value
        return {
            "wall_s": round(wall, 3), "user_s": float(stats.get("User time (seconds)", "nan")),
            "sys_s": float(stats.get("System time (seconds)", "nan")),
            "max_rss_kb": int(stats.get("Maximum resident set size (kbytes)", "0")),
            "exit": result.returncode, "stderr_tail": result.stderr.decode("utf-8", "replace")[-400:],
        }

    def count(self, kind, path):
        result = subprocess.run([self.python, os.path.join(ANCHORS, "count_objects.py"), kind, path],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return None
        return int(result.stdout.strip())

    def setup_run(self, command, what, timeout=None):
        """Prepares an input (not measured); with a timeout, returns False instead of waiting longer."""
        log(what)
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        if result.returncode != 0:
            raise SystemExit(f"bench: {what} failed ({result.returncode}): {result.stderr[-2000:]}")
        return True

    def seconds_left(self):
        return None if self.deadline is None else self.deadline - time.time()

    # ---- pairs ----

    def run_pair(self, size, pair, tools, objects):
        """Runs every tool of a pair, alternating, up to --runs times (3 for tools whose first run exceeds a
        minute); records each run. `tools` is a list of (name, is_ours, command, count_kind, output_path)."""
        planned = {}
        tools = self.with_before(size, tools)
        big = (isinstance(size, str) and not size.startswith("ioc-")) or (isinstance(size, int) and size > self.args.anchor_max_size)
        only = dict(self.args.pairs_for).get(size)
        if only is not None and pair not in only:
            reason = f"at this N only {', '.join(only)} run in this benchmark run (--pairs-for)"
            log(f"{size} {pair}: skipped: {reason}")
            self.record({"kind": "skip", "size": size, "pair": pair, "tool": "all", "reason": reason})
            return
        if big and not isinstance(size, str) and self.args.big_pairs and pair not in self.args.big_pairs:
            reason = f"above N={self.args.anchor_max_size} only {', '.join(self.args.big_pairs)} run (--big-pairs)"
            log(f"{size} {pair}: skipped: {reason}")
            self.record({"kind": "skip", "size": size, "pair": pair, "tool": "all", "reason": reason})
            return
        runs = self.args.big_runs if big else self.args.runs
        for name, is_ours, *_ in tools:
            if is_ours:
                planned[name] = runs
                continue
            rate = self.rates.get(name) or PRIOR_RATES.get(name)
            estimate = objects / rate if rate else None
            if estimate is not None and estimate > self.args.anchor_limit:
                reason = (f"one run estimated at {estimate:.0f} s (> {self.args.anchor_limit:.0f} s) from "
                          f"{'its measured rate' if name in self.rates else 'the rate issue 8 gives'} "
                          f"of {rate:.0f} objects/s")
                log(f"{size} {pair}: skip {name}: {reason}")
                self.record({"kind": "skip", "size": size, "pair": pair, "tool": name, "reason": reason})
                continue
            left = self.seconds_left()
            if estimate is not None and left is not None and estimate > left:
                reason = (f"one run estimated at {estimate:.0f} s, more than the {max(left, 0):.0f} s left before "
                          f"--deadline {self.args.deadline}")
                log(f"{size} {pair}: skip {name}: {reason}")
                self.record({"kind": "skip", "size": size, "pair": pair, "tool": name, "reason": reason})
                continue
            if big and (estimate is None or estimate > 60):
                reason = (f"above N={self.args.anchor_max_size} (--anchor-max-size) only anchors whose run is "
                          f"estimated under a minute run, to keep the whole benchmark within its time budget")
                log(f"{size} {pair}: skip {name}: {reason}")
                self.record({"kind": "skip", "size": size, "pair": pair, "tool": name, "reason": reason})
                continue
            planned[name] = runs
        done = {name: 0 for name in planned}
        expected = None
        for round_index in range(max(planned.values(), default=0)):
            order = tools if round_index % 2 == 0 else list(reversed(tools))
            for name, is_ours, command, count_kind, output in order:
                if name not in planned or done[name] >= planned[name]:
                    continue
                left = self.seconds_left()
                if left is not None and done[name] >= 1 and left < 0:
                    log(f"{size} {pair}: past the deadline; {name} stops at {done[name]} runs")
                    planned[name] = done[name]
                    continue
                if output and os.path.exists(output):
                    os.remove(output)
                stats = self.measure(command)
                done[name] += 1
                counted = self.count(count_kind, output) if count_kind and output else None
                if stats["exit"] == 0 and counted is None and count_kind:
                    stats["exit"] = -1
                row = {"kind": "run", "size": size, "objects": objects, "pair": pair, "tool": name, "ours": is_ours,
                       "run": done[name], "count": counted, **stats}
                if is_ours and counted is not None:
                    expected = counted if expected is None else expected
                row["count_ok"] = None if counted is None or expected is None else counted == expected
                if stats["exit"] != 0 or row["count_ok"] is False:
                    self.failures.append(f"{size} {pair} {name} run {done[name]}: exit {stats['exit']}, "
                                         f"count {counted} (expected {expected}): {stats['stderr_tail']}")
                else:
                    row.pop("stderr_tail")
                self.record(row)
                log(f"{size:>8} {pair:<16} {name:<22} run {done[name]}: wall {stats['wall_s']:8.2f} s  "
                    f"user {stats['user_s']:7.2f}  sys {stats['sys_s']:6.2f}  rss {stats['max_rss_kb'] / 1024:8.1f} MB"
                    f"  count {counted}")
                if done[name] == 1:
                    if stats["wall_s"] > 60 and planned[name] > 3:
                        planned[name] = 3
                    if not is_ours and stats["wall_s"] > 0 and objects:
                        self.rates[name] = objects / stats["wall_s"]
                    left = self.seconds_left()
                    if left is not None and int(left / max(stats["wall_s"], 0.001)) < planned[name] - 1:
                        keep = max(1, min(planned[name], int(left / max(stats["wall_s"], 0.001)) + 1))
                        log(f"{size} {pair}: the deadline allows {keep} runs of {name}")
                        self.record({"kind": "note", "size": size, "pair": pair, "tool": name,
                                     "note": f"runs cut from {planned[name]} to {keep} by the deadline"})
                        planned[name] = keep

    def with_before(self, size, tools):
        """With --before, each of our tools is followed by the same command on the earlier build (`NAME @before`),
        so one run measures both builds against the same anchors. IOC corpora are skipped: an earlier build may
        not read indicators."""
        if not self.args.before or (isinstance(size, str) and size.startswith("ioc-")):
            return tools
        before = os.path.abspath(self.args.before)
        expanded = []
        for name, is_ours, command, kind, output in tools:
            expanded.append((name, is_ours, command, kind, output))
            if is_ours and command and command[0] == self.exportctl:
                moved = output + ".before" if output else None
                again = [before] + [moved if part == output and output else part for part in command[1:]]
                expanded.append((name + " @before", True, again, kind, moved))
        return expanded

    def stix21_pairs(self, size, corpus, bundle, out, objects):
        """Export of the authoring corpus and re-export of its bundle, against python-stix2 and orjson."""
        x, py = self.exportctl, self.python
        self.run_pair(size, "export-stix21", [
            ("exportctl", True, [x, "export", "--format", "stix21", corpus, "-o", out("ours.json")], "stix21", out("ours.json")),
            ("python-stix2", False, [py, f"{ANCHORS}/stix2_build.py", bundle, out("stix2.json")], "stix21", out("stix2.json")),
            ("orjson", False, [py, f"{ANCHORS}/orjson_dump.py", corpus, bundle, out("orjson.json")], "stix21", out("orjson.json")),
        ], objects)
        self.run_pair(size, "reexport-stix21", [
            ("exportctl", True, [x, "export", "--format", "stix21", bundle, "-o", out("ours-re.json")], "stix21", out("ours-re.json")),
            ("python-stix2 parse", False, [py, f"{ANCHORS}/stix2_reexport.py", bundle, out("stix2-re.json")], "stix21", out("stix2-re.json")),
        ], objects)

    def ioc_run(self, indicators):
        """The IOC-heavy corpus (issue 22): `indicators` indicators, each with its own observable, on a small
        report; every format exported, the STIX 2.1 bundle re-exported and validated. Anchors where they apply
        (python-stix2 and orjson on the same bundle; stix2-validator within --anchor-limit)."""
        size = f"ioc-{indicators}"
        work = os.path.join(self.work, size)
        os.makedirs(work, exist_ok=True)
        out = lambda name: os.path.join(work, name)
        x, py = self.exportctl, self.python
        corpus, bundle = out("corpus.json"), out("bundle.json")
        self.setup_run([x, "corpus", "--objects", "1000", "--indicators", str(indicators), "--seed", str(self.args.seed),
                        "-o", corpus], f"{size}: corpus")
        self.setup_run([x, "export", "--format", "stix21", corpus, "-o", bundle], f"{size}: reference bundle")
        objects = self.count("stix21", bundle)
        self.record({"kind": "input", "size": size, "corpus_bytes": os.path.getsize(corpus),
                     "bundle_bytes": os.path.getsize(bundle), "bundle_objects": objects})
        self.stix21_pairs(size, corpus, bundle, out, objects)
        for pair, format_name, name in (("export-stix12", "stix12", "ours.xml"), ("export-misp", "misp", "ours-misp.json"),
                                        ("export-report-xml", "report-xml", "ours-report.xml")):
            self.run_pair(size, pair, [
                ("exportctl --no-validate", True, [x, "export", "--format", format_name, "--no-validate", corpus, "-o", out(name)], None, None),
            ], objects)
        validator = os.path.join(os.path.dirname(py), "stix2_validator")
        self.run_pair(size, "validate-stix21", [
            ("exportctl", True, [x, "validate", bundle], None, None),
            ("stix2-validator", False, [validator, bundle], None, None),
        ], objects)
        for name in ("ours.json", "stix2.json", "orjson.json", "ours-re.json", "stix2-re.json", "ours.xml",
                     "ours-misp.json", "ours-report.xml"):
            if os.path.exists(out(name)):
                os.remove(out(name))

    def size_run(self, size):
        work = os.path.join(self.work, str(size))
        os.makedirs(work, exist_ok=True)
        corpus = os.path.join(work, "corpus.json")
        bundle = os.path.join(work, "bundle.json")
        report_xml = os.path.join(work, "report.xml")
        x = self.exportctl
        py = self.python
        stix12_schemas = self.args.stix12_schemas
        gen = self.measure([x, "corpus", "--objects", str(size), "--seed", str(self.args.seed), "-o", corpus])
        self.record({"kind": "run", "size": size, "objects": size, "pair": "generate", "tool": "exportctl corpus",
                     "ours": True, "run": 1, "count": None, "count_ok": None, **gen})
        if gen["exit"] != 0:
            raise SystemExit(f"bench: corpus generation failed: {gen['stderr_tail']}")
        log(f"{size}: corpus generated in {gen['wall_s']:.1f} s ({os.path.getsize(corpus) / 1e6:.1f} MB)")
        self.setup_run([x, "export", "--format", "stix21", corpus, "-o", bundle], f"{size}: reference bundle")
        bundle_count = self.count("stix21", bundle)
        self.record({"kind": "input", "size": size, "corpus_bytes": os.path.getsize(corpus),
                     "bundle_bytes": os.path.getsize(bundle), "bundle_objects": bundle_count})
        out = lambda name: os.path.join(work, name)

        self.stix21_pairs(size, corpus, bundle, out, size)
        stix12_tools = [
            ("exportctl --no-validate", True, [x, "export", "--format", "stix12", "--no-validate", corpus, "-o", out("ours.xml")], "stix12", out("ours.xml")),
        ]
        if stix12_schemas and not self.args.smoke:
            stix12_tools.append(("exportctl +XSD", True, [x, "export", "--format", "stix12", "--stix12-schemas", stix12_schemas, corpus, "-o", out("ours-xsd.xml")], "stix12", out("ours-xsd.xml")))
        stix12_tools += [
            ("python-stix", False, [py, f"{ANCHORS}/stix12_python_stix.py", corpus, out("python-stix.xml")], "stix12", out("python-stix.xml")),
            ("lxml", False, [py, f"{ANCHORS}/stix12_lxml.py", corpus, out("lxml.xml")], "stix12", out("lxml.xml")),
        ]
        self.run_pair(size, "export-stix12", stix12_tools, size)
        if stix12_schemas and not self.args.smoke and os.path.exists(out("ours-xsd.xml")):
            # The XSD row: the STIX 1.2 file just written, against the official schemas, both tools
            # given the same entry schema (our template with the directory filled in).
            entry = out("stix12-entry.xsd")
            with open(os.path.join(ROOT, "Schemas", "stix-1.2-entry.xsd"), encoding="utf-8") as template:
                text = template.read().replace("STIX12_SCHEMAS_DIR", os.path.abspath(stix12_schemas))
            with open(entry, "w", encoding="utf-8") as handle:
                handle.write(text)
            self.run_pair(size, "xsd-stix12", [
                ("exportctl", True, [x, "validate", "--schema", entry, out("ours-xsd.xml")], None, None),
                ("xmllint", False, ["xmllint", "--noout", "--nonet", "--schema", entry, out("ours-xsd.xml")], None, None),
            ], size)
        only = dict(self.args.pairs_for).get(size)
        wanted = (size <= self.args.anchor_max_size or not self.args.big_pairs or "xsd-report-xml" in self.args.big_pairs)
        if wanted and (only is None or "xsd-report-xml" in only):
            self.setup_run([x, "export", "--format", "report-xml", "--no-validate", corpus, "-o", report_xml],
                           f"{size}: report XML")
        schema = os.path.join(ROOT, "Schemas", "threat-report.xsd")
        self.run_pair(size, "xsd-report-xml", [
            ("exportctl", True, [x, "validate", "--schema", schema, report_xml], None, None),
            ("xmllint", False, ["xmllint", "--noout", "--nonet", "--schema", schema, report_xml], None, None),
        ], size)
        # Last: the slowest anchor, where a --deadline cut costs least.
        validator = os.path.join(os.path.dirname(py), "stix2_validator")
        self.run_pair(size, "validate-stix21", [
            ("exportctl", True, [x, "validate", bundle], None, None),
            ("stix2-validator", False, [validator, bundle], None, None),
        ], size)
        for path in (out("ours.json"), out("stix2.json"), out("orjson.json"), out("ours-re.json"), out("stix2-re.json"),
                     out("ours.xml"), out("ours-xsd.xml"), out("python-stix.xml"), out("lxml.xml")):
            if os.path.exists(path):
                os.remove(path)
        return bundle

    def gigabyte_runs(self, bundle, size):
        """Validation of files of at least 1 GB: the largest size's bundle (or a bigger one), and a STIX 1.2
        package grown to 1 GB; exportctl only (the targets are memory bounds)."""
        work = os.path.join(self.work, "1gb")
        os.makedirs(work, exist_ok=True)
        x = self.exportctl
        if os.path.getsize(bundle) < 1 << 30:
            objects = int(1.05 * (1 << 30) / (os.path.getsize(bundle) / size))
            corpus = os.path.join(work, "corpus-json.json")
            bundle = os.path.join(work, "bundle.json")
            self.setup_run([x, "corpus", "--objects", str(objects), "--seed", str(self.args.seed), "-o", corpus], f"1 GB: corpus of {objects}")
            self.setup_run([x, "export", "--format", "stix21", corpus, "-o", bundle], "1 GB: bundle")
            os.remove(corpus)
        self.record({"kind": "input", "size": "1GB-json", "bundle_bytes": os.path.getsize(bundle)})
        self.run_pair("1GB-json", "validate-1gb-json", [("exportctl", True, [x, "validate", bundle], None, None)], 0)
        if not self.args.stix12_schemas:
            self.record({"kind": "skip", "size": "1GB-xml", "pair": "validate-1gb-xml", "tool": "exportctl",
                         "reason": "no STIX 1.2 schema directory"})
            return
        package = os.path.join(work, f"package-seed{self.args.seed}.xml")
        if os.path.exists(package) and os.path.getsize(package) >= 1 << 30:
            log(f"1 GB: reusing {package} (deterministic: same seed, same bytes)")
            objects = None
        else:
            sample = os.path.join(work, "sample.json")
            sample_xml = os.path.join(work, "sample.xml")
            self.setup_run([x, "corpus", "--objects", "10000", "--seed", str(self.args.seed), "-o", sample], "1 GB: XML sizing")
            self.setup_run([x, "export", "--format", "stix12", "--no-validate", sample, "-o", sample_xml], "1 GB: XML sizing")
            objects = int(1.05 * (1 << 30) / (os.path.getsize(sample_xml) / 10000))
            corpus = os.path.join(work, "corpus-xml.json")
            self.setup_run([x, "corpus", "--objects", str(objects), "--seed", str(self.args.seed), "-o", corpus], f"1 GB: corpus of {objects}")
            written = self.setup_run([x, "export", "--format", "stix12", "--no-validate", corpus, "-o", package],
                                     "1 GB: STIX 1.2 package", timeout=self.args.setup_timeout)
            os.remove(corpus)
            if not written:
                reason = f"writing the 1 GB STIX 1.2 package took over {self.args.setup_timeout:.0f} s; not validated"
                log(reason)
                self.record({"kind": "skip", "size": "1GB-xml", "pair": "validate-1gb-xml", "tool": "exportctl",
                             "reason": reason})
                return
        self.record({"kind": "input", "size": "1GB-xml", "xml_bytes": os.path.getsize(package), "objects": objects})
        self.run_pair("1GB-xml", "validate-1gb-xml", [
            ("exportctl", True, [x, "validate", "--stix12-schemas", self.args.stix12_schemas, package], None, None)], 0)

    def run(self):
        self.record(self.machine())
        for size in self.args.sizes:
            bundle = self.size_run(size)
            if self.args.gigabyte and size == max(self.args.sizes):
                self.gigabyte_runs(bundle, size)
        if self.args.iocs:
            self.ioc_run(self.args.iocs)
        if self.failures:
            for failure in self.failures:
                log("FAILED " + failure)
            raise SystemExit(1)
        log(f"done: {self.args.results} (run {self.run_id})")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--exportctl", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        type=lambda text: [int(part.replace("_", "")) for part in text.split(",") if part])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--big-runs", type=int, default=3, help="runs per tool above --anchor-max-size")
    parser.add_argument("--big-pairs", default="", type=lambda text: [p for p in text.split(",") if p],
                        help="above --anchor-max-size run only these pairs (default: all)")
    parser.add_argument("--setup-timeout", type=float, default=600, help="give up preparing a 1 GB input after (s)")
    parser.add_argument("--pairs-for", action="append", default=[],
                        type=lambda text: (int(text.split("=")[0]), text.split("=")[1].split(",")),
                        help="SIZE=pair,pair: run only these pairs at this size (repeatable)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=os.path.join(ROOT, ".build-bench"))
    parser.add_argument("--results", default=os.path.join(HERE, "results.jsonl"))
    parser.add_argument("--stix12-schemas", default=None)
    parser.add_argument("--anchor-limit", type=float, default=600, help="skip an anchor whose run would exceed this (s)")
    parser.add_argument("--anchor-max-size", type=int, default=100_000, help="run anchors up to this N")
    parser.add_argument("--deadline", default=None, help="UTC HH:MM: cut runs (never below one) to finish by then")
    parser.add_argument("--gigabyte", action="store_true", help="also validate 1 GB files")
    parser.add_argument("--smoke", action="store_true")
    parser.add_argument("--iocs", type=int, default=0, help="also run the IOC-heavy corpus with this many indicators")
    parser.add_argument("--before", default=None,
                        help="an earlier exportctl build measured beside ours in every pair (`NAME @before` rows)")
    args = parser.parse_args()
    for tool in ("/usr/bin/time", "xmllint"):
        if not shutil.which(tool):
            raise SystemExit(f"bench: {tool} is missing (run.sh installs it)")
    Harness(args).run()


if __name__ == "__main__":
    main()
