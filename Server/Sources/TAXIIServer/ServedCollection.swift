import Crypto
public import Export

/// One report as one partner may read it: exactly the objects of its releasable view, oldest `date_added` first.
public struct ServedCollection: Sendable {
    /// The collection id: the UUID of the report's STIX id, the same for every partner.
    public let id: String
    /// The report's title as the partner's view has it (a neutral title when the narrative is withheld).
    public let title: String
    /// The objects, in ascending `date_added` (which is unique within the collection).
    public let objects: [ServedObject]
    /// Positions in ``objects`` by STIX id.
    let positions: [String: [Int]]
    /// Positions in ``objects`` by STIX type, so that `match[type]` of a rare type costs a lookup, not a scan.
    let typePositions: [String: [Int]]

    /// Builds the collection from a partner's view of a report.
    /// - Parameters:
    ///   - id: The collection id.
    ///   - view: What the sharing policy released to the partner.
    ///   - start: The `date_added` of the first object; each next object is one millisecond later.
    public init(id: String, view: ReleasedReport, start: TAXIITimestamp) {
        self.id = id
        title = view.report.title
        var objects: [ServedObject] = []
        var positions: [String: [Int]] = [:]
        var typePositions: [String: [Int]] = [:]
        var stream = STIXObjectStream(view)
        while let record = stream.next() {
            positions[record.id, default: []].append(objects.count)
            typePositions[record.type, default: []].append(objects.count)
            let added = TAXIITimestamp(microseconds: start.microseconds + Int64(objects.count) * 1000)
            objects.append(
                ServedObject(id: record.id, type: record.type, version: record.modified, dateAdded: added, bytes: record.bytes))
        }
        // A view whose report object did not go out released nothing (the report lists every other object).
        self.objects = stream.wroteReport ? objects : []
        self.positions = stream.wroteReport ? positions : [:]
        self.typePositions = stream.wroteReport ? typePositions : [:]
    }

    /// The collection id of a report (the UUID of its STIX `report` object in the full view, else of its bundle)
    /// and a SHA-256 digest of every object of the full view, from one pass over it.
    public static func identify(_ report: ThreatReport) -> (id: String, digest: String, objectCount: Int) {
        var stream = STIXObjectStream(ReleasedReport(everythingIn: report))
        var hash = SHA256()
        var count = 0
        var id: String?
        while let record = stream.next() {
            if id == nil, stream.wroteReport, record.type == "report" { id = uuid(of: record.id) }
            hash.update(data: record.bytes)
            count += 1
        }
        let digest = hash.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return (id ?? uuid(of: stream.bundleID), digest, count)
    }

    private static func uuid(of stixID: String) -> String {
        String(stixID.split(separator: "--", maxSplits: 1).last ?? Substring(stixID))
    }
}
