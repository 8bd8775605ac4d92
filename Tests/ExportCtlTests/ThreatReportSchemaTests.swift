import Export
import ExportTestSupport
import Foundation
import Testing

/// `Schemas/threat-report.xsd` against xmllint: one mutation per key, keyref, enumeration and pattern (of a document
/// holding every kind of object, indicators and observables included), each rejected by both at the same line, and
/// the same verdict from both on every document without a DOCTYPE.
struct ThreatReportSchemaTests {
    struct Mutation: CustomTestStringConvertible, Sendable {
        /// The XSD constraint it breaks: a key/keyref name or a simple type name.
        var constraint: String
        var find: String
        var replace: String
        var testDescription: String { constraint }
    }

    static let mutations: [Mutation] = [
        Mutation(constraint: "objectID", find: "<campaign id=\"op-y\">", replace: "<campaign id=\"apt-x\">"),
        Mutation(constraint: "sourceID", find: "<source id=\"expert\">", replace: "<source id=\"article\">"),
        Mutation(constraint: "linkTarget", find: "<attributedTo ref=\"apt-x\"/>", replace: "<attributedTo ref=\"ghost\"/>"),
        Mutation(constraint: "memberTarget", find: "<member ref=\"japan\"/>", replace: "<member ref=\"ghost\"/>"),
        Mutation(constraint: "sourceTarget", find: "<sourceRef ref=\"expert\"/>", replace: "<sourceRef ref=\"ghost\"/>"),
        Mutation(constraint: "partyTarget", find: "<party>quad</party>", replace: "<party>ghost</party>"),
        Mutation(constraint: "TLP", find: "<marking tlp=\"clear\"/>", replace: "<marking tlp=\"orange\"/>"),
        Mutation(constraint: "ActorKind", find: "kind=\"organization\"", replace: "kind=\"company\""),
        Mutation(constraint: "LocalID", find: "<actor id=\"analyst\"", replace: "<actor id=\"an alyst\""),
        Mutation(constraint: "CountryCode", find: "country=\"JPN\"", replace: "country=\"JP\""),
        Mutation(constraint: "PartialDate", find: "published=\"2023-11-15\"", replace: "published=\"2023-13\""),
        Mutation(constraint: "DateSpan", find: "when=\"2022-10/2022-12\"", replace: "when=\"2022-10/2022-13\""),
        Mutation(constraint: "SHA256", find: "<sha256>abab", replace: "<sha256>ABAB"),
        Mutation(constraint: "UUID", find: "mispOrganisationUUID=\"5f6e7d8c", replace: "mispOrganisationUUID=\"5F6E7D8C"),
        Mutation(constraint: "FormatVersion", find: "formatVersion=\"1.0\"", replace: "formatVersion=\"1\""),
        Mutation(constraint: "Confidence", find: "confidence=\"100\"", replace: "confidence=\"101\""),
        Mutation(constraint: "Latitude", find: "latitude=\"27.716\"", replace: "latitude=\"97.5\""),
        Mutation(constraint: "Longitude", find: "longitude=\"-0.000919\"", replace: "longitude=\"-180.5\""),
        Mutation(constraint: "indicatesTarget", find: "<indicates ref=\"plugx\"/>", replace: "<indicates ref=\"ghost\"/>"),
        Mutation(constraint: "basedOnTarget", find: "<basedOn ref=\"c2-ip\"/>", replace: "<basedOn ref=\"ghost\"/>"),
        Mutation(constraint: "usesTarget", find: "<usedBy ref=\"op-y\"/>", replace: "<usedBy ref=\"ghost\"/>"),
        Mutation(constraint: "involvesTarget", find: "<involvedIn ref=\"himalaya-incursion\">", replace: "<involvedIn ref=\"ghost\">"),
        Mutation(constraint: "Boolean", find: "isFamily=\"false\"", replace: "isFamily=\"0\""),
        Mutation(constraint: "KillChainName", find: "phase=\"exfiltration\"", replace: "phase=\"Exfiltration\""),
        Mutation(constraint: "IPv4Address", find: "<ipv4Address>203.0.113.5<", replace: "<ipv4Address>203.0.113.256<"),
        Mutation(constraint: "IPv6Address", find: "<ipv6Address>2001:db8::/32<", replace: "<ipv6Address>2001:db8::/129<"),
        Mutation(constraint: "DomainName", find: "<domainName>bücher.example<", replace: "<domainName>bücher-.example<"),
        Mutation(constraint: "URL", find: "<url>https://user@", replace: "<url>https//user@"),
        Mutation(constraint: "EmailAddress", find: "@mail.example</emailAddress>", replace: "@mail</emailAddress>"),
        Mutation(constraint: "MD5", find: "<md5>d41d8", replace: "<md5>g41d8"),
        Mutation(constraint: "SHA1", find: "<sha1>DA39", replace: "<sha1>ZA39"),
        Mutation(constraint: "FileSHA256", find: "<sha256>e3b0", replace: "<sha256>x3b0"),
        Mutation(constraint: "SHA512", find: "<sha512>cf83e135", replace: "<sha512>cf83e13"),
    ]

    private static var schemaPath: String { RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path }

    private func baseDocument() throws -> String {
        var sink = MemorySink()
        _ = try ReportXMLWriter().write(ReleasedReport(everythingIn: try HandBuiltReports.everythingWithDetection()), options: .default, to: &sink)
        return sink.string
    }

    /// The lines xmllint and exportctl each report errors at, and their exit codes.
    private func verdicts(_ file: URL) throws -> (xmllint: ProcessResult, exportctl: ProcessResult, xmllintLines: Set<Int>, exportctlLines: Set<Int>) {
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", Self.schemaPath, file.path])
        let exportctl = try ExportCtlRunner.run(["validate", file.path])
        return (xmllint, exportctl, lines(in: xmllint.errors, file: file.path), lines(in: exportctl.errors, file: file.path))
    }

    private func lines(in text: String, file: String) -> Set<Int> {
        Set(text.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix(file + ":") else { return nil }
            return line.dropFirst(file.count + 1).split(separator: ":").first.flatMap { Int($0) }
        })
    }

    @Test(arguments: mutations)
    func mutationIsRejectedByBothAtTheSameLine(_ mutation: Mutation) throws {
        let base = try baseDocument()
        let mutated = base.replacingOccurrences(of: mutation.find, with: mutation.replace, options: [], range: base.range(of: mutation.find))
        #expect(mutated != base, "the mutation must apply")
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("\(mutation.constraint).xml")
        try Data(mutated.utf8).write(to: file)
        let result = try verdicts(file)
        #expect(result.xmllint.status != 0, "xmllint accepted the \(mutation.constraint) mutation")
        #expect(result.exportctl.status == 1, "\(result.exportctl.errors)")
        #expect(!result.xmllintLines.isEmpty)
        #expect(result.exportctlLines == result.xmllintLines, "xmllint: \(result.xmllint.errors)\nexportctl: \(result.exportctl.errors)")
        if mutation.constraint.first?.isLowercase == true {
            #expect(result.exportctl.errors.contains(mutation.constraint), "the finding names the identity constraint")
        }
    }

    @Test func everyConstraintOfTheSchemaHasAMutation() throws {
        let xsd = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        var constraints: Set<String> = []
        var currentType: String?
        for line in xsd.split(separator: "\n") {
            if let name = attribute("name", in: line), line.contains("<xs:key ") || line.contains("<xs:keyref ") {
                constraints.insert(name)
            }
            if line.contains("<xs:simpleType "), let name = attribute("name", in: line) { currentType = name }
            if let type = currentType,
                line.contains("<xs:enumeration") || line.contains("<xs:pattern") || line.contains("Inclusive")
            {
                constraints.insert(type)
            }
            if line.contains("</xs:simpleType>") { currentType = nil }
        }
        #expect(constraints.count >= 15)
        #expect(constraints.subtracting(Self.mutations.map(\.constraint)) == [])
    }

    private func attribute(_ name: String, in line: Substring) -> String? {
        guard let start = line.range(of: "\(name)=\"") else { return nil }
        return line[start.upperBound...].split(separator: "\"").first.map(String.init)
    }

    @Test func verdictsAgreeOnEveryDocumentWithoutADoctype() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        let scenario = try ExportCtlRunner.run(["export", "--format", "report-xml"])
        #expect(scenario.status == 0)
        let base = try baseDocument()
        let root = "<report xmlns=\"urn:exportctl:threat-report:1\" formatVersion=\"1.0\" published=\"2023\">"
        var documents: [(String, Data)] = [
            ("scenario.xml", scenario.stdout), ("everything.xml", Data(base.utf8)),
            ("minimal.xml", Data("\(root)<title>t</title><producer id=\"p\"><name>P</name></producer></report>".utf8)),
            ("missing-title.xml", Data("\(root)<producer id=\"p\"><name>P</name></producer></report>".utf8)),
            ("deep.xml", Data((root + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "</report>").utf8)),
            ("truncated.xml", Data((root + "<title>cut").utf8)),
            ("invalid-utf8.xml", Data(root.utf8) + Data([0xFF, 0xFE]) + Data("</report>".utf8)),
            ("empty.xml", Data()),
        ]
        for mutation in Self.mutations {
            documents.append(("\(mutation.constraint).xml", Data(base.replacingOccurrences(of: mutation.find, with: mutation.replace).utf8)))
        }
        var valid = 0
        for (name, data) in documents {
            let file = directory.appendingPathComponent(name)
            try data.write(to: file)
            // --input-format so that even an empty or broken file is checked against the schema, as xmllint does.
            let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", Self.schemaPath, file.path])
            let exportctl = try ExportCtlRunner.run(["validate", "--input-format", "report-xml", file.path])
            #expect((xmllint.status == 0) == (exportctl.status == 0), "\(name): xmllint \(xmllint.status), exportctl \(exportctl.status): \(exportctl.errors.prefix(300))")
            if exportctl.status == 0 { valid += 1 }
        }
        #expect(valid == 3, "scenario, everything and minimal are valid; a validator that rejects all must fail here")
    }

    @Test func scenarioExportPassesXmllint() throws {
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("scenario.xml")
        let export = try ExportCtlRunner.run(["export", "--format", "report-xml", "-o", file.path])
        #expect(export.status == 0, "\(export.errors)")
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", Self.schemaPath, file.path])
        #expect(xmllint.status == 0, "\(xmllint.errors)")
        #expect(xmllint.errors.contains("validates"))
    }

    /// Every recipient's view keeps its references resolving (the keyrefs include releasable-to parties), so the
    /// in-process check passes and xmllint agrees.
    @Test(arguments: ["IND", "JPN", "VNM", "PHL", "KOR", "GBR", "CHN"])
    func recipientViewsValidate(_ recipient: String) throws {
        let file = try RepositoryPaths.makeTemporaryDirectory().appendingPathComponent("\(recipient).xml")
        let export = try ExportCtlRunner.run(["export", "--format", "report-xml", "--for", recipient, "-o", file.path])
        #expect(export.status == 0, "\(export.errors)")
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", Self.schemaPath, file.path])
        #expect(xmllint.status == 0, "\(xmllint.errors)")
        let back = try ExportCtlRunner.run(["export", file.path, "--format", "report-json"])
        #expect(back.status == 0, "the view reads back: \(back.errors)")
    }
}
