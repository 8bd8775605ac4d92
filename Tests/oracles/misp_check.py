#!/usr/bin/env python3
"""Checks exportctl's MISP output with PyMISP and misp-stix.

Usage:
  misp_check.py events FILE   PyMISP loads every event ({"Event"} or {"response": [...]}) without a single
                              pymisp log warning and pymisp.tools.validate_event finds nothing; every object passes MISPObject(name, strict=True) with known
                              relations; every galaxy cluster has its tag; every distribution-4 item embeds its
                              SharingGroup; no UUID is used twice, in one event or across them. Prints a JSON summary per event.
  misp_check.py feed DIR      Every manifest entry equals PyMISP's to_feed(with_meta=True)['Event']['_manifest'];
                              manifest.json and hashes.csv equal what pymisp.tools.feed_meta_generator writes.
  misp_check.py stix FILE     misp-stix converts every event to STIX 2.1 without recording an error;
                              stix2-validator (default options) accepts each bundle.
Exit 0 when every check passes, 1 with the findings on stderr otherwise.
"""
import copy
import json
import logging
import pathlib
import shutil
import sys
import tempfile

import pymisp
from pymisp import MISPEvent, MISPObject
from pymisp.tools import validate_event

PYMISP_DATA = pathlib.Path(pymisp.__file__).parent / "data" / "misp-objects"
RELATIONSHIPS = {
    entry["name"] for entry in json.loads((PYMISP_DATA / "relationships" / "definition.json").read_text())["values"]
}


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.records = []

    def emit(self, record):
        self.records.append(record.getMessage())


def events_of(document):
    if "response" in document:
        return [item["Event"] if "Event" in item else item for item in document["response"]]
    return [document["Event"] if "Event" in document else document]


def check_sharing_groups(node, where, findings):
    if isinstance(node, dict):
        if str(node.get("distribution")) == "4":
            group = node.get("SharingGroup")
            if not isinstance(group, dict):
                findings.append(f"{where}: distribution 4 without an embedded SharingGroup")
            else:
                if not group.get("uuid") or not group.get("name") or not str(group.get("releasability", "")).strip():
                    findings.append(f"{where}: SharingGroup lacks uuid, name or releasability")
                orgs = group.get("SharingGroupOrg") or []
                if not orgs or not all(o.get("Organisation", {}).get("uuid") for o in orgs):
                    findings.append(f"{where}: SharingGroup without member organisations by uuid")
            if str(node.get("sharing_group_id", "0")) == "0":
                findings.append(f"{where}: distribution 4 with sharing_group_id 0")
        for key, value in node.items():
            if key != "SharingGroup":
                check_sharing_groups(value, f"{where}/{key}", findings)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            check_sharing_groups(value, f"{where}[{index}]", findings)


def check_object(obj, where, findings):
    try:
        strict = MISPObject(obj["name"], strict=True)
        strict.from_dict(**copy.deepcopy(obj))
        strict.to_dict(strict=True)
    except Exception as error:  # noqa: BLE001 - any refusal is a finding
        findings.append(f"{where}: MISPObject({obj.get('name')}, strict=True) refused it: {error}")
        return
    known = set(strict._definition["attributes"])
    for attribute in obj.get("Attribute", []):
        if attribute.get("object_relation") not in known:
            findings.append(f"{where}: unknown object_relation {attribute.get('object_relation')!r}")
    for reference in obj.get("ObjectReference", []):
        if reference.get("relationship_type") not in RELATIONSHIPS:
            findings.append(f"{where}: unknown relationship_type {reference.get('relationship_type')!r}")


def tag_names(event):
    names = [t["name"] for t in event.get("Tag", [])]
    for attribute in event.get("Attribute", []):
        names += [t["name"] for t in attribute.get("Tag", [])]
    for obj in event.get("Object", []):
        for attribute in obj.get("Attribute", []):
            names += [t["name"] for t in attribute.get("Tag", [])]
    return names


def check_events(path):
    findings, summary = [], []
    collector = Collect()
    seen_elsewhere = {}
    logging.getLogger("pymisp").addHandler(collector)
    for index, event in enumerate(events_of(json.loads(pathlib.Path(path).read_text()))):
        where = f"event[{index}] {event.get('uuid')}"
        collector.records.clear()
        loaded = MISPEvent()
        try:
            loaded.load({"Event": copy.deepcopy(event)})
            loaded.to_json()
        except Exception as error:  # noqa: BLE001
            findings.append(f"{where}: PyMISP refused it: {error}")
            continue
        findings += [f"{where}: pymisp warning: {message}" for message in collector.records]
        value_errors = {}
        validate_event(copy.deepcopy(event), value_errors)
        if value_errors:
            findings.append(f"{where}: pymisp.tools.validate_event: {value_errors}")
        if loaded.uuid != event["uuid"] or loaded.info != event["info"]:
            findings.append(f"{where}: PyMISP read a different uuid or info")
        for position, obj in enumerate(event.get("Object", [])):
            check_object(obj, f"{where} Object[{position}]", findings)
        check_sharing_groups(event, where, findings)
        uuids = [event["uuid"]] + [r["uuid"] for r in event.get("EventReport", [])]
        for attribute in event.get("Attribute", []):
            uuids.append(attribute["uuid"])
        for obj in event.get("Object", []):
            uuids += [obj["uuid"]] + [a["uuid"] for a in obj.get("Attribute", [])]
            uuids += [r["uuid"] for r in obj.get("ObjectReference", [])]
        repeated = sorted({u for u in uuids[1:] if uuids[1:].count(u) > 1})
        if repeated:
            findings.append(f"{where}: UUIDs used more than once (MISP keeps one item per UUID): {repeated}")
        # An instance that imports every event still keeps one item per UUID.
        for uuid in uuids[1:]:
            if uuid in seen_elsewhere:
                findings.append(f"{where}: {uuid} is also used in event {seen_elsewhere[uuid]}")
        seen_elsewhere.update({uuid: event["uuid"] for uuid in uuids[1:]})
        tags = tag_names(event)
        clusters = [c for g in event.get("Galaxy", []) for c in g.get("GalaxyCluster", [])]
        for cluster in clusters:
            if cluster["tag_name"] not in tags:
                findings.append(f"{where}: cluster {cluster['value']!r} has no tag in the event")
        cluster_tags = {c["tag_name"] for c in clusters}
        for name in tags:
            if name.startswith("misp-galaxy:") and name not in cluster_tags:
                findings.append(f"{where}: tag {name} has no galaxy cluster")
        summary.append({
            "uuid": event["uuid"], "info": event["info"], "clusters": sorted(c["value"] for c in clusters),
            "tags": sorted(set(tags)), "distribution": str(event.get("distribution")),
            "objects": sorted(o["uuid"] for o in event.get("Object", [])),
            "attributes": sorted(a["uuid"] for a in event.get("Attribute", [])),
            "reports": [r["content"] for r in event.get("EventReport", [])],
        })
    logging.getLogger("pymisp").removeHandler(collector)
    return findings, summary


def check_feed(directory):
    findings = []
    folder = pathlib.Path(directory)
    manifest = json.loads((folder / "manifest.json").read_text())
    files = sorted(p.stem for p in folder.glob("*.json") if p.name != "manifest.json")
    if sorted(manifest) != files:
        findings.append(f"manifest lists {sorted(manifest)} but the folder holds {files}")
    for uuid in files:
        event = MISPEvent()
        event.load_file(str(folder / f"{uuid}.json"))
        expected = event.to_feed(with_meta=True)["Event"]["_manifest"]
        if uuid not in expected:
            findings.append(f"{uuid}: PyMISP's manifest is for {list(expected)}")
            continue
        mine = manifest.get(uuid, {})
        for key in sorted(set(expected[uuid]) | set(mine)):
            if expected[uuid].get(key) != mine.get(key):
                findings.append(f"{uuid}: manifest {key}: {mine.get(key)!r} but PyMISP gives {expected[uuid].get(key)!r}")
    with tempfile.TemporaryDirectory() as scratch:
        copy_dir = pathlib.Path(scratch)
        for uuid in files:
            shutil.copy(folder / f"{uuid}.json", copy_dir / f"{uuid}.json")
        from pymisp.tools import feed_meta_generator
        feed_meta_generator(copy_dir)
        if json.loads((copy_dir / "manifest.json").read_text()) != manifest:
            findings.append("manifest.json differs from feed_meta_generator's")
        theirs = sorted((copy_dir / "hashes.csv").read_text().splitlines())
        mine = sorted((folder / "hashes.csv").read_text().splitlines())
        if theirs != mine:
            findings.append(f"hashes.csv differs from feed_meta_generator's ({len(mine)} vs {len(theirs)} lines)")
    return findings, {"events": len(files)}


def check_stix(path):
    from misp_stix_converter import MISPtoSTIX21Parser
    from stix2validator import ValidationOptions, validate_string
    findings, summary = [], []
    for index, event in enumerate(events_of(json.loads(pathlib.Path(path).read_text()))):
        parser = MISPtoSTIX21Parser()
        parser.parse_misp_event({"Event": copy.deepcopy(event)})
        bundle = parser.bundle.serialize()
        # misp-stix records what it could not convert as errors (warnings only say "not mapped").
        conversion_errors = {key: value for key, value in parser._AbstractParser__errors.items() if value}
        if conversion_errors:
            findings.append(f"event[{index}]: misp-stix errors: {conversion_errors}")
        result = validate_string(bundle, ValidationOptions())
        if not result.is_valid:
            findings += [f"event[{index}]: stix2-validator: {e}" for e in result.errors]
        objects = json.loads(bundle)["objects"]
        summary.append(sorted(o["id"] for o in objects))
    return findings, summary


def main():
    mode, target = sys.argv[1], sys.argv[2]
    findings, summary = {"events": check_events, "feed": check_feed, "stix": check_stix}[mode](target)
    print(json.dumps(summary, indent=1, sort_keys=True))
    for finding in findings:
        print(finding, file=sys.stderr)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
