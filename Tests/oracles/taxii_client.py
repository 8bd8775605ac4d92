"""Drives exportctl's TAXII 2.1 server with taxii2-client (the OASIS client, pinned in requirements.txt) the way
a partner would, and reports what it saw as JSON, for Server/Tests/TAXIIServerTests to check.

Usage: taxii_client.py URL USER PASSWORD [--bundle FILE] [--withheld ID] [--per-request N] [--over-limit N]
                       [--submit FILE]
  URL          the discovery URL, http://127.0.0.1:PORT/taxii2/
  --bundle     a STIX bundle (`exportctl export --for R`); its object ids are reported as expected_ids
  --withheld   an object id the partner may not see; reported: the HTTP status of get_object on it
  --per-request  the page size for as_pages (default 3)
  --over-limit   a limit above the server's maximum page size; reported: how many objects came back and `more`
  --submit     a TAXII envelope to add to the writable collection (the inbox) twice; reported: submissions [{status,
               total_count, success_count, failure_count, pending_count}] for both adds and for get_status of the first
Prints one JSON object: title, api_roots, collections [{id, title, can_read, can_write}], pages [[ids] per page of
as_pages], manifest_pages [[ids] per page, following next by hand], expected_ids, withheld_status,
wrong_password_status, no_credentials_status, over_limit {count, more, has_next}, type_filter (ids of
match[type]=<first object's type>), versions (of the first object), object (ids of get_object on it),
objects_differing_from_export (ids of pulled objects not equal to the bundle's), edge_cases {name: {status,
content_type, json}} for Accept variants and malformed parameters.
"""
import argparse
import json

import requests
from taxii2client.v21 import Server, as_pages
from taxii2client.exceptions import TAXIIServiceException


def status_of(call):
    try:
        call()
        return 200
    except requests.exceptions.HTTPError as error:
        return error.response.status_code
    except TAXIIServiceException as error:  # taxii2-client wraps some HTTP errors
        return str(error)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("user")
    parser.add_argument("password")
    parser.add_argument("--bundle")
    parser.add_argument("--withheld")
    parser.add_argument("--per-request", type=int, default=3)
    parser.add_argument("--over-limit", type=int)
    parser.add_argument("--submit")
    args = parser.parse_args()

    out = {}
    server = Server(args.url, user=args.user, password=args.password)
    out["title"] = server.title
    out["api_roots"] = [root.url for root in server.api_roots]
    root = server.default
    collections = [c for c in root.collections if c.can_read]
    out["collections"] = [
        {"id": c.id, "title": c.title, "can_read": c.can_read, "can_write": c.can_write} for c in root.collections
    ]
    if args.submit:
        with open(args.submit, encoding="utf-8") as handle:
            envelope = handle.read()
        inbox = next(c for c in root.collections if c.can_write)

        def summary(status):
            return {"status": status.status, "total_count": status.total_count, "success_count": status.success_count,
                    "failure_count": status.failure_count, "pending_count": status.pending_count}

        first = inbox.add_objects(envelope)
        again = inbox.add_objects(envelope)
        out["submissions"] = [summary(first), summary(again), summary(root.get_status(first.id))]
    if collections:
        collection = collections[0]
        out["pages"] = [
            [o["id"] for o in page.get("objects", [])]
            for page in as_pages(collection.get_objects, per_request=args.per_request)
        ]
        # The manifest, following `next` by hand with a different page size.
        manifest_pages, token = [], None
        for _ in range(10000):
            filters = {"limit": args.per_request + 2}
            if token:
                filters["next"] = token
            page = collection.get_manifest(**filters)
            manifest_pages.append([o["id"] for o in page.get("objects", [])])
            token = page.get("next")
            if not page.get("more"):
                break
        out["manifest_pages"] = manifest_pages
        first = collection.get_objects(limit=1)["objects"][0]
        out["type_filter"] = [o["id"] for o in collection.get_objects(type=first["type"]).get("objects", [])]
        out["versions"] = collection.object_versions(first["id"]).get("versions", [])
        out["object"] = [o["id"] for o in collection.get_object(first["id"]).get("objects", [])]
        # Every object pulled, whole, against the export's object of the same id (equal as JSON values).
        if args.bundle:
            with open(args.bundle, encoding="utf-8") as handle:
                exported = {o["id"]: o for o in json.load(handle)["objects"]}
            pulled = [o for page in as_pages(collection.get_objects, per_request=50) for o in page.get("objects", [])]
            out["objects_differing_from_export"] = [o["id"] for o in pulled if exported.get(o["id"]) != o]
        # Protocol edge cases medallion gets wrong (C.7 of the research notes), with plain requests.
        objects_url = collection.url + "objects/"
        auth = (args.user, args.password)

        def probe(accept, query=""):
            response = requests.get(objects_url + query, headers={"Accept": accept}, auth=auth, timeout=30)
            return {"status": response.status_code, "content_type": response.headers.get("Content-Type"),
                    "json": response.headers.get("Content-Type", "").startswith("application/taxii+json")
                    and isinstance(response.json(), dict)}

        out["edge_cases"] = {
            "accept_without_version": probe("application/taxii+json"),
            "accept_any": probe("*/*"),
            "accept_browser": probe("application/json, text/plain, */*"),
            "accept_html": probe("text/html"),
            "date_only_added_after": probe("application/taxii+json;version=2.1", "?added_after=2023-11-15"),
            "malformed_added_after": probe("application/taxii+json;version=2.1", "?added_after=yesterday"),
            "limit_zero": probe("application/taxii+json;version=2.1", "?limit=0"),
        }
        if args.withheld:
            out["withheld_status"] = status_of(lambda: collection.get_object(args.withheld))
        if args.over_limit:
            page = collection.get_objects(limit=args.over_limit)
            out["over_limit"] = {
                "count": len(page.get("objects", [])), "more": page.get("more", False), "has_next": "next" in page,
            }
    out["wrong_password_status"] = status_of(
        lambda: Server(args.url, user=args.user, password=args.password + "x").refresh())
    out["no_credentials_status"] = requests.get(
        args.url, headers={"Accept": "application/taxii+json;version=2.1"}, timeout=30).status_code
    if args.bundle:
        with open(args.bundle, encoding="utf-8") as handle:
            out["expected_ids"] = [o["id"] for o in json.load(handle)["objects"]]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
