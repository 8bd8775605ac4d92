"""Loads a STIX 2.1 bundle with python-stix2, strictly: stix2.parse(..., allow_custom=False).

Usage: stix2_parse.py BUNDLE.json
Exits 0 and prints the number of objects when it loads; exits 1 with the library's message when not.
"""
import sys

import stix2

with open(sys.argv[1], encoding="utf-8") as handle:
    text = handle.read()
try:
    bundle = stix2.parse(text, allow_custom=False, version="2.1")
except Exception as error:  # the oracle's verdict is the message, whatever the exception type
    print(f"{type(error).__name__}: {error}")
    sys.exit(1)
print(len(bundle.objects))
