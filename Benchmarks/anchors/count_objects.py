"""Counts the objects in a benchmark output, so that every tool's output can be checked against ours.

Usage: count_objects.py stix21|stix12|reportxml FILE

stix21: the bundle's objects (parsed with orjson; above 512 MB, counted as the top-level objects' required
`"spec_version"` keys in one streaming pass, which holds for compact bundles whose text does not quote it).
stix12: elements with an id among Threat_Actor, Campaign, Incident, Report and Identity (components and the
identities that stand for actors and partnerships). reportxml: elements with an `id` attribute.
Prints the count.
"""
import os
import sys

kind, path = sys.argv[1], sys.argv[2]
if kind == "stix21":
    if os.path.getsize(path) <= 512 << 20:
        import orjson

        with open(path, "rb") as handle:
            print(len(orjson.loads(handle.read())["objects"]))
    else:
        needle, count, tail = b'"spec_version"', 0, b""
        with open(path, "rb") as handle:
            while chunk := handle.read(16 << 20):
                data = tail + chunk
                count += data.count(needle)
                tail = data[-(len(needle) - 1):]
        print(count)
else:
    from lxml import etree

    wanted = {"Threat_Actor", "Campaign", "Incident", "Report", "Identity"}
    count = 0
    for _, element in etree.iterparse(path, events=("end",), huge_tree=True):
        local = etree.QName(element).localname
        if element.get("id") is not None and (kind == "reportxml" or local in wanted):
            count += 1
        element.clear()  # keeps memory flat on gigabyte files
    print(count)
