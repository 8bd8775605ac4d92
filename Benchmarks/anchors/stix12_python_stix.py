"""Anchor: python-stix (stix==1.2.0.11) builds the STIX 1.2 package for an authoring corpus and writes it.

Usage: stix12_python_stix.py CORPUS.json OUT.xml

The same components exportctl writes (see Sources/FormatSTIX12/MAPPING.md), built with python-stix's
object API and serialised with to_xml(): the producer identity with every non-threat actor (Named Party) and
partnership (Partnership, members by idref) as related identities; threat actors (title, description, identity
name, type, motivation, sophistication, goals, TLP/REL TO handling, confidence); campaigns and intrusion sets as
campaigns (attribution to threat actors); incidents (title, description, category, status, victims, attributed
threat actors, handling); one report listing them. It does less than exportctl (no header markings for
identities, no related incidents, no contributing sources), which favours the anchor.
"""
import sys

import orjson
from mixbox.idgen import set_id_namespace
from mixbox.namespaces import Namespace
from stix.campaign import Attribution, Campaign
from stix.common import Confidence, Identity, InformationSource
from stix.common.identity import RelatedIdentities
from stix.common.related import RelatedIdentity, RelatedThreatActor
from stix.common.vocabs import VocabString
from stix.core import STIXHeader, STIXPackage
from stix.data_marking import Marking, MarkingSpecification
from stix.extensions.marking.simple_marking import SimpleMarkingStructure
from stix.extensions.marking.tlp import TLPMarkingStructure
from stix.incident import AttributedThreatActors, Incident
from stix.report import Header, Report
from stix.threat_actor import ThreatActor

from stix12_common import id_maker, id_prefix, object_ids, ref

TLP = {"clear": "WHITE", "green": "GREEN", "amber": "AMBER", "amber+strict": "AMBER", "red": "RED"}
TYPES = {"nation-state": "State Actor / Agency", "spy": "Cyber Espionage Operations", "hacker": "Hacker",
         "criminal": "eCrime Actor - Organized Crime Actor"}
STATUS = {"new": "New", "open": "Open", "stalled": "Stalled", "containment-achieved": "Containment Achieved",
          "restoration-achieved": "Restoration Achieved", "incident-reported": "Incident Reported",
          "closed": "Closed", "rejected": "Rejected"}


def confidence(value):
    if value is None:
        return None
    return Confidence("None" if value == 0 else "Low" if value < 30 else "Medium" if value < 70 else "High")


def main(corpus_path, out_path):
    with open(corpus_path, "rb") as handle:
        corpus = orjson.loads(handle.read())
    producer = corpus["producer"]["id"]
    prefix = id_prefix(producer)
    set_id_namespace(Namespace("urn:exportctl:producer:" + producer, prefix))
    default = corpus.get("default_marking")

    sid = id_maker(producer, prefix)

    def handling(marking):
        marking = marking or default
        if not marking:
            return None
        spec = MarkingSpecification()
        spec.controlled_structure = "../../../descendant-or-self::node() | ../../../descendant-or-self::node()/@*"
        spec.marking_structures.append(TLPMarkingStructure(color=TLP[marking["tlp"]]))
        if marking["tlp"] == "amber+strict":
            spec.marking_structures.append(SimpleMarkingStructure(statement="TLP:AMBER+STRICT"))
        if marking.get("releasable_to"):
            spec.marking_structures.append(SimpleMarkingStructure(statement="REL TO " + ", ".join(marking["releasable_to"])))
        result = Marking()
        result.add_marking(spec)
        return result

    ids = object_ids(corpus, sid)

    package = STIXPackage(id_=sid("package", ""))
    header = STIXHeader()
    header.handling = handling(default)
    producer_identity = Identity(id_=sid("identity", "#producer"), name=corpus["producer"]["name"])
    producer_identity.related_identities = RelatedIdentities()
    header.information_source = InformationSource(identity=producer_identity)
    package.stix_header = header
    report = Report(id_=sid("report", "#report"), header=Header(title=corpus["title"], intents=["Threat Report"],
                                                                 description=corpus.get("description")))
    for actor in corpus.get("actors", []):
        if actor["kind"] == "threat-actor":
            actor_object = ThreatActor(id_=ids[actor["id"]], title=actor["name"], description=actor.get("description"))
            actor_object.identity = Identity(name=actor["name"])
            for kind in actor.get("threat_actor_types", []):
                if kind in TYPES:
                    actor_object.add_type(TYPES[kind])
            for goal in actor.get("goals", []):
                actor_object.add_intended_effect(goal)
            actor_object.handling = handling(actor.get("marking"))
            actor_object.confidence = confidence(actor.get("confidence"))
            package.add_threat_actor(actor_object)
            report.add_threat_actor(ThreatActor(idref=ids[actor["id"]]))
        else:
            related = RelatedIdentity(Identity(id_=ids[actor["id"]], name=actor["name"]), relationship="Named Party")
            producer_identity.related_identities.append(related)
    for partnership in corpus.get("partnerships", []):
        identity = Identity(id_=ids[partnership["id"]], name=partnership["name"])
        identity.related_identities = RelatedIdentities()
        for membership in partnership.get("members", []):
            identity.related_identities.append(
                RelatedIdentity(Identity(idref=ids[membership["member"]]), relationship="Has Member"))
        producer_identity.related_identities.append(RelatedIdentity(identity, relationship="Partnership"))
    for activity in corpus.get("intrusion_sets", []) + corpus.get("campaigns", []):
        campaign = Campaign(id_=ids[activity["id"]], title=activity["name"], description=activity.get("description"))
        if activity.get("objective"):
            campaign.add_intended_effect(activity["objective"])
        threat_actors = [ref(link) for link in activity.get("attributed_to", []) if ids[ref(link)].split(":")[1].startswith("threat-actor")]
        if threat_actors:
            attribution = Attribution()
            for actor in threat_actors:
                attribution.append(RelatedThreatActor(ThreatActor(idref=ids[actor]), relationship="Attributed To"))
            campaign.attribution.append(attribution)
        campaign.handling = handling(activity.get("marking"))
        campaign.confidence = confidence(activity.get("confidence"))
        package.add_campaign(campaign)
        report.add_campaign(Campaign(idref=ids[activity["id"]]))
    for item in corpus.get("incidents", []):
        incident = Incident(id_=ids[item["id"]], title=item["title"], description=item.get("description"))
        incident.add_category(VocabString(item["kind"]))
        incident.status = STATUS.get(item.get("status", "open"))
        for target in item.get("targets", []):
            if ids[ref(target)].split(":")[1].startswith("identity"):
                incident.add_victim(Identity(idref=ids[ref(target)]))
        attributed = [ref(link) for link in item.get("attributed_to", []) if ids[ref(link)].split(":")[1].startswith("threat-actor")]
        if attributed:
            incident.attributed_threat_actors = AttributedThreatActors()
            for actor in attributed:
                incident.attributed_threat_actors.append(RelatedThreatActor(ThreatActor(idref=ids[actor])))
        incident.handling = handling(item.get("marking"))
        incident.confidence = confidence(item.get("confidence"))
        package.add_incident(incident)
        report.add_incident(Incident(idref=ids[item["id"]]))
    package.add_report(report)
    with open(out_path, "wb") as handle:
        handle.write(package.to_xml(encoding="utf-8"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
