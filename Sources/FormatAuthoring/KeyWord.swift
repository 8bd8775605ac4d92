/// A mapping key as integers, so that finding a key among a mapping's dozen compares two words instead of
/// hashing or comparing strings.
///
/// Why: the reader checks every key of every mapping against its allowed list and then looks each field up;
/// with a `[String: YAMLNode]` per mapping and `Array.contains` on strings that was 6 % of an export's
/// instructions (hashing, dictionary growth, `_stringCompareWithSmolCheck`). Keys of up to 16 bytes are held
/// whole; a longer key is also compared as text when the words agree.
struct KeyWord: Equatable {
    private let head: UInt64
    private let tail: UInt64
    private let count: Int
    /// Whether every byte is ASCII. Two non-ASCII keys with different bytes can still be equal as `String`s
    /// (canonical equivalence: U+212A KELVIN SIGN equals "K"); callers compare those as text, as the
    /// dictionary and set of keys did.
    let isASCII: Bool
    /// The key itself: compared for keys longer than the two words, and what a set of keys holds.
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
            var high = (first | last) & 0x8080_8080_8080_8080
            for offset in stride(from: 8, to: bytes.count - 8, by: 8) {
                high |= base.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080
            }
            return (first, last, bytes.count, high == 0)
        }
        text = key
    }

    /// Equal bytes.
    static func == (a: KeyWord, b: KeyWord) -> Bool {
        a.head == b.head && a.tail == b.tail && a.count == b.count && (a.count <= 16 || a.text == b.text)
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
