"""Anchor: python-stix2 (stix2==3.0.2) parses a STIX 2.1 bundle and serialises it again.

Usage: stix2_reexport.py BUNDLE.json OUT.json

stix2.parse(text, allow_custom=True) then serialize(pretty=False).
"""
import sys

import stix2

with open(sys.argv[1], encoding="utf-8") as handle:
    bundle = stix2.parse(handle.read(), allow_custom=True, version="2.1")
with open(sys.argv[2], "w", encoding="utf-8") as handle:
    handle.write(bundle.serialize(pretty=False))
