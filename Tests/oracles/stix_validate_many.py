"""Runs stix2-validator (default settings, STIX 2.1) on many files in one process.

Usage: stix_validate_many.py FILE...
Prints one JSON line per file: {"file": ..., "valid": bool, "errors": [...], "warnings": [...]}.
"""
import json
import sys

from stix2validator import ValidationOptions, validate_file

options = ValidationOptions(version="2.1", silent=True)
for path in sys.argv[1:]:
    result = validate_file(path, options)
    errors = []
    warnings = []
    if result.fatal:
        errors.append(str(result.fatal.message if hasattr(result.fatal, "message") else result.fatal))
    for obj in result.object_results or []:
        errors += [str(e) for e in obj.errors]
        warnings += [str(w) for w in obj.warnings]
    print(json.dumps({"file": path, "valid": bool(result.is_valid), "errors": errors, "warnings": warnings}))
