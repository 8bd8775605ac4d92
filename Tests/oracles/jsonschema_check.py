#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema (2020-12) with the reference `jsonschema` package.

Usage: jsonschema_check.py SCHEMA DOC...
Prints one JSON line per document: {"file": ..., "valid": bool, "errors": [messages]}.
Exit 0 when it ran (whatever the verdicts); 2 when the schema itself is invalid.
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
try:
    jsonschema.Draft202012Validator.check_schema(schema)
except jsonschema.SchemaError as error:
    print(f"invalid schema: {error.message}", file=sys.stderr)
    sys.exit(2)
validator = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    document = json.load(open(path, encoding="utf-8"))
    errors = sorted(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document))
    print(json.dumps({"file": path, "valid": not errors, "errors": errors}))
