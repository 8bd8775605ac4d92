"""Reads a STIX 1.2 package back with python-stix (the `stix` package) and prints what a STIX 1 consumer sees.

Usage: stix12_readback.py PACKAGE.xml
Prints one JSON object:
  partnerships: {name: sorted member names}   from the header identity's related identities
  actors: {title: {"types": [[xsi_type, value]], "motivations": [[xsi_type, value]]}}
  incidents: {title: {"attributed": sorted actor titles, "victims": sorted victim names}}
  tlp: {id: colour}   each component's TLP colour from its own Handling (the marking over the whole component;
                      none when it has no Handling); identities' colours come from the header markings whose
                      Controlled_Structure selects them (evaluated with lxml)
  report_tlp: colour  the report's own Handling (its narrative's label)
  empty_structures: [xpath]  every Controlled_Structure in the package that selects no node (evaluated with lxml
                      from its own element, as the data-marking spec says): each must select something
"""
import json
import sys

from lxml import etree
from stix.core import STIXPackage
from stix.extensions.marking.tlp import TLPMarkingStructure  # noqa: F401  (registers the TLP structure)
from stix.extensions.marking.simple_marking import SimpleMarkingStructure  # noqa: F401


def vocab(value):
    return [getattr(value, "xsi_type", None) or getattr(value, "_XSI_TYPE", None), str(value.value)]


def colours(handling, whole_package=False):
    found = []
    for spec in handling or []:
        if whole_package and spec.controlled_structure != "//node() | //@*":
            continue
        for structure in spec.marking_structures:
            if isinstance(structure, TLPMarkingStructure):
                found.append(structure.color)
    return found


ENCLOSING = "../../../descendant-or-self::node() | ../../../descendant-or-self::node()/@*"


def own_colour(handling):
    found = []
    for spec in handling or []:
        if spec.controlled_structure == ENCLOSING:
            found += [s.color for s in spec.marking_structures if isinstance(s, TLPMarkingStructure)]
    return found[-1] if found else None


def main(path):
    package = STIXPackage.from_xml(path)
    header = package.stix_header
    producer = header.information_source.identity
    names = {}
    partnerships = {}
    for related in producer.related_identities or []:
        identity = related.item
        names[identity.id_] = identity.name
    for related in producer.related_identities or []:
        if str(related.relationship) != "Partnership":
            continue
        identity = related.item
        members = []
        for member in identity.related_identities or []:
            assert str(member.relationship) == "Has Member", member.relationship
            item = member.item
            members.append(names.get(item.idref, item.idref) if item.idref else item.name)
        partnerships[identity.name] = sorted(members)

    actors = {}
    titles = {}
    default = colours(header.handling, whole_package=True)
    tlp = {}
    for actor in package.threat_actors or []:
        titles[actor.id_] = actor.title
        actors[actor.title] = {
            "types": [vocab(s.value) for s in actor.types or []],
            "motivations": [vocab(s.value) for s in actor.motivations or []],
        }
        tlp[actor.id_] = own_colour(actor.handling)
    incidents = {}
    for incident in package.incidents or []:
        attributed = [titles.get(r.item.idref, r.item.idref) for r in incident.attributed_threat_actors or []]
        victims = [names.get(v.idref, v.idref) if v.idref else v.name for v in incident.victims or []]
        incidents[incident.title] = {"attributed": sorted(attributed), "victims": sorted(victims),
                                     "status": vocab(incident.status) if incident.status else None}
        tlp[incident.id_] = own_colour(incident.handling)
    for campaign in package.campaigns or []:
        tlp[campaign.id_] = own_colour(campaign.handling)

    # Identities have no Handling: the header's markings select them through their Controlled_Structure.
    tree = etree.parse(path)
    ns = {k: v for k, v in tree.getroot().nsmap.items() if k}
    marking_ns = "http://data-marking.mitre.org/Marking-1"
    for identity_id in names:
        tlp[identity_id] = default[-1] if default else None
    for marking in tree.getroot().iterfind(
            "{http://stix.mitre.org/stix-1}STIX_Header/{http://stix.mitre.org/stix-1}Handling/{%s}Marking" % marking_ns):
        structure = marking.findtext("{%s}Controlled_Structure" % marking_ns)
        colour = [m.get("color") for m in marking.iterfind("{%s}Marking_Structure" % marking_ns) if m.get("color")]
        if not structure or structure == "//node() | //@*" or not colour:
            continue
        for node in tree.xpath(structure, namespaces=ns):
            if isinstance(node, etree._Element) and node.get("id") in names:
                tlp[node.get("id")] = colour[0]
    report_tlp = None
    for report in package.reports or []:
        report_tlp = own_colour(report.header.handling if report.header else None)
    empty = []
    for element in tree.getroot().iter("{%s}Controlled_Structure" % marking_ns):
        if not element.xpath(element.text, namespaces=ns):
            empty.append(element.text)
    json.dump({"partnerships": partnerships, "actors": actors, "incidents": incidents, "tlp": tlp,
               "report_tlp": report_tlp, "empty_structures": empty},
              sys.stdout, sort_keys=True, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
