"""Anchor: python-stix2 (stix2==3.0.2) builds the STIX 2.1 objects of a corpus, bundles and serialises them.

Usage: stix2_build.py EQUIVALENT.json OUT.json

EQUIVALENT.json holds the corpus's STIX 2.1 objects as plain dicts (the bundle exportctl writes for the
corpus, prepared before timing starts). Each dict becomes a stix2 class instance (stix2.parse on a dict:
the library's constructors, with their property checks), then a stix2.Bundle, written with
serialize(pretty=False) (pretty mode is quadratic and would flatter us). The anchor is handed the mapped
dicts for free; exportctl's time includes reading the authoring corpus and mapping it.
"""
import sys

import orjson
import stix2

with open(sys.argv[1], "rb") as handle:
    dicts = orjson.loads(handle.read())["objects"]
objects = [stix2.parse(item, allow_custom=True, version="2.1") for item in dicts]
bundle = stix2.Bundle(objects=objects, allow_custom=True)
with open(sys.argv[2], "w", encoding="utf-8") as handle:
    handle.write(bundle.serialize(pretty=False))
