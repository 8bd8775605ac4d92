import ExportTestSupport
import Foundation
import Testing

/// Ids that are reserved or already used as XML prefixes (`stix`, `xsi`, `xml`, `xmlns`, `marking`) as the
/// producer id and as object ids: every XML format must still write XML that xmllint accepts.
struct ReservedXMLNameTests {
    static let reserved = ["stix", "xsi", "xml", "xmlns", "marking", "stixcommon", "report", "incident"]
    static let xmlFormats: [[String]] = [["--format", "stix12"], ["--format", "report-xml"], ["--format", "report-xml", "--no-validate"], ["--format", "stix12", "--no-validate"]]

    static func xmllint(_ data: Data, in folder: URL) throws -> ProcessResult {
        let file = folder.appendingPathComponent("out-\(UUID().uuidString).xml")
        try data.write(to: file)
        return try ProcessRunner.run("/usr/bin/xmllint", ["--noout", "--nonet", file.path])
    }

    /// Runs without a STIX 1.2 schema directory: the case where only the well-formedness check stands guard.
    static func export(_ arguments: [String]) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "EXPORTCTL_STIX12_SCHEMAS")
        return try ProcessRunner.run(RepositoryPaths.exportctl.path, ["export"] + arguments, environment: environment)
    }

    @Test(arguments: reserved)
    func reservedIDAsProducerAndObjectsGivesWellFormedXML(_ id: String) throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let others = Self.reserved.filter { $0 != id }.map { "  - {id: \($0), name: N, kind: organization}\n" }.joined()
        let yaml = """
            format_version: "1.0"
            title: T
            published: 2023-11-15
            producer: {id: \(id), name: P}
            default_marking: {tlp: clear}
            actors:
              - {id: \(id), name: S, kind: threat-actor}

            """ + others
        let input = folder.appendingPathComponent("in.yaml")
        try Data(yaml.utf8).write(to: input)
        for format in Self.xmlFormats {
            let result = try Self.export([input.path] + format)
            #expect(result.status == 0, "\(id) \(format): \(result.errors)")
            let lint = try Self.xmllint(result.stdout, in: folder)
            #expect(lint.status == 0, "\(id) \(format): \(lint.errors)")
        }
    }

    @Test func importedIDsWithMarkupAndPrefixesGiveWellFormedXML() throws {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for id in ["xmlns:stix", "xml:lang", "a\"<b>&c", "stix"] {
            let bundle = try HostileFileNameTests.hostileBundle(id, in: folder)
            for format in Self.xmlFormats {
                let result = try Self.export([bundle.path] + format)
                #expect(result.status == 0, "\(id) \(format): \(result.errors)")
                #expect(try Self.xmllint(result.stdout, in: folder).status == 0, "\(id) \(format)")
            }
        }
    }
}
