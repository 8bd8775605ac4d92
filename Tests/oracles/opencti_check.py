"""Checks STIX 2.1 bundles the way OpenCTI would import them (issue 17).

Usage: opencti_check.py BUNDLE.json...   (or - for standard input)

Each object is typed as pycti types it (client-python `import_from_stix2` of opencti_identity.py,
opencti_location.py, opencti_threat_actor.py; see ../shared/reference/consumers.md A.2), and every relationship
is looked up in OpenCTI's allowed (from type, relationship, to type) table, opencti_relationships.json (its
origin is in its header). Also checked, from consumers.md's implications for an exporter:
- identity_class is one of organization, individual, class, system (OpenCTI imports group/unknown as
  Organization, misp-stix as a generic identity object);
- a location has a name and at most one of city, country, region (OpenCTI types it by the first present);
- every marking-definition a bundle references by an OASIS TLP 2.0 id is in the bundle with its name (a bare ref
  is dropped by OpenCTI, so the data would arrive unmarked).
Prints one line per problem and a summary line; exits 1 when there is any problem.
"""
import json
import pathlib
import sys

TABLE = json.loads((pathlib.Path(__file__).parent / "opencti_relationships.json").read_text())
ALLOWED = {tuple(row) for row in TABLE["allowed"]}
ALWAYS = set(TABLE["always_allowed"])
TLP2_IDS = {
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
SIMPLE = {
    "intrusion-set": "Intrusion-Set", "campaign": "Campaign", "incident": "Incident", "malware": "Malware",
    "tool": "Tool", "attack-pattern": "Attack-Pattern", "infrastructure": "Infrastructure",
    "vulnerability": "Vulnerability", "indicator": "Indicator", "event": "Event",
    # The cyber-observables exportctl writes (issue 22), as OpenCTI names their entity types.
    "ipv4-addr": "IPv4-Addr", "ipv6-addr": "IPv6-Addr", "domain-name": "Domain-Name", "url": "Url",
    "email-addr": "Email-Addr", "file": "StixFile",
}


def opencti_type(obj):
    """The entity type pycti gives a STIX object, or None for types OpenCTI has no entity for."""
    kind = obj.get("type")
    if kind == "identity":
        return {"individual": "Individual", "class": "Sector", "system": "System"}.get(
            obj.get("identity_class"), "Organization")
    if kind == "location":
        if obj.get("x_opencti_location_type"):
            return obj["x_opencti_location_type"]
        for field, name in (("city", "City"), ("country", "Country"), ("region", "Region")):
            if field in obj:
                return name
        return "Position"
    if kind == "threat-actor":
        individual = obj.get("x_opencti_type") == "Threat-Actor-Individual" or obj.get("resource_level") == "individual"
        return "Threat-Actor-Individual" if individual else "Threat-Actor-Group"
    return SIMPLE.get(kind)


def check(bundle):
    problems = []
    objects = bundle.get("objects", [])
    by_id = {o.get("id"): o for o in objects}
    referenced = set()
    for obj in objects:
        oid = obj.get("id")
        referenced.update(obj.get("object_marking_refs", []))
        referenced.update(g.get("marking_ref") for g in obj.get("granular_markings", []))
        if obj.get("type") == "identity" and obj.get("identity_class") not in ("organization", "individual", "class", "system"):
            problems.append(f"{oid}: identity_class {obj.get('identity_class')!r} (OpenCTI: Organization; MISP: generic identity)")
        if obj.get("type") == "location":
            if not obj.get("name"):
                problems.append(f"{oid}: location without a name (OpenCTI skips it or names it by its code)")
            present = [f for f in ("city", "country", "region") if f in obj]
            if len(present) > 1:
                problems.append(f"{oid}: location with {', '.join(present)} (OpenCTI types it by the first only)")
        if obj.get("type") != "relationship":
            continue
        rel = obj.get("relationship_type")
        if rel in ALWAYS:
            continue
        source, target = by_id.get(obj.get("source_ref")), by_id.get(obj.get("target_ref"))
        if source is None or target is None:
            problems.append(f"{oid}: {rel} to or from an object not in the bundle")
            continue
        pair = (opencti_type(source), rel, opencti_type(target))
        if pair not in ALLOWED:
            problems.append(f"{oid}: {pair[0]} -{rel}-> {pair[2]} is not allowed by OpenCTI")
    for ref in sorted(referenced & TLP2_IDS):
        definition = by_id.get(ref)
        if definition is None or not definition.get("name"):
            problems.append(f"{ref}: referenced TLP 2.0 marking-definition not in the bundle with a name")
    return problems, sum(1 for o in objects if o.get("type") == "relationship")


def main(paths):
    total_problems = 0
    relationships = 0
    for path in paths:
        text = sys.stdin.read() if path == "-" else pathlib.Path(path).read_text(encoding="utf-8")
        problems, count = check(json.loads(text))
        relationships += count
        for problem in problems:
            print(f"{path}: {problem}")
        total_problems += len(problems)
    print(f"opencti_check: {len(paths)} bundle(s), {relationships} relationship(s), {total_problems} problem(s)")
    return 1 if total_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["-"]))
