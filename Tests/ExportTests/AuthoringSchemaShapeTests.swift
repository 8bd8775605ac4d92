import Export
import ExportTestSupport
import Foundation
import Testing

/// The JSON Schema's own shape: closed objects, required keys named, and the same keys the reader knows.
struct AuthoringSchemaShapeTests {
    static func schema() throws -> [String: Any] {
        let url = RepositoryPaths.schemas.appendingPathComponent("threat-report.schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    /// Every schema node that declares `properties`, with a name for messages.
    static func objectDefinitions(_ node: Any, _ path: String, into found: inout [(String, [String: Any])]) {
        if let object = node as? [String: Any] {
            if object["properties"] != nil { found.append((path, object)) }
            for (key, value) in object { objectDefinitions(value, "\(path)/\(key)", into: &found) }
        } else if let array = node as? [Any] {
            for (index, value) in array.enumerated() { objectDefinitions(value, "\(path)/\(index)", into: &found) }
        }
    }

    @Test func everyObjectDefinitionIsClosedAndNamesWhatIsRequired() throws {
        var definitions: [(String, [String: Any])] = []
        Self.objectDefinitions(try Self.schema(), "#", into: &definitions)
        #expect(definitions.count >= 10)
        for (path, definition) in definitions {
            #expect(definition["additionalProperties"] as? Bool == false, "\(path) is open")
            #expect(definition["required"] != nil || path.hasSuffix("location"), "\(path) names nothing required")
        }
    }

    @Test func hasAnIDAndDeclaresDraft2020() throws {
        let schema = try Self.schema()
        #expect((schema["$id"] as? String)?.hasPrefix("https://") == true)
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test(arguments: [
        ("#", "report"), ("#/$defs/actor", "actor"), ("#/$defs/activity", "activity"),
        ("#/$defs/partnership", "partnership"), ("#/$defs/incident", "incident"), ("#/$defs/source", "source"),
        ("#/$defs/marking", "marking"), ("#/$defs/location", "location"), ("#/$defs/indicator", "indicator"),
        ("#/$defs/killChainPhase", "kill_chain_phase"), ("#/$defs/observable", "observable"), ("#/$defs/malware", "malware"),
        ("#/$defs/tool", "tool"),
    ])
    func schemaKeysMatchTheReader(_ pointer: String, _ kind: String) throws {
        var node: Any = try Self.schema()
        for part in pointer.split(separator: "/").dropFirst() {
            node = try #require((node as? [String: Any])?[String(part)])
        }
        let properties = try #require((node as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(AuthoringKeys.named(kind)))
    }
}
