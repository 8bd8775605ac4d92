"""Lists how each MISP ObjectReference exportctl wrote reads, for the direction check (issue 17).

Usage: misp_relationships.py FILE   (MISP JSON: {"Event"} or {"response": [...]})

For every ObjectReference prints one JSON line {"holder": kind, "relationship": type, "target": kind,
"defined": bool}. The holder is the object that holds the reference (misp-objects reads a relationship from
the holder, the source, to the referenced object). Kinds: person, organisation, partnership (an organization
object of type alliance), intrusion-set, incident, campaign (a campaign-name attribute), or unresolved.
`defined` says whether the relationship_type is, character for character, a name in misp-objects'
relationships/definition.json as PyMISP ships it (so `is-allied-with ` with its trailing space is a name, and
`is-allied-with` is not).
"""
import json
import pathlib
import sys

import pymisp

DEFINITION = pathlib.Path(pymisp.__file__).parent / "data" / "misp-objects" / "relationships" / "definition.json"
NAMES = {entry["name"] for entry in json.loads(DEFINITION.read_text())["values"]}


def kind_of_object(obj):
    name = obj.get("name")
    if name == "organization":
        types = {a.get("value") for a in obj.get("Attribute", []) if a.get("object_relation") == "type-of-organization"}
        return "partnership" if "alliance" in types else "organisation"
    return name


def main(path):
    document = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    events = [item["Event"] for item in document["response"]] if "response" in document else [document["Event"]]
    for event in events:
        kinds = {}
        for obj in event.get("Object", []):
            kinds[obj["uuid"]] = kind_of_object(obj)
        for attribute in event.get("Attribute", []):
            if attribute.get("type") == "campaign-name":
                kinds[attribute["uuid"]] = "campaign"
        for obj in event.get("Object", []):
            for attribute in obj.get("Attribute", []):
                if attribute.get("type") == "campaign-name":
                    kinds[attribute["uuid"]] = "campaign"
                    kinds[obj["uuid"]] = "campaign"
        for obj in event.get("Object", []):
            for reference in obj.get("ObjectReference", []):
                relationship = reference.get("relationship_type", "")
                print(json.dumps({
                    "holder": kinds.get(obj["uuid"], "unresolved"), "relationship": relationship,
                    "target": kinds.get(reference.get("referenced_uuid"), "unresolved"),
                    "defined": relationship in NAMES,
                }))


if __name__ == "__main__":
    main(sys.argv[1])
