"""The PyMISP oracle for `exportctl validate` on MISP files: what PyMISP itself refuses.

Usage: misp_validate.py FILE...
Each FILE is an event ({"Event": {...}} or bare) or a {"response": [...]} list. Every event is loaded with
MISPEvent().load (PyMISP's own checks: info, distribution, threat level, analysis, date, timestamps, attribute
type and value, EventReport and cluster sharing groups, object names), and every attribute, of the event and of
its objects, is loaded again with MISPAttribute(strict=True), which refuses a category that does not allow the
type (PyMISP's default mode replaces such a category silently).
Prints one JSON line per FILE: {"file", "valid", "error"}.
"""
import copy
import json
import sys

from pymisp import MISPAttribute, MISPEvent


def events_of(document):
    if isinstance(document, dict) and "response" in document:
        return [item["Event"] if "Event" in item else item for item in document["response"]]
    if isinstance(document, dict) and "Event" in document:
        return [document["Event"]]
    return [document]


for path in sys.argv[1:]:
    verdict = {"file": path, "valid": True, "error": None}
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
        for event in events_of(document):
            MISPEvent().load(copy.deepcopy(event))
            attributes = list(event.get("Attribute") or [])
            for misp_object in event.get("Object") or []:
                attributes += misp_object.get("Attribute") or []
            for attribute in attributes:
                MISPAttribute(strict=True).from_dict(**copy.deepcopy(attribute))
    except Exception as error:  # PyMISP raises many kinds; each is a refusal
        verdict = {"file": path, "valid": False, "error": f"{type(error).__name__}: {error}"}
    print(json.dumps(verdict))
