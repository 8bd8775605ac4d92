/// The deterministic id STIX 2.1 gives a cyber-observable (section 2.9): a UUIDv5 in the SCO namespace over
/// the RFC 8785 (JCS) serialisation of its ID-contributing properties, so every producer that sees the same
/// address or file names it alike and consumers deduplicate it.
///
/// For ``ObservableKind/ipv4``, `ipv6`, `domain`, `url` and `email` the property is `value`; for a file,
/// `hashes` (one digest only, the first of MD5, SHA-1, SHA-256, SHA-512 it has) and `name`.
///
/// ```swift
/// SCOIdentity.stixID(of: Observable(id: "x", kind: .ipv4, value: "198.51.100.3"))
/// // "ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4"
/// ```
package enum SCOIdentity {
    /// The namespace the spec reserves for cyber-observable ids.
    package static let namespace = "00abedb4-aa42-466c-9c01-fed23315a9b7"

    /// `type--uuid` for the observable.
    package static func stixID(of observable: Observable) -> String {
        observable.kind.rawValue + "--" + StableID.uuid5(namespace: namespace, name: contributingJSON(of: observable))
    }

    /// The ID-contributing properties in canonical JSON: keys sorted, no white space, strings escaped as JCS does.
    package static func contributingJSON(of observable: Observable) -> String {
        guard observable.kind == .file else { return "{\"value\":" + string(observable.value ?? "") + "}" }
        var members: [String] = []
        if let hash = observable.hashes.min(by: { $0.algorithm < $1.algorithm }) {
            members.append("\"hashes\":{" + string(hash.algorithm.rawValue) + ":" + string(hash.value) + "}")
        }
        if let name = observable.fileName { members.append("\"name\":" + string(name)) }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A JSON string as RFC 8785 writes it: only `"`, `\` and control characters escaped, the rest raw UTF-8.
    private static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
