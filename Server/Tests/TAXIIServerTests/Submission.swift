import Foundation
import TAXIIServer

/// STIX objects and envelopes for POSTs to the inbox.
enum Submission {
    /// A valid STIX 2.1 indicator whose id ends in `serial`.
    static func indicator(_ serial: Int, name: String = "Submitted indicator") -> String {
        let id = String(format: "indicator--8e2e2d2b-17d4-4cbf-938f-%012d", serial)
        return """
            {"type": "indicator", "spec_version": "2.1", "id": "\(id)", "created": "2024-01-01T00:00:00.000Z", \
            "modified": "2024-01-01T00:00:00.000Z", "name": "\(name)", \
            "pattern": "[ipv4-addr:value = '198.51.100.1']", "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z"}
            """
    }

    /// The id of ``indicator(_:name:)``.
    static func id(_ serial: Int) -> String { String(format: "indicator--8e2e2d2b-17d4-4cbf-938f-%012d", serial) }

    /// An envelope of the given objects (JSON texts).
    static func envelope(_ objects: [String]) -> [UInt8] {
        Array("{\"objects\": [\(objects.joined(separator: ", "))]}".utf8)
    }

    /// The headers of a POST by `user`.
    static func headers(_ user: String, _ password: String, contentType: String? = "application/taxii+json;version=2.1")
        -> [(String, String)]
    {
        [("Authorization", LoopbackHTTP.basic(user, password))] + (contentType.map { [("Content-Type", $0)] } ?? [])
    }
}

/// Two partners of the built-in sample (JPN and IND) with cheap bcrypt hashes, in a partners file.
struct TwoPartners {
    let folder: TemporaryFolder
    let file: String
    let passwords: [String: String]

    init() throws {
        folder = try TemporaryFolder()
        file = folder.path + "/partners.yaml"
        var passwords: [String: String] = [:]
        for (name, code) in [("jp-ncc", "JPN"), ("in-cert", "IND")] {
            passwords[name] = try PartnersFile.add(name: name, recipient: code, to: file, cost: 4)
        }
        self.passwords = passwords
    }

    var partners: [Partner] { get throws { try PartnersFile.read(file) } }
    var japan: String { passwords["jp-ncc"] ?? "" }
    var india: String { passwords["in-cert"] ?? "" }
}
