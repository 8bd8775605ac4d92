"""Runs stix2-validator (default settings, STIX 2.1) on many files in one process.

Usage: stix_validate_many.py [--disable CODES] [--errata-aware] FILE...
Prints one JSON line per file: {"file": ..., "valid": bool, "errors": [...], "warnings": [...], "crashed": str|null}.
--disable CODES disables those checks (comma-separated, as stix2_validator -d); --errata-aware also disables, per
file, each vocabulary check that lags STIX 2.1 Errata 01 where the file uses an Errata value (215 sector `legal`,
218 report type `incident`, 219 threat-actor type `private-sector`), as the README's list says.
"crashed" holds the exception when stix2-validator raised one instead of giving a verdict (then "valid" is false).
"""
import json
import sys

from stix2validator import ValidationOptions, validate_file

ERRATA = [("215", "sectors", "legal"), ("218", "report_types", "incident"), ("219", "threat_actor_types", "private-sector")]


def errata_checks(path):
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except (OSError, ValueError):
        return []
    objects = document.get("objects", [document]) if isinstance(document, dict) else []
    objects = [o for o in objects if isinstance(o, dict)]
    return [code for code, prop, value in ERRATA if any(value in (o.get(prop) or []) for o in objects)]


arguments = sys.argv[1:]
disabled = []
errata_aware = False
while arguments and arguments[0].startswith("--"):
    flag = arguments.pop(0)
    if flag == "--disable":
        disabled = [code for code in arguments.pop(0).split(",") if code]
    elif flag == "--errata-aware":
        errata_aware = True
    else:
        sys.exit(f"unknown option {flag}")
for path in arguments:
    checks = disabled + (errata_checks(path) if errata_aware else [])
    options = ValidationOptions(version="2.1", silent=True, disabled=checks)
    result = validate_file(path, options)
    errors = []
    warnings = []
    crashed = None
    if result.fatal:
        exception = getattr(result.fatal, "exception", None)
        if exception is not None:
            crashed = f"{type(exception).__name__}: {exception}"
        errors.append(str(getattr(result.fatal, "message", None) or getattr(result.fatal, "error", None) or result.fatal))
    for obj in result.object_results or []:
        errors += [str(e) for e in obj.errors]
        warnings += [str(w) for w in obj.warnings]
    print(json.dumps({"file": path, "valid": bool(result.is_valid), "errors": errors, "warnings": warnings, "crashed": crashed}))
