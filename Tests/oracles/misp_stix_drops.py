"""What misp-stix drops when it converts our STIX 2.1 export to MISP, and whether our native MISP carries it.

Usage: misp_stix_drops.py BUNDLE.json NATIVE-MISP.json

misp-stix (ExternalSTIX2toMISPParser, single event, the CLI's defaults) converts the bundle. Then:
- every STIX object it left out of the MISP event (neither its uuid nor its name appears), by type
  (incidents: misp-stix cannot load them);
- every relationship that did not become an ObjectReference with its type (dropped with an end, or its type
  lost when a cluster end was attached as a tag), by (source type, relationship_type, target type);
- every relationship description (misp-stix keeps only target and type) and start_time/stop_time.
For each item the native MISP export (one event: --misp-events per-report) is searched for what carries it:
an object with the name (incidents: an `incident` object), a reference or link attribute between the same two
UUIDs (exportctl shares UUIDs across formats), a threat-actor galaxy tag or sponsor meta for a threat-actor end,
the place's name for a located-at, the description text, the date of the times.
Prints one line per dropped item with what carries it natively, then a JSON summary line; exits 1 when any
dropped item is not carried natively.
"""
import json
import logging
import pathlib
import sys

from misp_stix_converter import MISP_org_uuid
from misp_stix_converter.tools.stix2_loading_helpers import load_stix2_file
from misp_stix_converter.tools.stix2_to_misp_helpers import get_stix2_parser

OURS = "extension-definition--2666f06c-092a-4e41-8f8b-12e2db73ea52"
SKIPPED_TYPES = {"marking-definition", "extension-definition", "report"}


def convert(path):
    bundle = load_stix2_file(pathlib.Path(path))
    parser_class, args = get_stix2_parser(False, 0, None, None, None, False, False, True, MISP_org_uuid, 0, None)
    parser = parser_class()
    parser.load_stix_bundle(bundle)
    parser.parse_stix_bundle(**args)
    event = json.loads(parser.misp_event.to_json())
    return event.get("Event", event)


def uuid_of(stix_id):
    return stix_id.split("--", 1)[1]


def references(event):
    """(holder uuid, relationship, referenced uuid) of every ObjectReference."""
    out = set()
    for obj in event.get("Object", []):
        for reference in obj.get("ObjectReference", []):
            out.add((obj["uuid"], reference.get("relationship_type"), reference.get("referenced_uuid")))
    return out


def present(event):
    """The UUIDs of the event's objects, attributes and reports, and the values of its attributes and clusters."""
    uuids, values = set(), set()
    attributes = list(event.get("Attribute", []))
    for obj in event.get("Object", []):
        uuids.add(obj.get("uuid"))
        attributes += obj.get("Attribute", [])
    for attribute in attributes:
        uuids.add(attribute.get("uuid"))
        values.add(attribute.get("value"))
    for report in event.get("EventReport", []):
        uuids.add(report.get("uuid"))
    for galaxy in event.get("Galaxy", []):
        for cluster in galaxy.get("GalaxyCluster", []):
            values.add(cluster.get("value"))
    return uuids, values


def strings(value):
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def main(bundle_path, native_path):
    logging.disable(logging.CRITICAL)
    bundle = json.loads(pathlib.Path(bundle_path).read_text(encoding="utf-8"))
    objects = {o["id"]: o for o in bundle["objects"]}
    author = {o.get("created_by_ref") for o in bundle["objects"]}
    converted = convert(bundle_path)
    converted_text = "\n".join(strings(converted))
    converted_uuids, converted_values = present(converted)
    converted_refs = {(s, r, t) for s, r, t in references(converted)}
    native_document = json.loads(pathlib.Path(native_path).read_text(encoding="utf-8"))
    native = native_document.get("Event", native_document)
    native_text = "\n".join(strings(native))
    native_pairs = {frozenset((s, t)) for s, _, t in references(native)}
    native_comments = [
        (obj["uuid"], reference.get("comment", ""), reference.get("referenced_uuid"))
        for obj in native.get("Object", []) for reference in obj.get("ObjectReference", [])]
    link_comments = [a.get("comment", "") for a in native.get("Attribute", []) if a.get("comment", "").startswith("exportctl link:")]

    def name(stix_id):
        return objects.get(stix_id, {}).get("name", "")

    def native_link(source_id, target_id):
        s, t = uuid_of(source_id), uuid_of(target_id)
        if frozenset((s, t)) in native_pairs:
            return "ObjectReference"
        if any(s in comment and t in comment for comment in link_comments):
            return "link attribute"
        for end, other in ((target_id, source_id), (source_id, target_id)):
            kind = objects.get(end, {}).get("type")
            if kind == "threat-actor" and f'misp-galaxy:threat-actor="{name(end)}"' in native_text:
                return "threat-actor galaxy tag"
            if kind == "location":
                place = objects[end]
                ours = place.get("extensions", {}).get(OURS, {})
                words = [place.get("name"), place.get("country"), place.get("region"), ours.get("region")]
                if any(word and word in native_text for word in words):
                    return "place (address / nationality / narrative's Where)"
        if objects.get(source_id, {}).get("type") == "threat-actor" and name(target_id) in native_text:
            return "cluster meta (sponsor)"
        return None

    dropped = []  # (item, detail, carried-by or None)
    for stix_id, obj in objects.items():
        kind = obj["type"]
        if kind in SKIPPED_TYPES or kind == "relationship" or stix_id in author:
            continue
        if uuid_of(stix_id) in converted_uuids or (obj.get("name") and obj["name"] in converted_values):
            continue
        if kind == "incident":
            carried = any(
                o.get("name") == "incident" and any(a.get("value") == obj.get("name") for a in o.get("Attribute", []))
                for o in native.get("Object", []))
            dropped.append((f"object {kind}", obj.get("name", stix_id), "incident object" if carried else None))
        elif kind == "note" and obj.get("abstract") == "Evidence":
            # An evidence note (issue 17): the native export quotes it in the comment of what it supports (a
            # threat actor's, in its galaxy cluster's meta).
            quote = obj.get("content", "")
            dropped.append(("object note (evidence)", quote[:60], "comment or cluster meta" if quote in native_text else None))
        else:
            dropped.append((f"object {kind}", obj.get("name", stix_id), "by name" if obj.get("name", "\0") in native_text else None))
    for stix_id, rel in objects.items():
        if rel["type"] != "relationship":
            continue
        source, target = rel["source_ref"], rel["target_ref"]
        kinds = f"{objects.get(source, {}).get('type')} -{rel['relationship_type']}-> {objects.get(target, {}).get('type')}"
        if (uuid_of(source), rel["relationship_type"], uuid_of(target)) not in converted_refs:
            dropped.append((f"relationship {kinds}", f"{name(source)} / {name(target)}", native_link(source, target)))
        description = rel.get("description")
        link_type = rel.get("extensions", {}).get(OURS, {}).get("link_type")
        if description:
            generated = link_type is not None and description == link_type.replace("-", " ")
            carried = "reference comment" if description in native_text else None
            if generated or link_type in ("responds-to", "supports-response-to"):
                # Our own label of a related-to: the native reference has its own type and comment.
                carried = carried or native_link(source, target)
            dropped.append(("relationship description", description, carried if description not in converted_text else "kept"))
        for key in ("start_time", "stop_time"):
            if key in rel:
                day, year = rel[key][:10], rel[key][:4]
                if link_type == "member-of":
                    # Membership dates: in the comment of the reference (or link attribute) between the two.
                    s, t = uuid_of(source), uuid_of(target)
                    comments = [c for h, c, r in native_comments if {h, r} == {s, t}]
                    comments += [c for c in link_comments if s in c and t in c]
                    carried = "membership reference comment" if any(year in c for c in comments) else None
                else:
                    # Activity and incident links are dated by the activity or incident, whose dates MISP has.
                    carried = "the incident's or activity's dates" if year in native_text else None
                dropped.append((f"relationship {key}", f"{kinds} {day}", carried))
    dropped = [d for d in dropped if d[2] != "kept"]
    missing = [d for d in dropped if d[2] is None]
    summary = {}
    for item, _, carried in dropped:
        summary.setdefault(item, {"count": 0, "not_carried_natively": 0})
        summary[item]["count"] += 1
        if carried is None:
            summary[item]["not_carried_natively"] += 1
    for item, detail, carried in dropped:
        print(f"dropped by misp-stix: {item}: {detail} -> native MISP: {carried or 'NOT CARRIED'}")
    print(json.dumps({"dropped": summary, "not_carried_natively": len(missing)}, sort_keys=True))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
