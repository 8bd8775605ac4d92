"""Writes STIX 2.1 bundles made by python-stix2 itself: UUIDv4 ids and 6-digit timestamps.

Usage: stix2_make_bundles.py OUTDIR
Writes a few bundles (identity, threat-actor, campaign, relationship, report, TLP 1.0 marking, indicator)
and prints their paths, one a line.
"""
import pathlib
import sys

import stix2

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
identity = stix2.Identity(name="Example CERT", identity_class="organization", sectors=["government-national"])
actor = stix2.ThreatActor(
    name="Group X", threat_actor_types=["nation-state"], created_by_ref=identity.id,
    object_marking_refs=[stix2.TLP_GREEN], sophistication="advanced", resource_level="government",
    primary_motivation="organizational-gain", confidence=70)
campaign = stix2.Campaign(name="Operation Y", created_by_ref=identity.id, first_seen="2023-01-02T03:04:05.123456Z")
uses = stix2.Relationship(campaign, "attributed-to", actor, created_by_ref=identity.id)
indicator = stix2.Indicator(
    name="C2", pattern="[ipv4-addr:value = '198.51.100.3']", pattern_type="stix", valid_from="2023-01-01T00:00:00Z")
report = stix2.Report(
    name="Report", published="2023-02-03T04:05:06.789012Z", object_refs=[actor.id, campaign.id, uses.id],
    report_types=["threat-report"], created_by_ref=identity.id)
bundles = {
    "python-stix2-actors.json": [identity, actor, campaign, uses, report, stix2.TLP_GREEN],
    "python-stix2-indicator.json": [identity, indicator],
    "python-stix2-single.json": [actor],
}
for name, objects in bundles.items():
    path = out / name
    path.write_text(stix2.Bundle(objects=objects, allow_custom=False).serialize(pretty=False), encoding="utf-8")
    print(path)
