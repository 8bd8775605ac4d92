"""Helpers of Benchmarks/taxii_load.sh (the TAXII load test); standard library only.

  release-all IN OUT          every marking of an authoring report becomes TLP:CLEAR, so that a partner's view
                              (and so its collection) is the whole corpus
  cursors URL AUTH OUT        walks a collection's `next` chain with limit=100 over one kept-alive connection,
                              checks that every object comes exactly once, writes one request path a line
  medallion-data BUNDLE N OUT medallion's memory-backend file: one collection of the bundle's first N objects
  first-page URL AUTH         seconds for the first page (limit=100) of a collection, or the error
  wrk-summary FILE            wrk --latency output as one JSON line (requests/s, p50/p90/p99 ms, errors)
"""
import base64
import http.client
import json
import re
import sys
import time
import urllib.parse


def release_all(source, target):
    with open(source) as f:
        report = json.load(f)

    def clear(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("marking", "default_marking"):
                    node[key] = {"tlp": "clear"}
                else:
                    clear(value)
        elif isinstance(node, list):
            for value in node:
                clear(value)

    clear(report)
    with open(target, "w") as f:
        json.dump(report, f)


def connection(url):
    parts = urllib.parse.urlsplit(url)
    return parts, http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)


def get(conn, path, auth):
    conn.request("GET", path, headers={"Authorization": auth, "Accept": "application/taxii+json;version=2.1"})
    reply = conn.getresponse()
    body = reply.read()
    if reply.status != 200:
        raise SystemExit(f"GET {path}: {reply.status} {body[:300]!r}")
    return json.loads(body)


def cursors(url, auth, target):
    """URL: the collection's objects/ URL."""
    parts, conn = connection(url)
    base = parts.path + "?limit=100"
    paths, seen, pages = [base], set(), 0
    page = get(conn, base, auth)
    while True:
        pages += 1
        for obj in page.get("objects", []):
            if obj["id"] in seen:
                raise SystemExit(f"object {obj['id']} came twice")
            seen.add(obj["id"])
        if not page.get("more"):
            break
        path = base + "&next=" + urllib.parse.quote(page["next"])
        paths.append(path)
        page = get(conn, path, auth)
    with open(target, "w") as f:
        f.write("\n".join(paths) + "\n")
    print(json.dumps({"objects": len(seen), "pages": pages}))


def medallion_data(bundle, count, target):
    with open(bundle) as f:
        objects = json.load(f)["objects"][:count]
    start = 1_700_000_000
    manifest = []
    for position, obj in enumerate(objects):
        added = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(start + position)) + ".000000Z"
        version = obj.get("modified", obj.get("created", added))
        manifest.append({"id": obj["id"], "date_added": added, "version": version,
                         "media_type": "application/stix+json;version=2.1"})
    data = {
        "/discovery": {"title": "medallion", "default": "http://127.0.0.1/bench/", "api_roots": ["http://127.0.0.1/bench/"]},
        "bench": {
            "information": {"title": "bench", "versions": ["application/taxii+json;version=2.1"], "max_content_length": 10485760},
            "status": [],
            "collections": [{
                "id": "91a7b528-80eb-42ed-a74d-c6fbd5a26116", "title": "bench", "can_read": True, "can_write": False,
                "media_types": ["application/stix+json;version=2.1"], "objects": objects, "manifest": manifest,
            }],
        },
    }
    with open(target, "w") as f:
        json.dump(data, f)


def first_page(url, auth):
    parts, conn = connection(url)
    started = time.monotonic()
    try:
        page = get(conn, parts.path + "?limit=100", auth)
        print(json.dumps({"seconds": round(time.monotonic() - started, 3), "objects": len(page.get("objects", []))}))
    except Exception as error:  # the anchor's failures are results, not crashes of the benchmark
        print(json.dumps({"seconds": round(time.monotonic() - started, 3), "error": str(error)[:200]}))


def milliseconds(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk_summary(path):
    text = open(path).read()
    summary = {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
               "requests": int(re.search(r"(\d+) requests in", text).group(1))}
    for percent in ("50", "90", "99"):
        match = re.search(rf"^\s+{percent}%\s+(\S+)", text, re.M)
        summary[f"p{percent}_ms"] = round(milliseconds(match.group(1)), 3) if match else None
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    summary["socket_errors"] = sum(map(int, errors.groups())) if errors else 0
    summary["non_2xx"] = int(non2xx.group(1)) if non2xx else 0
    print(json.dumps(summary))


if __name__ == "__main__":
    command, arguments = sys.argv[1], sys.argv[2:]
    if command == "release-all":
        release_all(*arguments)
    elif command == "cursors":
        cursors(*arguments)
    elif command == "medallion-data":
        medallion_data(arguments[0], int(arguments[1]), arguments[2])
    elif command == "first-page":
        first_page(*arguments)
    elif command == "wrk-summary":
        wrk_summary(*arguments)
    else:
        raise SystemExit(__doc__)
