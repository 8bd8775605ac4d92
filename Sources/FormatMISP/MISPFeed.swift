import Crypto
import ExportCore
import ExportSharing

/// A static MISP feed: one `<uuid>.json` per event, `manifest.json` and `hashes.csv`, as PyMISP's
/// `feed_meta_generator` lays them out, so a partner's MISP can pull it.
enum MISPFeed {
    /// Writes the feed into a new folder that replaces `directory` whole once every file is written (see
    /// ``AtomicFolder``): a puller sees the previous feed or the complete new one, and no event file of an
    /// earlier export stays reachable when the new manifest no longer lists it (it may have been withheld since).
    ///
    /// The folder's parents are created when missing. An existing folder is replaced only when it holds nothing
    /// but a feed's files (`*.json`, `hashes.csv`).
    /// - Throws: ``ExportError`` `.io` when the folder cannot be replaced or a file cannot be written.
    static func write(_ events: [JSONValue], to directory: String) throws {
        let target = try AtomicFolder(path: directory) { $0.hasSuffix(".json") || $0 == "hashes.csv" }
        let folder = target.stagingPath + "/"
        var manifest: [String: JSONValue] = [:]
        var hashes: [String] = []
        // An event's uuid may be an incident's id, which input chooses: its file name is made safe and unique.
        var names = UniqueFileNames()
        _ = names.name(for: "hashes", extension: "csv")
        _ = names.name(for: "manifest", extension: "json")
        for document in events {
            guard case .object(let event)? = document["Event"], let uuid = event["uuid"]?.stringValue else { continue }
            try writeFile(SafeFileName.path(in: folder, name: names.name(for: uuid, extension: "json")), CanonicalJSON.bytes(document))
            manifest[uuid] = manifestEntry(event)
            hashes += attributeValues(event).map { md5($0) + "," + uuid }
        }
        try writeFile(folder + "hashes.csv", Array(hashes.map { $0 + "\n" }.joined().utf8))
        try writeFile(folder + "manifest.json", CanonicalJSON.bytes(.object(manifest)))
        try target.commit()
    }

    /// What PyMISP's `MISPEvent.manifest` gives for the event: the numbers as integers, tags without `exportable`.
    static func manifestEntry(_ event: [String: JSONValue]) -> JSONValue {
        let tags = (event["Tag"]?.arrayValue ?? []).map { tag -> JSONValue in
            .object(
                ["name", "colour", "local", "relationship_type"].reduce(into: [:]) { fields, key in
                    fields[key] = tag[key]
                })
        }
        return .object([
            "Orgc": event["Orgc"] ?? .null, "Tag": .array(tags), "info": event["info"] ?? .null,
            "date": event["date"] ?? .null, "analysis": integer(event["analysis"]),
            "threat_level_id": integer(event["threat_level_id"]), "timestamp": integer(event["timestamp"]),
        ])
    }

    private static func integer(_ value: JSONValue?) -> JSONValue {
        value?.stringValue.flatMap(Int.init).map(JSONValue.int) ?? .null
    }

    /// The event's attribute values, then each object's, in the order `attributes_hashes` reads them.
    private static func attributeValues(_ event: [String: JSONValue]) -> [String] {
        let own = (event["Attribute"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
        let inObjects = (event["Object"]?.arrayValue ?? []).flatMap { object in
            (object["Attribute"]?.arrayValue ?? []).compactMap { $0["value"]?.stringValue }
        }
        return own + inObjects
    }

    private static func md5(_ text: String) -> String {
        Insecure.MD5.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let file = try AtomicFile(path: path)
        try file.sink.write(bytes)
        try file.commit()
    }
}
