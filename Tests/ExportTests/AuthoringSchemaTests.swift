import Export
import ExportTestSupport
import Foundation
import Testing

/// `Schemas/threat-report.schema.json` checked with Python's `jsonschema`, against `exportctl lint`.
struct AuthoringSchemaTests {
    typealias Step = JSONPathStep

    struct Mutation: Sendable, CustomTestStringConvertible {
        let name: String
        let path: [Step]
        let value: JSONValue?
        /// A fragment of the lint message expected for it.
        let lint: String
        var testDescription: String { name }
    }

    static let actor0: [Step] = [.key("actors"), .index(0)]
    static let mutations: [Mutation] = [
        Mutation(name: "unknown top-level key", path: [.key("titel")], value: "x", lint: "unknown key 'titel'"),
        Mutation(name: "unknown actor key", path: actor0 + [.key("nmae")], value: "x", lint: "unknown key 'nmae'"),
        Mutation(name: "missing actor name", path: actor0 + [.key("name")], value: nil, lint: "missing required key 'name'"),
        Mutation(name: "missing producer", path: [.key("producer")], value: nil, lint: "missing required key 'producer'"),
        Mutation(name: "name not text", path: actor0 + [.key("name")], value: .int(42), lint: "'name' must be text"),
        Mutation(name: "empty name", path: actor0 + [.key("name")], value: "", lint: "'name' must not be empty"),
        Mutation(name: "aliases not a list", path: actor0 + [.key("aliases")], value: "US", lint: "'aliases' must be a list"),
        Mutation(name: "confidence as text", path: actor0 + [.key("confidence")], value: "80", lint: "'confidence' must be an integer"),
        Mutation(name: "confidence above 100", path: actor0 + [.key("confidence")], value: .int(101), lint: "between 0 and 100"),
        Mutation(name: "date pattern", path: [.key("campaigns"), .index(0), .key("first_seen")], value: "2022-13", lint: "not a valid date"),
        Mutation(name: "published not a full date", path: [.key("published")], value: "2023-11", lint: "must be a full date"),
        Mutation(name: "country pattern", path: actor0 + [.key("country")], value: "usa", lint: "unknown country code 'usa'"),
        Mutation(name: "actor kind enum", path: actor0 + [.key("kind")], value: "stat", lint: "'kind' must be one of"),
        Mutation(name: "tlp enum", path: [.key("default_marking"), .key("tlp")], value: "orange", lint: "'tlp' must be one of"),
        Mutation(name: "id pattern", path: actor0 + [.key("id")], value: "USA!", lint: "not a valid local id"),
        Mutation(name: "format version", path: [.key("format_version")], value: "2.0", lint: "unsupported format_version"),
        Mutation(name: "sha256 pattern", path: [.key("sources"), .index(0), .key("sha256")], value: "ABC", lint: "'sha256' must be 64"),
        Mutation(name: "url scheme", path: [.key("sources"), .index(0), .key("url")], value: "ftp://x.example", lint: "'url' must be an http"),
        Mutation(name: "latitude without longitude", path: [.key("incidents"), .index(0), .key("where"), .key("latitude")], value: .double(27.5), lint: "both 'latitude' and 'longitude'"),
        Mutation(name: "latitude out of range", path: [.key("incidents"), .index(0), .key("where")], value: .object(["latitude": .double(91), "longitude": .int(0)]), lint: "'latitude' must be between"),
        Mutation(name: "empty location", path: [.key("incidents"), .index(0), .key("where")], value: .object([:]), lint: "a location needs a name"),
        Mutation(name: "link without ref", path: [.key("incidents"), .index(0), .key("supporters"), .index(0), .key("ref")], value: nil, lint: "missing required key 'ref'"),
        Mutation(name: "marking without tlp", path: [.key("incidents"), .index(0), .key("marking"), .key("tlp")], value: nil, lint: "missing required key 'tlp'"),
        Mutation(name: "MISP organisation UUID", path: actor0 + [.key("misp_organisation_uuid")], value: "ABC", lint: "must be a lowercase UUID"),
        Mutation(name: "indicator without pattern", path: [.key("indicators")],
                 value: .array([.object(["id": "ind", "name": "C2", "valid_from": "2023-01-10"])]),
                 lint: "missing required key 'pattern'"),
        Mutation(name: "MD5 length", path: [.key("observables")],
                 value: .array([.object(["id": "f", "type": "file", "hashes": .object(["MD5": "abc"])])]),
                 lint: "MD5 digest has 3 hex digits"),
        Mutation(name: "kill chain phase case", path: [.key("indicators")],
                 value: .array([.object(["id": "ind", "name": "C2", "pattern": "[url:value = 'http://a.example/']",
                                         "valid_from": "2023", "kill_chain_phases": .array([.object([
                                             "kill_chain_name": "Lockheed", "phase_name": "delivery"])])])]),
                 lint: "lowercase words joined by hyphens"),
        Mutation(name: "empty open-vocabulary value", path: [.key("incidents"), .index(0), .key("kind")], value: "", lint: "'kind' must not be empty"),
    ]

    static func scenarioJSON() throws -> JSONValue { try SampleScenario.report().authoringJSON() }

    static func runOracle(_ documents: [JSONValue]) throws -> [(valid: Bool, errors: [String])] {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try documents.enumerated().map { index, document in
            let url = folder.appendingPathComponent("doc\(index).json")
            try Data(CanonicalJSON.bytes(document)).write(to: url)
            return url.path
        }
        let schema = RepositoryPaths.schemas.appendingPathComponent("threat-report.schema.json").path
        let result = try Oracle.runScript("jsonschema_check.py", [schema] + files)
        #expect(result.status == 0, "\(result.errors)")
        return try result.output.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["valid"] as? Bool ?? false, object["errors"] as? [String] ?? [])
        }
    }

    @Test func scenarioPassesTheSchema() throws {
        let verdicts = try Self.runOracle([try Self.scenarioJSON()])
        #expect(verdicts.count == 1)
        #expect(verdicts.first?.valid == true, "\(verdicts.first?.errors ?? [])")
    }

    @Test func everyMutationIsRejectedByBothTheSchemaAndLint() throws {
        let base = try Self.scenarioJSON()
        let documents = Self.mutations.map { base.setting($0.path, to: $0.value) }
        for (mutation, document) in zip(Self.mutations, documents) {
            #expect(document != base, "mutation '\(mutation.name)' changed nothing: its path is wrong")
        }
        let verdicts = try Self.runOracle(documents)
        #expect(verdicts.count == Self.mutations.count)
        for (index, mutation) in Self.mutations.enumerated() {
            #expect(verdicts[index].valid == false, "jsonschema accepted: \(mutation.name)")
            let lint = AuthoringReader.read(CanonicalJSON.bytes(documents[index]), file: "m.json").diagnostics
            #expect(lint.hasErrors, "lint accepted: \(mutation.name)")
            #expect(lint.contains { $0.message.contains(mutation.lint) }, "\(mutation.name): \(lint.map(\.message))")
        }
    }
}
