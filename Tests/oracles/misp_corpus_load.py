"""Reads published MISP documents with PyMISP: the oracle saying a corpus file is real MISP.

Usage: misp_corpus_load.py PATH...
A PATH is an event file ({"Event": {...}}, a bare event, or {"response": [{"Event": ...}, ...]}) or a static feed
folder (manifest.json plus one <uuid>.json per event it lists). Every event is loaded with MISPEvent().load.
Prints one JSON line per PATH: {"file", "events", "attributes", "objects", "error"}; exits 1 when any PATH fails.
Unlike misp_check.py (which holds exportctl's own output to every PyMISP rule), this only asks whether PyMISP
reads the document: published events carry warnings of their own.
"""
import json
import pathlib
import sys

from pymisp import MISPEvent


def events_of(document):
    if isinstance(document, dict) and "response" in document:
        items = document["response"]
        if not isinstance(items, list):
            raise ValueError("'response' is not a list of events")
        return [item["Event"] if "Event" in item else item for item in items]
    if isinstance(document, dict) and "Event" in document:
        return [document["Event"]]
    if isinstance(document, dict) and "info" in document:
        return [document]
    raise ValueError("neither an event, a bare event nor a {'response': [...]} list")


def documents(path):
    if path.is_dir():
        manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        return [json.loads((path / f"{uuid}.json").read_text(encoding="utf-8")) for uuid in sorted(manifest)]
    return [json.loads(path.read_text(encoding="utf-8"))]


failed = False
for argument in sys.argv[1:]:
    summary = {"file": argument, "events": 0, "attributes": 0, "objects": 0, "error": None}
    try:
        for document in documents(pathlib.Path(argument)):
            for event in events_of(document):
                loaded = MISPEvent()
                loaded.load(event)
                if not loaded.info or not loaded.uuid:
                    raise ValueError("an event without info or uuid")
                summary["events"] += 1
                summary["attributes"] += len(loaded.attributes)
                summary["objects"] += len(loaded.objects)
    except Exception as error:  # PyMISP raises many kinds; each means "not readable MISP"
        summary["error"] = f"{type(error).__name__}: {error}"
        failed = True
    print(json.dumps(summary))
sys.exit(1 if failed else 0)
