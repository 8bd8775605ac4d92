/// The textual shape of a UUID, `8-4-4-4-12` hex digits in either case: what MISP accepts. STIX 2.1 also asks
/// for an RFC 4122 version and variant (`STIXSyntax.isUUID`).
package enum UUIDText {
    /// Whether `bytes` is 36 characters of hex digits with dashes at 8, 13, 18 and 23.
    package static func hasShape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !((48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)) {
                return false
            }
        }
        return true
    }

    /// Whether `text` has the shape of a UUID.
    package static func hasShape(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { hasShape($0) }
    }
}
