"""What both STIX 1.2 anchors derive from the corpus the same way exportctl does: the producer's QName prefix,
UUIDv5 ids over `producer | type | local id` (the anchors' own namespace), and the id of every object a reference can name."""
import uuid

NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")


def id_prefix(producer):
    return "".join(c if c.isalnum() or c == "-" else "-" for c in producer)


def id_maker(producer, prefix):
    def sid(kind, local):
        return f"{prefix}:{kind}-{uuid.uuid5(NAMESPACE, producer + '|' + kind + '|' + local)}"
    return sid


def ref(link):
    return link if isinstance(link, str) else link["ref"]


def object_ids(corpus, sid):
    ids = {}
    for actor in corpus.get("actors", []):
        ids[actor["id"]] = sid("threat-actor" if actor["kind"] == "threat-actor" else "identity", actor["id"])
    for key, kind in (("intrusion_sets", "intrusion-set"), ("campaigns", "campaign"), ("partnerships", "identity"),
                      ("incidents", "incident")):
        for item in corpus.get(key, []):
            ids[item["id"]] = sid(kind, item["id"])
    return ids
