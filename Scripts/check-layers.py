#!/usr/bin/env python3
"""Fails when a source file imports a module its layer may not use (docs/ARCHITECTURE.md, "Layers").

The arrows point one way: exportctl → Export (the registry) → Format* → ExportSharing → ExportCore, with
ExportXML beside the sharing layer for the XML formats only. No format imports another; only ExportXML
imports CLibXML; no library target imports Foundation (its ICU clashes with libxml2's, and the library needs
nothing from it). Package.swift could declare a wrong dependency without anyone noticing; this table cannot.

Usage: python3 Scripts/check-layers.py [--root DIR]   (Scripts/test.sh runs it before building; --root checks
another tree, as LayeringTests does with a planted violation)
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[2]) if sys.argv[1:2] == ["--root"] else pathlib.Path(__file__).resolve().parent.parent
system = {"Glibc", "Musl", "Darwin", "Synchronization", "Dispatch"}
# Outside packages a format may use (Package.swift's `formats` table says which one does).
outside = {"Crypto", "Yams", "CYaml"}
# A format is any folder named Format<Name>: adding one needs no row here. It may use the core, the sharing layer,
# the XML layer (then it is an XML format) and outside packages; never another format, CLibXML or Foundation.
formats = {p.name for p in (root / "Sources").iterdir() if p.is_dir() and p.name.startswith("Format")}
format_may_use = {"ExportCore", "ExportSharing", "ExportXML"} | outside
allowed = {
    "ExportCore": {"Crypto"},
    "ExportXML": {"ExportCore", "CLibXML"},
    "ExportSharing": {"ExportCore"},
    **{name: format_may_use for name in formats},
    "Export": {"ExportCore", "ExportSharing", "ExportXML"} | formats,
    "ExportDevSupport": {"Export", "ExportCore", "ExportSharing"} | formats,
    "exportctl": {"Export", "ExportDevSupport", "ArgumentParser"},
}
import_line = re.compile(r"^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|private|fileprivate)\s+)?import\s+(?:(?:struct|enum|class|func|protocol|typealias|var|let)\s+)?([A-Za-z_]\w*)", re.M)

failures = []
sources = root / "Sources"
for target in sorted(p for p in sources.iterdir() if p.is_dir()):
    if target.name == "CLibXML":
        continue
    if target.name not in allowed:
        failures.append(f"Sources/{target.name}: a target this script does not know; add its layer to the table")
        continue
    for path in sorted(target.rglob("*.swift")):
        text = path.read_text(encoding="utf-8")
        for match in import_line.finditer(text):
            module = match.group(1)
            if module in system or module in allowed[target.name]:
                continue
            line = text.count("\n", 0, match.start()) + 1
            why = (
                "only ExportXML imports CLibXML" if module == "CLibXML"
                else "a format target imports no other format" if module.startswith("Format") and target.name in formats
                else f"{target.name} may import {', '.join(sorted(allowed[target.name])) or 'nothing of ours'}"
            )
            failures.append(f"{path.relative_to(root)}:{line}:1: error: import of {module} breaks the layering; {why}")

for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
