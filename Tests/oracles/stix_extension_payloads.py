"""Checks every exportctl extension payload in a bundle against its JSON Schema in Schemas/stix21/.

Usage: stix_extension_payloads.py BUNDLE.json SCHEMA_DIR
Also checks that each extension-definition object we ship carries the schema file's text verbatim.
Exits 0 and prints how many payloads were checked, or 1 listing each failure.
"""
import json
import pathlib
import sys

import jsonschema

bundle = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
schema_dir = pathlib.Path(sys.argv[2])
schemas = {}
for path in sorted(schema_dir.glob("exportctl-*.schema.json")):
    schema = json.loads(path.read_text(encoding="utf-8"))
    ext_id = schema["title"].split("(")[1].rstrip(")")
    schemas[ext_id] = (schema, path.read_text(encoding="utf-8"))

failures = []
checked = 0
for obj in bundle.get("objects", []):
    if obj.get("type") == "extension-definition" and obj["id"] in schemas:
        if obj.get("schema") != schemas[obj["id"]][1].rstrip("\n") and obj.get("schema") != schemas[obj["id"]][1]:
            failures.append(f"{obj['id']}: schema text differs from the file")
    for ext_id, payload in (obj.get("extensions") or {}).items():
        if ext_id not in schemas:
            continue
        checked += 1
        for error in jsonschema.Draft202012Validator(schemas[ext_id][0]).iter_errors(payload):
            failures.append(f"{obj['id']}: {ext_id}: {error.message}")
if failures:
    print("\n".join(failures))
    sys.exit(1)
print(checked)
