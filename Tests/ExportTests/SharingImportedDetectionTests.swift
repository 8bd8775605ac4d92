import Export
import ExportTestSupport
import Testing

/// Indicators and observables another producer sent, decided as model objects: a withheld indicator's pattern
/// and a withheld observable's value reach no format, and released ones do reach STIX 2.1.
struct SharingImportedDetectionTests {
    typealias S = SharingImportedContentTests

    static let redIndicator = "indicator--4c7f8a5e-0000-4000-8000-00000000000a"
    static let redDomain = "domain-name--4c7f8a5e-0000-4000-8000-00000000000b"
    static let clearIndicator = "indicator--4c7f8a5e-0000-4000-8000-00000000000c"
    static let clearAddress = "ipv4-addr--4c7f8a5e-0000-4000-8000-00000000000d"

    static func report() throws -> ThreatReport {
        let red: JSONValue = .array([.string(S.tlpRed)]), clear: JSONValue = .array([.string(S.tlpClear)])
        func relationship(_ number: Int, _ type: String, _ source: String, _ target: String) -> JSONValue {
            S.object("relationship", "relationship--4c7f8a5e-0000-4000-8000-0000000001\(number)0", [
                "relationship_type": .string(type), "source_ref": .string(source), "target_ref": .string(target),
                "object_marking_refs": clear])
        }
        var domain = S.object("domain-name", redDomain, ["value": "redtokvalue.example", "object_marking_refs": red]).objectValue ?? [:]
        var address = S.object("ipv4-addr", clearAddress, ["value": "198.51.100.9", "object_marking_refs": clear]).objectValue ?? [:]
        for key in ["created", "modified"] {
            domain[key] = nil
            address[key] = nil
        }
        return try S.sampleWith([
            .object(domain), .object(address),
            S.object("indicator", redIndicator, [
                "name": "REDTOKNAME", "pattern": "[domain-name:value = 'redtokpattern.example']", "pattern_type": "stix",
                "valid_from": "2023-11-01T00:00:00Z", "object_marking_refs": red]),
            S.object("indicator", clearIndicator, [
                "name": "Clear address", "pattern": "[ipv4-addr:value = '198.51.100.9']", "pattern_type": "stix",
                "valid_from": "2023-11-01T00:00:00Z", "object_marking_refs": clear]),
            relationship(1, "based-on", redIndicator, redDomain),
            relationship(2, "based-on", clearIndicator, clearAddress),
            relationship(3, "indicates", redIndicator, S.sampleID("threat-actor", "china-intelligence-apparatus")),
        ])
    }

    @Test func withheldPatternsAndValuesReachNoFormat() throws {
        let report = try Self.report()
        #expect(report.indicators.count == 2 && report.observables.count == 2, "they are model objects")
        #expect(!report.verbatimObjects.contains { ["indicator", "domain-name", "ipv4-addr"].contains($0["type"]?.stringValue ?? "") })
        let outputs = try S.outputs(report, for: "VNM")
        S.expectAbsent(["redtok", "REDTOK", Self.redIndicator, Self.redDomain], in: outputs, "RED imported indicator for VNM")
        let stix = try #require(outputs["stix21"])
        #expect(stix.contains(Self.clearIndicator) && stix.contains(Self.clearAddress), "the CLEAR ones go, under their ids")
        #expect(stix.contains("relationship--4c7f8a5e-0000-4000-8000-000000000120"), "and so does their based-on")
        let plan = SharingPolicy().plan(report, for: try Recipient.resolve("VNM", in: report))
        let withheld = Set(plan.withheld.map(\.id))
        #expect(withheld.isSuperset(of: [Self.redIndicator, Self.redDomain]))
        #expect(withheld.contains("relationship--4c7f8a5e-0000-4000-8000-000000000130"), "the indicates of a RED indicator")
    }
}
