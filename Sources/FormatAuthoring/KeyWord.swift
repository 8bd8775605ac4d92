/// A mapping key as integers, so that finding a key among a mapping's dozen compares two words instead of
/// hashing or comparing strings.
///
/// Why: the reader checks every key of every mapping against its allowed list and then looks each field up;
/// with a `[String: YAMLNode]` per mapping and `Array.contains` on strings that was 6 % of an export's
/// instructions (hashing, dictionary growth, `_stringCompareWithSmolCheck`). Keys of up to 16 bytes are held
/// whole; a longer key is also compared as text when the words agree, and a non-ASCII key only as text.
struct KeyWord: Equatable {
    private let head: UInt64
    private let tail: UInt64
    private let count: Int
    private let isASCII: Bool
    /// The key itself: compared for long or non-ASCII keys, and what a mapping's set of keys holds once it
    /// has many.
    let text: String

    init(_ key: String) {
        var key = key
        (head, tail, count, isASCII) = key.withUTF8 { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress), bytes.count >= 8 else {
                var word: UInt64 = 0
                for byte in bytes.reversed() { word = word << 8 | UInt64(byte) }
                return (word, 0, bytes.count, word & 0x8080_8080_8080_8080 == 0)
            }
            // The last eight bytes overlap the first eight for keys of 8 to 15 bytes; the count tells them apart.
            let (first, last) = (
                base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
            )
            let isASCII = bytes.count <= 16 ? (first | last) & 0x8080_8080_8080_8080 == 0 : bytes.allSatisfy { $0 < 0x80 }
            return (first, last, bytes.count, isASCII)
        }
        text = key
    }

    static func == (a: KeyWord, b: KeyWord) -> Bool {
        // Non-ASCII keys compare as `String` does (canonical equivalence: U+212A KELVIN SIGN equals "K"), as the
        // dictionary and set of keys did before; only unknown keys are ever non-ASCII.
        guard a.isASCII && b.isASCII else { return a.text == b.text }
        guard a.head == b.head && a.tail == b.tail && a.count == b.count else { return false }
        return a.count <= 16 || a.text == b.text
    }
}

/// The keys a mapping may hold, with their ``KeyWord``s worked out once.
struct KeyList: RandomAccessCollection, ExpressibleByArrayLiteral {
    let names: [String]
    let words: [KeyWord]

    init(_ names: [String]) {
        self.names = names
        words = names.map(KeyWord.init)
    }

    init(arrayLiteral names: String...) { self.init(names) }

    var startIndex: Int { names.startIndex }
    var endIndex: Int { names.endIndex }
    subscript(position: Int) -> String { names[position] }

    static func + (a: KeyList, b: KeyList) -> KeyList { KeyList(a.names + b.names) }
}
