"""Anchor: an lxml writer that builds the STIX 1.2 XML for an authoring corpus directly, element by element.

Usage: stix12_lxml.py CORPUS.json OUT.xml

The same components and elements as exportctl's STIX 1.2 writer for what the corpus uses (the producer identity
with Named Party and Partnership related identities, threat actors, campaigns and intrusion sets, incidents,
per-component TLP / REL TO handling, one report), built with lxml.etree and written with tostring(); the
hand-rolled "fast Python" way. It skips what python-stix also skips (header markings for identities, related
incidents, contributing sources), which favours the anchor.
"""
import sys

import orjson
from lxml import etree

from stix12_common import id_maker, id_prefix, object_ids, ref

NS = {
    "stix": "http://stix.mitre.org/stix-1", "stixCommon": "http://stix.mitre.org/common-1",
    "stixVocabs": "http://stix.mitre.org/default_vocabularies-1", "ta": "http://stix.mitre.org/ThreatActor-1",
    "incident": "http://stix.mitre.org/Incident-1", "campaign": "http://stix.mitre.org/Campaign-1",
    "report": "http://stix.mitre.org/Report-1", "marking": "http://data-marking.mitre.org/Marking-1",
    "tlpMarking": "http://data-marking.mitre.org/extensions/MarkingStructure#TLP-1",
    "simpleMarking": "http://data-marking.mitre.org/extensions/MarkingStructure#Simple-1",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
XSI_TYPE = "{%s}type" % NS["xsi"]
TLP = {"clear": "WHITE", "green": "GREEN", "amber": "AMBER", "amber+strict": "AMBER", "red": "RED"}
TYPES = {"nation-state": "State Actor / Agency", "spy": "Cyber Espionage Operations", "hacker": "Hacker",
         "criminal": "eCrime Actor - Organized Crime Actor"}
STATUS = {"new": "New", "open": "Open", "stalled": "Stalled", "containment-achieved": "Containment Achieved",
          "restoration-achieved": "Restoration Achieved", "incident-reported": "Incident Reported",
          "closed": "Closed", "rejected": "Rejected"}
COMPONENT = "../../../descendant-or-self::node() | ../../../descendant-or-self::node()/@*"


def q(name):
    prefix, local = name.split(":")
    return "{%s}%s" % (NS[prefix], local)


def sub(parent, name, text=None, **attributes):
    element = etree.SubElement(parent, q(name), {k.replace("__", ":"): v for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def main(corpus_path, out_path):
    with open(corpus_path, "rb") as handle:
        corpus = orjson.loads(handle.read())
    producer = corpus["producer"]["id"]
    prefix = id_prefix(producer)
    nsmap = dict(NS)
    nsmap[prefix] = "urn:exportctl:producer:" + producer
    default = corpus.get("default_marking")
    stamp = corpus["published"] + "T00:00:00Z"

    sid = id_maker(producer, prefix)

    def handling(parent, name, marking, structure=COMPONENT):
        marking = marking or default
        if not marking:
            return
        spec = sub(sub(parent, name), "marking:Marking")
        sub(spec, "marking:Controlled_Structure", structure)
        tlp = sub(spec, "marking:Marking_Structure", color=TLP[marking["tlp"]])
        tlp.set(XSI_TYPE, "tlpMarking:TLPMarkingStructureType")
        statements = (["TLP:AMBER+STRICT"] if marking["tlp"] == "amber+strict" else [])
        if marking.get("releasable_to"):
            statements.append("REL TO " + ", ".join(marking["releasable_to"]))
        for statement in statements:
            simple = sub(spec, "marking:Marking_Structure")
            simple.set(XSI_TYPE, "simpleMarking:SimpleMarkingStructureType")
            sub(simple, "simpleMarking:Statement", statement)

    def vocab(parent, name, vocabulary, value):
        statement = sub(parent, name, timestamp=stamp)
        sub(statement, "stixCommon:Value", value).set(XSI_TYPE, "stixVocabs:" + vocabulary)

    def confidence(parent, name, value):
        if value is not None:
            level = "None" if value == 0 else "Low" if value < 30 else "Medium" if value < 70 else "High"
            vocab(parent, name, "HighMediumLowVocab-1.0", level)

    ids = object_ids(corpus, sid)

    root = etree.Element(q("stix:STIX_Package"), nsmap=nsmap, id=sid("package", ""), version="1.2")
    header = sub(root, "stix:STIX_Header")
    handling(header, "stix:Handling", default, "//node() | //@*")
    identity = sub(sub(header, "stix:Information_Source"), "stixCommon:Identity", id=sid("identity", "#producer"))
    sub(identity, "stixCommon:Name", corpus["producer"]["name"])
    related = sub(identity, "stixCommon:Related_Identities")
    threat_actors = sub(root, "stix:Threat_Actors")
    for actor in corpus.get("actors", []):
        if actor["kind"] != "threat-actor":
            entry = sub(related, "stixCommon:Related_Identity")
            sub(entry, "stixCommon:Relationship", "Named Party")
            sub(sub(entry, "stixCommon:Identity", id=ids[actor["id"]]), "stixCommon:Name", actor["name"])
            continue
        element = sub(threat_actors, "stix:Threat_Actor", id=ids[actor["id"]], timestamp=stamp, version="1.2")
        element.set(XSI_TYPE, "ta:ThreatActorType")
        sub(element, "ta:Title", actor["name"])
        if actor.get("description"):
            sub(element, "ta:Description", actor["description"])
        sub(sub(element, "ta:Identity"), "stixCommon:Name", actor["name"])
        for kind in actor.get("threat_actor_types", []):
            if kind in TYPES:
                vocab(element, "ta:Type", "ThreatActorTypeVocab-1.0", TYPES[kind])
        for goal in actor.get("goals", []):
            sub(sub(element, "ta:Intended_Effect", timestamp=stamp), "stixCommon:Description", goal)
        handling(element, "ta:Handling", actor.get("marking"))
        confidence(element, "ta:Confidence", actor.get("confidence"))
    for partnership in corpus.get("partnerships", []):
        entry = sub(related, "stixCommon:Related_Identity")
        sub(entry, "stixCommon:Relationship", "Partnership")
        element = sub(entry, "stixCommon:Identity", id=ids[partnership["id"]])
        sub(element, "stixCommon:Name", partnership["name"])
        members = sub(element, "stixCommon:Related_Identities")
        for membership in partnership.get("members", []):
            member = sub(members, "stixCommon:Related_Identity")
            sub(member, "stixCommon:Relationship", "Has Member")
            sub(member, "stixCommon:Identity", idref=ids[membership["member"]])
    campaigns = sub(root, "stix:Campaigns")
    for activity in corpus.get("intrusion_sets", []) + corpus.get("campaigns", []):
        element = sub(campaigns, "stix:Campaign", id=ids[activity["id"]], timestamp=stamp, version="1.2")
        element.set(XSI_TYPE, "campaign:CampaignType")
        sub(element, "campaign:Title", activity["name"])
        if activity.get("description"):
            sub(element, "campaign:Description", activity["description"])
        if activity.get("objective"):
            sub(sub(element, "campaign:Intended_Effect", timestamp=stamp), "stixCommon:Description", activity["objective"])
        actors = [ref(link) for link in activity.get("attributed_to", []) if ":threat-actor-" in ids[ref(link)]]
        if actors:
            attribution = sub(element, "campaign:Attribution")
            for actor in actors:
                entry = sub(attribution, "campaign:Attributed_Threat_Actor")
                sub(entry, "stixCommon:Relationship", "Attributed To")
                sub(entry, "stixCommon:Threat_Actor", idref=ids[actor], timestamp=stamp)
        confidence(element, "campaign:Confidence", activity.get("confidence"))
        handling(element, "campaign:Handling", activity.get("marking"))
    incidents = sub(root, "stix:Incidents")
    for item in corpus.get("incidents", []):
        element = sub(incidents, "stix:Incident", id=ids[item["id"]], timestamp=stamp, version="1.2")
        element.set(XSI_TYPE, "incident:IncidentType")
        sub(element, "incident:Title", item["title"])
        if item.get("description"):
            sub(element, "incident:Description", item["description"])
        sub(sub(element, "incident:Categories"), "incident:Category", item["kind"])
        for target in item.get("targets", []):
            if ":identity-" in ids[ref(target)]:
                sub(element, "incident:Victim", idref=ids[ref(target)])
        actors = [ref(link) for link in item.get("attributed_to", []) if ":threat-actor-" in ids[ref(link)]]
        if actors:
            attributed = sub(element, "incident:Attributed_Threat_Actors")
            for actor in actors:
                entry = sub(attributed, "incident:Threat_Actor")
                sub(entry, "stixCommon:Threat_Actor", idref=ids[actor], timestamp=stamp)
        sub(element, "incident:Status", STATUS.get(item.get("status", "open"))).set(
            XSI_TYPE, "stixVocabs:IncidentStatusVocab-1.0")
        confidence(element, "incident:Confidence", item.get("confidence"))
        handling(element, "incident:Handling", item.get("marking"))
    report = sub(sub(root, "stix:Reports"), "stix:Report", id=sid("report", "#report"), timestamp=stamp, version="1.0")
    report.set(XSI_TYPE, "report:ReportType")
    report_header = sub(report, "report:Header")
    sub(report_header, "report:Title", corpus["title"])
    sub(report_header, "report:Intent", "Threat Report").set(XSI_TYPE, "stixVocabs:ReportIntentVocab-1.0")
    for list_name, item_name, items in (("report:Campaigns", "report:Campaign", corpus.get("intrusion_sets", []) + corpus.get("campaigns", [])),
                                        ("report:Incidents", "report:Incident", corpus.get("incidents", [])),
                                        ("report:Threat_Actors", "report:Threat_Actor", [a for a in corpus.get("actors", []) if a["kind"] == "threat-actor"])):
        if items:
            container = sub(report, list_name)
            for item in items:
                sub(container, item_name, idref=ids[item["id"]], timestamp=stamp)
    with open(out_path, "wb") as handle:
        handle.write(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
