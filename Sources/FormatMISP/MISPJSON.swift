import ExportCore

/// Small builders for the JSON shapes MISP writes: string enums and timestamps, organisations, tags.
enum MISPJSON {
    /// The threat-actor galaxy of misp-galaxy.
    static let threatActorGalaxy: [String: JSONValue] = [
        "uuid": "698774c7-8022-42c4-917f-8d6e4f06ada3",
        "name": "Threat Actor",
        "type": "threat-actor",
        "description": "Threat actors are characteristics of malicious actors.",
        "namespace": "misp",
        "icon": "user-secret",
        "version": "3",
    ]

    /// An `Org`/`Orgc`/`Organisation` block.
    static func organisation(_ org: MISPSharingGroup.Organisation) -> JSONValue {
        .object(["name": .string(org.name), "uuid": .string(org.uuid)])
    }

    /// A global, exportable tag with the fields PyMISP's feed output lists.
    static func tag(_ name: String, colour: String = "#0088cc") -> JSONValue {
        .object([
            "name": .string(name), "colour": .string(colour), "exportable": .bool(true), "local": .bool(false),
            "relationship_type": "",
        ])
    }

    /// The `tlp:` tag of the TLP taxonomy, with the taxonomy's colours.
    static func tlpTag(_ tlp: TLP) -> JSONValue {
        let colour =
            switch tlp {
            case .clear: "#ffffff"
            case .green: "#339900"
            case .amber, .amberStrict: "#ffc000"
            case .red: "#cc0033"
            }
        return tag("tlp:" + tlp.rawValue, colour: colour)
    }

    /// The tag that attaches a threat-actor galaxy cluster.
    static func threatActorTagName(_ name: String) -> String { MISPGalaxy.threatActor.tagName(name) }

    /// An attribute, inside an object (`relation` set) or on the event.
    static func attribute(
        uuid: String, relation: String?, type: String, category: String, value: String, timestamp: String,
        distribution: [String: JSONValue], tags: [JSONValue] = [], comment: String = "", toIDs: Bool = false
    ) -> JSONValue {
        var fields: [String: JSONValue] = [
            "uuid": .string(uuid), "type": .string(type), "category": .string(category), "value": .string(value),
            "to_ids": .bool(toIDs), "disable_correlation": .bool(false), "deleted": .bool(false),
            "timestamp": .string(timestamp), "comment": .string(comment),
        ]
        if let relation { fields["object_relation"] = .string(relation) }
        if !tags.isEmpty { fields["Tag"] = .array(tags) }
        fields.merge(distribution) { _, new in new }
        return .object(fields)
    }

    /// Unix seconds at the start (00:00 UTC) of a day, as MISP writes timestamps.
    static func timestamp(_ day: PartialDate) -> String {
        let start = day.start
        return String(daysFromCivil(year: start.year, month: start.month ?? 1, day: start.day ?? 1) * 86_400)
    }

    /// `YYYY-MM-DD` of a day's start.
    static func date(_ day: PartialDate) -> String { day.start.description }

    /// A `datetime` attribute value as PyMISP writes it back (`str(datetime)`), so that feed hashes agree:
    /// `2019-01-01T00:00:00.000Z` → `2019-01-01 00:00:00+00:00`, `…23:59:59.999Z` → `… 23:59:59.999000+00:00`.
    static func datetime(_ stixTimestamp: String) -> String {
        let day = stixTimestamp.prefix(10), time = stixTimestamp.dropFirst(11).prefix(8)
        let milliseconds = stixTimestamp.dropFirst(20).prefix(3)
        return "\(day) \(time)" + (milliseconds == "000" ? "" : ".\(milliseconds)000") + "+00:00"
    }

    /// A STIX timestamp as MISP writes an object's `first_seen` / `last_seen` (microseconds, UTC offset):
    /// `2023-01-10T00:00:00.000Z` → `2023-01-10T00:00:00.000000+00:00`.
    static func isoDatetime(_ stixTimestamp: String) -> String {
        stixTimestamp.prefix(23) + "000+00:00"
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm), so no calendar or time zone is involved.
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
