"""An independent reading of README.md's "Partner-scoped sharing": what a recipient receives from an
authoring-format report, and the label each released object carries.

Written from the README alone (not from Sources/ExportSharing), so that the Swift policy and this script
can only agree by both following the text.

Usage: sharing_oracle.py CASES.json
CASES.json is a list of {"report": <authoring-format JSON>, "recipient": "<code or actor id>"}.
Prints a JSON list, one answer per case, in order:
  {"released": [item ids, sorted], "labels": {object id: {"tlp": "amber", "releasable_to": [sorted entries]}}}
With "imported": {"objects": [appended STIX objects], "model_ids": {stix id: local id}}, the answer also has
"imported": {"released": [stix ids], "withheld_properties": {stix id: [properties]}} (README, "Imported content",
"Markings exportctl does not understand", "Granular markings").
Item ids: an object's id; a link "from → to"; a membership "partnership ∋ member"; a source "source:<id>";
the narrative "narrative". An unknown recipient answers {"error": "..."}.

Where the README leaves a choice, this script reads it so (each agreed with exportctl when first compared):
- a membership is RED only by its own marking, not by the report's default (an unmarked link needs only its ends);
- for TLP:RED, "their id" is the recipient's own id (a country's: its state's id), so an agency is not named
  directly by its state's id, though below RED a state's id covers its agencies;
- in a label, a withheld partnership's nested partnerships expand too, whether or not R receives them, through
  memberships that are certain on the date, not RED and, when marked, releasable to R.
"""
import json
import sys

# The few alpha-2 codes the tests write; the model stores alpha-3 (README, "The authoring format").
ALPHA3 = {
    "US": "USA", "GB": "GBR", "CA": "CAN", "AU": "AUS", "NZ": "NZL", "JP": "JPN", "IN": "IND", "KR": "KOR",
    "PH": "PHL", "VN": "VNM", "FR": "FRA", "DE": "DEU", "BR": "BRA",
}
OBJECT_LISTS = ["actors", "intrusion_sets", "campaigns", "partnerships", "incidents"]
LINK_KEYS = ["sponsored_by", "attributed_to", "targets", "responders", "supporters"]


def alpha3(code):
    return ALPHA3.get(code, code)


def date_bounds(text):
    """The first and last day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) may mean, as comparable tuples."""
    parts = [int(p) for p in str(text).split("-")]
    year = parts[0]
    month_first, month_last = (parts[1], parts[1]) if len(parts) > 1 else (1, 12)
    day_first = parts[2] if len(parts) > 2 else 1
    day_last = parts[2] if len(parts) > 2 else 31  # the last day of any month compares as "end of month"
    return (year, month_first, day_first), (year, month_last, day_last)


def normalise_marking(marking):
    if marking is None:
        return None
    entries = []
    for entry in marking.get("releasable_to", []):
        # Country codes are capitals (2-3 letters); parties are lowercase ids.
        entries.append(("country", alpha3(entry)) if entry.isupper() else ("party", entry))
    return {"tlp": marking["tlp"], "entries": entries}


class Report:
    def __init__(self, data):
        self.data = data
        self.default = normalise_marking(data.get("default_marking"))
        self.day_first, self.day_last = date_bounds(data["published"])
        self.objects = {}  # id -> (list name, object)
        for key in OBJECT_LISTS:
            for obj in data.get(key, []):
                self.objects[obj["id"]] = (key, obj)
        self.actors = {a["id"]: a for a in data.get("actors", [])}
        self.partnerships = {p["id"]: p for p in data.get("partnerships", [])}

    def marking_of(self, obj):
        """Every object has its own marking or the report's default (README, "Markings")."""
        own = normalise_marking(obj.get("marking"))
        return own if own is not None else self.default

    def memberships(self, partnership):
        for member in partnership.get("members", []):
            yield ({"member": member} if isinstance(member, str) else member)

    def is_red_membership(self, membership):
        # A membership's own marking decides: README's "Links" rule releases a link without its own marking to
        # whoever receives both ends, so a report's default does not make every unmarked membership RED.
        own = normalise_marking(membership.get("marking"))
        return own is not None and own["tlp"] == "red"

    def is_certain(self, membership):
        """Certainly a member on the published date: joined no later than its first day, not left by its last."""
        if "since" in membership:
            _, since_last = date_bounds(membership["since"])
            if since_last > self.day_first:
                return False
        if "until" in membership:
            until_first, _ = date_bounds(membership["until"])
            if until_first <= self.day_last:
                return False
        return True

    def members_on_date(self, partnership_id, seen=None):
        """Actor ids a partnership stands for: certain, non-RED memberships, nested partnerships recursively."""
        seen = set() if seen is None else seen
        if partnership_id in seen or partnership_id not in self.partnerships:
            return set()
        seen.add(partnership_id)
        found = set()
        for membership in self.memberships(self.partnerships[partnership_id]):
            if not self.is_certain(membership) or self.is_red_membership(membership):
                continue
            member = membership["member"]
            if member in self.partnerships:
                found |= self.members_on_date(member, seen)
            else:
                found.add(member)
        return found


class Audience:
    """Who the recipient is: a country (the state and its agencies) or a named non-state actor."""

    def __init__(self, report, text):
        self.report = report
        upper = text.upper()
        lower = text.lower()
        self.country = None  # set when R is a country, or a state or agency located in one
        self.actor_id = None
        self.is_country = False
        if lower in report.partnerships:
            raise ValueError("a partnership is not a recipient")
        if lower in report.actors:
            actor = report.actors[lower]
            self.actor_id = lower
            if actor["kind"] == "state":
                self.is_country = True
                self.country = alpha3(actor["country"]) if actor.get("country") else None
            elif actor["kind"] == "agency" and actor.get("country"):
                self.country = alpha3(actor["country"])
        elif len(upper) in (2, 3) and upper.isalpha():
            self.is_country = True
            self.country = alpha3(upper)
        else:
            raise ValueError(f"unknown recipient {text}")

    def state_country(self, actor_id):
        actor = self.report.actors.get(actor_id)
        if actor and actor["kind"] == "state" and actor.get("country"):
            return alpha3(actor["country"])
        return None

    def is_actor(self, actor_id):
        """Is this actor (named in a list, or a partnership member) the recipient?"""
        if self.is_country:
            # A state named by its id is the same recipient as its country code.
            return self.state_country(actor_id) == self.country or actor_id == self.actor_id
        if actor_id == self.actor_id:
            return True
        # An agency is covered by its country's entries; a state's id stands for its country.
        return self.country is not None and self.state_country(actor_id) == self.country

    def is_country_entry(self, code):
        # A country code covers the state and its agencies, never an organisation or person located there.
        return self.country is not None and code == self.country

    def named_directly(self, entries):
        """TLP:RED's test: the recipient's id or country code literally in the list (a country's state id counts
        as the country's own id; an agency's state's id is neither the agency's id nor a country code)."""
        for kind, value in entries:
            if kind == "country" and self.is_country_entry(value):
                return True
            if kind == "party" and (value == self.actor_id or (self.is_country and self.is_actor(value))):
                return True
        return False

    def named(self, entries):
        """Below RED, an actor entry also covers a state's agencies."""
        if self.named_directly(entries):
            return True
        return any(kind == "party" and value not in self.report.partnerships and self.is_actor(value)
                   for kind, value in entries)

    def releases(self, marking):
        if marking is None:
            return False
        if marking["tlp"] == "clear":
            return True
        if marking["tlp"] == "red":
            return self.named_directly(marking["entries"])  # RED never travels through a partnership
        if self.named(marking["entries"]):
            return True
        for kind, value in marking["entries"]:
            if kind == "party" and value in self.report.partnerships:
                if any(self.is_actor(member) for member in self.report.members_on_date(value)):
                    return True
        return False


def decide(report, audience):
    released = set()
    for oid, (_, obj) in report.objects.items():
        if audience.releases(report.marking_of(obj)):
            released.add(oid)
    items = set(released)

    def link_released(source_id, link):
        ref = link if isinstance(link, str) else link["ref"]
        if source_id not in released or ref not in released:
            return None
        own = None if isinstance(link, str) else normalise_marking(link.get("marking"))
        if own is not None and not audience.releases(own):
            return None
        return f"{source_id} → {ref}"

    for oid, (_, obj) in report.objects.items():
        for key in LINK_KEYS:
            for link in obj.get(key, []):
                item = link_released(oid, link)
                if item:
                    items.add(item)
    visible_memberships = set()
    for pid, partnership in report.partnerships.items():
        for membership in report.memberships(partnership):
            member = membership["member"]
            own = normalise_marking(membership.get("marking"))
            if pid in released and member in released and (own is None or audience.releases(own)):
                items.add(f"{pid} ∋ {member}")
                visible_memberships.add((pid, member))

    cited = {}
    for _, obj in report.objects.values():
        for source in obj.get("sources", []):
            cited.setdefault(source, []).append(obj["id"])
    for source in report.data.get("sources", []):
        sid = source["id"]
        if sid in cited:
            if any(oid in released for oid in cited[sid]):
                items.add(f"source:{sid}")
        elif audience.releases(report.default):
            items.add(f"source:{sid}")

    narrative = normalise_marking(report.data.get("marking")) or report.default
    if audience.releases(narrative):
        items.add("narrative")

    def member_countries(pid, seen):
        """Country codes of the members R receives, through memberships R may see (never RED)."""
        if pid in seen:
            return []
        seen.add(pid)
        codes = []
        for membership in report.memberships(report.partnerships[pid]):
            member = membership["member"]
            if report.is_red_membership(membership) or not report.is_certain(membership):
                continue
            own = normalise_marking(membership.get("marking"))
            if own is not None and not audience.releases(own):
                continue
            if member in report.partnerships:
                # Nested partnerships expand recursively, whether or not R receives them.
                codes += member_countries(member, seen)
            elif member in released:
                actor = report.actors.get(member)
                # Only a state stands for its country; an organisation or a person is not the country.
                if actor and actor.get("kind") == "state" and actor.get("country"):
                    codes.append(alpha3(actor["country"]))
        return codes

    labels = {}
    for oid in released:
        marking = report.marking_of(report.objects[oid][1])
        entries = set()
        for kind, value in marking["entries"]:
            if kind == "country" or value in released:
                entries.add(value)
            elif value in report.partnerships:
                entries |= set(member_countries(value, set()))
        labels[oid] = {"tlp": marking["tlp"], "releasable_to": sorted(entries)}
    return {"released": sorted(items), "labels": labels}


# README, "Markings exportctl does not understand": the TLP 1.0 and 2.0 definitions by their published ids.
TLP_IDS = {
    "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "clear",  # TLP 1.0 WHITE
    "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "green",
    "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "amber",
    "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "red",
    "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487": "clear",  # TLP 2.0
    "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb": "green",
    "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421": "amber",
    "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003": "amber+strict",
    "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1": "red",
}
TLP_ORDER = ["clear", "green", "amber", "amber+strict", "red"]
ACS_EXTENSION = "extension-definition--3a65884d-005a-4290-8335-cb2d778a83ce"
# Properties an object cannot lose to a granular marking (README names name, pattern, source_ref).
ESSENTIAL = {"id", "type", "spec_version", "created", "modified", "name", "pattern", "pattern_type", "valid_from",
             "source_ref", "target_ref", "relationship_type", "object_refs", "content", "is_family"}


def imported_marking(refs, definitions, default):
    """The one marking several definitions make (highest TLP, entries common to every list), or None when any
    of them is not understood (a statement, another type, a missing definition, ACS beyond nationality)."""
    if not refs:
        return default
    tlps, lists = [], []
    for ref in refs:
        if ref in TLP_IDS:
            tlps.append(TLP_IDS[ref])
            continue
        definition = definitions.get(ref)
        if definition is None:
            return None
        extensions = definition.get("extensions", {})
        acs = extensions.get(ACS_EXTENSION)
        if acs is None or set(extensions) != {ACS_EXTENSION} or "definition_type" in definition:
            return None
        controls = acs.get("control_set", {})
        if set(controls) - {"classification", "permitted_nationalities"} or controls.get("classification") != "U":
            return None
        lists.append([("country", alpha3(code)) for code in controls.get("permitted_nationalities", [])])
    if not tlps:
        return None
    entries = lists[0] if lists else []
    for other in lists[1:]:
        entries = [entry for entry in entries if entry in other]
    tlp = max(tlps, key=TLP_ORDER.index)
    if lists:
        # README: a list always restricts (with TLP:CLEAR the list decides, as for GREEN); lists with nothing
        # in common release to nobody.
        if not entries:
            return {"tlp": "red", "entries": []}
        tlp = max([tlp, "green"], key=TLP_ORDER.index)
    return {"tlp": tlp, "entries": entries}


def references(value):
    """Every id under a *_ref or *_refs property, at any depth (markings are not references here)."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("object_marking_refs", "marking_ref", "granular_markings"):
                continue
            if key.endswith("_ref") and isinstance(inner, str):
                found.append(inner)
            elif key.endswith("_refs") and isinstance(inner, list):
                found += [ref for ref in inner if isinstance(ref, str)]
            else:
                found += references(inner)
    elif isinstance(value, list):
        for inner in value:
            found += references(inner)
    return found


def decide_imported(report, audience, answer, imported):
    """README's "Imported content": each object by its own markings and only with everything it refers to."""
    released_model = {stix_id for stix_id, local in imported["model_ids"].items() if local in answer["released"]}
    definitions = {o["id"]: o for o in imported["objects"] if o["type"] == "marking-definition"}
    content = {o["id"]: o for o in imported["objects"] if o["type"] != "marking-definition"}
    decided = {}

    def releases(obj):
        return audience.releases(imported_marking(obj.get("object_marking_refs", []), definitions, report.default))

    def released(stix_id, stack=()):
        if stix_id in released_model:
            return True
        if stix_id not in content or stix_id in stack:
            return False
        if stix_id not in decided:
            obj = content[stix_id]
            ok = releases(obj) and all(released(ref, stack + (stix_id,)) for ref in references(obj))
            for granular in obj.get("granular_markings", []):
                marking = imported_marking([granular["marking_ref"]], definitions, None)
                if not audience.releases(marking) and set(granular["selectors"]) & ESSENTIAL:
                    ok = False
            decided[stix_id] = ok
        return decided[stix_id]

    withheld_properties = {}
    for stix_id, obj in content.items():
        if not released(stix_id):
            continue
        for granular in obj.get("granular_markings", []):
            marking = imported_marking([granular["marking_ref"]], definitions, None)
            if not audience.releases(marking):
                withheld_properties.setdefault(stix_id, []).extend(granular["selectors"])
    return {"released": sorted(i for i in content if released(i)), "withheld_properties": withheld_properties}


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    answers = []
    for case in cases:
        report = Report(case["report"])
        try:
            audience = Audience(report, case["recipient"])
        except ValueError as error:
            answers.append({"error": str(error)})
            continue
        answer = decide(report, audience)
        if "imported" in case:
            answer["imported"] = decide_imported(report, audience, answer, case["imported"])
        answers.append(answer)
    json.dump(answers, sys.stdout, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
