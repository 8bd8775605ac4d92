"""Anchor: orjson reads the corpus and dumps the equivalent STIX 2.1 dicts: the floor for JSON in → JSON out.

Usage: orjson_dump.py CORPUS.json EQUIVALENT.json OUT.json

Reads and parses the authoring corpus and the corpus's STIX 2.1 objects as dicts (exportctl's bundle for it,
prepared before timing starts), and writes them as a bundle with orjson.dumps. No mapping, no checks.
"""
import sys

import orjson

with open(sys.argv[1], "rb") as handle:
    corpus = orjson.loads(handle.read())
with open(sys.argv[2], "rb") as handle:
    bundle = orjson.loads(handle.read())
with open(sys.argv[3], "wb") as handle:
    handle.write(orjson.dumps({"type": "bundle", "id": bundle["id"], "objects": bundle["objects"]}))
