import Crypto

/// Derives the one UUID an object has in every format.
///
/// The UUID is a version 5 (SHA-1) UUID in exportctl's own namespace over `producer id | type | local id`,
/// so two producers never collide, a re-export gives the same ids, and the same object has the same UUID
/// in STIX 2.1, STIX 1.2 and MISP.
///
/// ```swift
/// StableID.uuid(producer: "cert.example.gov", type: "threat-actor", localID: "china-mss")
/// // "2f0c…" (lowercase, 36 characters)
/// StableID.stixID(producer: "cert.example.gov", type: "threat-actor", localID: "china-mss")
/// // "threat-actor--2f0c…"
/// ```
public enum StableID {
    /// exportctl's UUIDv5 namespace. Never change it: every id ever exported derives from it.
    public static let namespace = "6f1d7a2e-3b54-5c8e-9a0f-4e2b7c91d305"

    /// The lowercase UUID for an object.
    public static func uuid(producer: String, type: String, localID: String) -> String {
        uuid5(namespace: namespace, name: "\(producer)|\(type)|\(localID)")
    }

    /// The producer identity's local id; `#` cannot appear in an author's ids, so it never collides. The STIX
    /// writers derive its id from it, the STIX reader records it, and the sharing policy follows references to it.
    package static let producerLocalID = "#producer"

    /// The local id of the report object (STIX 2.1 `report`, STIX 1.2 `Report`, a MISP event per report).
    package static let reportLocalID = "#report"

    /// The STIX 2.1 identifier `<type>--<uuid>` for an object.
    public static func stixID(producer: String, type: String, localID: String) -> String {
        "\(type)--\(uuid(producer: producer, type: type, localID: localID))"
    }

    /// An RFC 4122 version 5 UUID of `name` in `namespace`, lowercase.
    public static func uuid5(namespace: String, name: String) -> String {
        // exportctl's own namespace is parsed once: it is the namespace of nearly every call.
        var bytes = namespace == Self.namespace ? ownNamespaceBytes : uuidBytes(namespace)
        bytes.append(contentsOf: name.utf8)
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return format(digest)
    }

    private static let ownNamespaceBytes = uuidBytes(namespace)

    private static func uuidBytes(_ text: String) -> [UInt8] {
        let hex = Array(text.utf8.filter { $0 != UInt8(ascii: "-") })
        return stride(from: 0, to: hex.count - 1, by: 2).map { UInt8(nibble(hex[$0]) << 4 | nibble(hex[$0 + 1])) }
    }

    private static func nibble(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: 0
        }
    }

    private static func format(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { out.append(UInt8(ascii: "-")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
