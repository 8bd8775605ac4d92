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
  indicators: {title: {"types", "observables": idrefs of its Observable (one, or its composition's),
                "patterns": [[type, specification]] of its generic test mechanisms, "ttps": indicated TTP idrefs,
                "campaigns": related campaign idrefs, "valid": [[start, precision, end, precision]],
                "kill_chain_phases": [[chain, phase]], "confidence": value}}
  observables: {observable id: {"object": object id, "xsi_type", "category", "value", "file_name",
                "hashes": {hash type: value}}}
  ttps: {id: {"title", "malware": [[names]], "malware_types": [[xsi_type, value]], "tools": [[name, [types]]]}}
  uses: {actor or campaign title: sorted TTP idrefs}   Observed_TTPs / Related_TTPs
  involves: {incident title: sorted observable idrefs}   Related_Observables
  empty_structures: [xpath]  every Controlled_Structure in the package that selects no node (evaluated with lxml
                      from its own element, as the data-marking spec says): each must select something
"""
import json
import sys

from lxml import etree
from stix.core import STIXPackage
from stix.extensions.marking.tlp import TLPMarkingStructure  # noqa: F401  (registers the TLP structure)
from stix.extensions.marking.simple_marking import SimpleMarkingStructure  # noqa: F401
from stix.extensions.test_mechanism.generic_test_mechanism import GenericTestMechanism  # noqa: F401


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
    uses = {}
    for campaign in package.campaigns or []:
        tlp[campaign.id_] = own_colour(campaign.handling)
        uses[campaign.title] = sorted(r.item.idref for r in campaign.related_ttps or [])
    for actor in package.threat_actors or []:
        uses[actor.title] = sorted(r.item.idref for r in actor.observed_ttps or [])
    involves = {}
    for incident in package.incidents or []:
        involves[incident.title] = sorted(r.item.idref for r in incident.related_observables or [])
    indicators = {}
    for indicator in package.indicators or []:
        tlp[indicator.id_] = own_colour(indicator.handling)
        observable = indicator.observable
        refs = []
        if observable is not None:
            if observable.idref:
                refs = [observable.idref]
            elif observable.observable_composition is not None:
                assert observable.observable_composition.operator == "OR"
                refs = [o.idref for o in observable.observable_composition.observables]
        indicators[indicator.title] = {
            "types": [vocab(t) for t in indicator.indicator_types or []],
            "observables": refs,
            "patterns": [[str(m.type_), m.specification.value] for m in indicator.test_mechanisms or []],
            "ttps": [r.item.idref for r in indicator.indicated_ttps or []],
            "campaigns": [r.item.idref for r in indicator.related_campaigns or []],
            "valid": [[str(v.start_time.value) if v.start_time else None, v.start_time.precision if v.start_time else None,
                       str(v.end_time.value) if v.end_time else None, v.end_time.precision if v.end_time else None]
                      for v in indicator.valid_time_positions or []],
            "kill_chain_phases": [[p.kill_chain_name, p.name] for p in indicator.kill_chain_phases or []],
            "confidence": str(indicator.confidence.value) if indicator.confidence else None,
        }
    observables = {}
    for observable in (package.observables.observables if package.observables else []):
        props = observable.object_.properties
        entry = {"object": observable.object_.id_, "xsi_type": props._XSI_TYPE}
        if hasattr(props, "address_value"):
            entry["category"] = props.category
            entry["value"] = str(props.address_value.value)
        elif hasattr(props, "hashes"):
            entry["file_name"] = str(props.file_name.value) if props.file_name else None
            entry["hashes"] = {str(h.type_.value): str(h.simple_hash_value.value) for h in props.hashes or []}
        else:
            entry["value"] = str(props.value.value)
        observables[observable.id_] = entry
        names.setdefault(observable.id_, None)  # its colour comes from the header, as an identity's does
    ttps = {}
    for ttp in (package.ttps.ttp if package.ttps else []):
        tlp[ttp.id_] = own_colour(ttp.handling)
        instances = ttp.behavior.malware_instances if ttp.behavior and ttp.behavior.malware_instances else []
        tools = ttp.resources.tools if ttp.resources and ttp.resources.tools else []
        ttps[ttp.id_] = {
            "title": ttp.title,
            "malware": [[str(n) for n in m.names or []] for m in instances],
            "malware_types": [vocab(t) for m in instances for t in m.types or []],
            "tools": [[str(t.name), [str(v) for v in t.type_ or []]] for t in tools],
        }

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
               "report_tlp": report_tlp, "empty_structures": empty, "indicators": indicators,
               "observables": observables, "ttps": ttps, "uses": uses, "involves": involves},
              sys.stdout, sort_keys=True, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
