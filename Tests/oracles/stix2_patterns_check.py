"""Checks STIX 2.1 patterns with the OASIS pattern validator (stix2-patterns), the reference for pattern syntax.

Usage: stix2_patterns_check.py --bundle BUNDLE.json   checks every indicator of pattern_type stix in a bundle
       stix2_patterns_check.py --lines PATTERNS.json  checks each pattern of a JSON array of strings
Prints one JSON line per pattern: {"pattern": ..., "valid": bool, "errors": [...]}.
Exits 1 when a bundle holds an invalid pattern (--lines always exits 0: the caller compares verdicts).
"""
import json
import sys

from stix2patterns.validator import run_validator


def verdict(pattern):
    errors = run_validator(pattern, stix_version="2.1")
    return {"pattern": pattern, "valid": not errors, "errors": [str(e) for e in errors]}


mode, path = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as handle:
    document = json.load(handle)
if mode == "--bundle":
    patterns = [o["pattern"] for o in document.get("objects", [])
                if o.get("type") == "indicator" and o.get("pattern_type") == "stix"]
else:
    patterns = document
bad = 0
for pattern in patterns:
    result = verdict(pattern)
    bad += 0 if result["valid"] else 1
    print(json.dumps(result, ensure_ascii=False))
sys.exit(1 if mode == "--bundle" and bad else 0)
