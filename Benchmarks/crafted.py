"""Crafted-input benchmark (issue 16, item 5): each hostile shape against a plain file of the same size.

For each case it writes a crafted file and a plain one of the same byte count (the same elements, no
attributes or references: text instead), runs `exportctl validate --schema crafted.xsd` on each under
/usr/bin/time, and prints one Markdown row per case: sizes, exit codes, median wall time and peak RSS of each,
and the ratio. A crafted file must cost about what the plain one costs: refused ones much less, the ones at the
limits (many elements each at 256 attributes or 4,096 references) about the same. Run it through
`Benchmarks/run.sh --crafted` (release build) or directly:

    python3 Benchmarks/crafted.py --exportctl .build-release/release/exportctl [--runs 3] [--work DIR]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

SCHEMA = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b" elementFormDefault="qualified">
<xs:element name="r"><xs:complexType><xs:sequence><xs:element name="e" maxOccurs="unbounded"><xs:complexType>
<xs:simpleContent><xs:extension base="xs:string"><xs:anyAttribute processContents="skip"/></xs:extension></xs:simpleContent>
</xs:complexType></xs:element></xs:sequence></xs:complexType></xs:element></xs:schema>
"""
STREAMED = 9 << 20  # over XMLValidation.treeLimit (8 MB): the streamed path


def element(attributes, references):
    names = "".join(f' a{i}="1"' for i in range(attributes))
    return f"<e{names}>x{'&amp;' * references}</e>\n"


def document(body, size=None):
    text = '<r xmlns="urn:b">\n' + body + "</r>\n"
    if size is not None and len(text) < size:
        text = "<!--" + "p" * (size - len(text) - 8) + "-->\n" + text
    return text


def plain_like(text):
    """The same size and root, with elements of 64 KB of plain text (libxml2 allows 10 MB per text node)."""
    rest = len(text) - len(document(""))
    chunk = "<e>" + "x" * (64 << 10) + "</e>\n"
    body = chunk * (rest // len(chunk))
    remainder = rest - len(body)
    if remainder:
        body += "<e>" + "x" * (remainder - 8) + "</e>\n" if remainder >= 8 else " " * remainder
    return document(body)


def cases():
    at_limit_attributes = element(256, 0)
    at_limit_references = element(0, 4096)
    return [
        ("100,000 attributes on one element (refused)", document(element(100_000, 0))),
        ("3,200,000 &amp; in one streamed text node (refused)", document(element(0, 3_200_000), STREAMED)),
        ("elements at the attribute limit (256 each), 16 MB", document(at_limit_attributes * ((16 << 20) // len(at_limit_attributes)))),
        ("text nodes at the reference limit (4,096 each), 16 MB", document(at_limit_references * ((16 << 20) // len(at_limit_references)))),
    ]


def measure(exportctl, work, name, runs):
    walls, rss, status = [], [], None
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M", exportctl, "validate", "--schema", "crafted.xsd", name],
                              cwd=work, capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        status = done.returncode
        rss += [int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("MAXRSS ")]
    return statistics.median(walls), max(rss or [0]), status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exportctl", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="exportctl-crafted-")
    os.makedirs(work, exist_ok=True)
    exportctl = os.path.abspath(args.exportctl)
    with open(os.path.join(work, "crafted.xsd"), "w") as f:
        f.write(SCHEMA)
    print("| case | bytes | crafted: exit, wall, RSS | plain: exit, wall, RSS | wall ratio |")
    print("|---|---:|---|---|---:|")
    for index, (label, text) in enumerate(cases()):
        plain = plain_like(text)
        assert len(plain) == len(text), (label, len(plain), len(text))
        for kind, body in (("crafted", text), ("plain", plain)):
            with open(os.path.join(work, f"{kind}-{index}.xml"), "w") as f:
                f.write(body)
        crafted = measure(exportctl, work, f"crafted-{index}.xml", args.runs)
        baseline = measure(exportctl, work, f"plain-{index}.xml", args.runs)
        ratio = crafted[0] / baseline[0] if baseline[0] else float("nan")
        print(f"| {label} | {len(text):,} | {crafted[2]}, {crafted[0]:.2f} s, {crafted[1] // 1024} MB "
              f"| {baseline[2]}, {baseline[0]:.2f} s, {baseline[1] // 1024} MB | {ratio:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
