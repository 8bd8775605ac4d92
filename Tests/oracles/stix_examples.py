"""Prints the paths of the STIX 2.1 examples shipped in the stix2-validator package, one a line, sorted."""
import pathlib

import stix2validator

root = pathlib.Path(stix2validator.__file__).parent / "schemas-2.1" / "examples"
for path in sorted(root.rglob("*.json")):
    print(path)
