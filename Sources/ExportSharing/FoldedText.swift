import ExportCore

/// A string folded for name matching, with the way back to the original's indices.
///
/// Folding works one `Character` (grapheme cluster) at a time, so every folded character maps to one range of
/// the original and a match maps back to a `Range<String.Index>` exactly:
/// - letters, digits and marks are lowercased when lowercasing gives one character (`Ü` → `ü`, `Σ` and the
///   final `ς` → `σ`), and kept as they are otherwise (`ß` stays `ß`, it does not become `ss`);
/// - every run of other characters (spaces, punctuation, `-`, `_`, `+`, `/`, `.`) becomes one ``separator``,
///   so that the name `Crimson Otter` folds the same as `crimson-otter`, `crimson_otter` and `crimson.otter`;
/// - invisible characters (soft hyphen, zero-width space and joiners, variation selectors) are dropped;
/// - compatibility forms and accents read as the plain letter (`Ｃ`, `𝐂`, `í`, `İ` as `c` and `i`, `ﬁ` as `fi`;
///   ``CompatibilityFold``);
/// - percent-escapes and character references are decoded first (`crimson%20otter`, `&#67;rimson`,
///   `%E8%B5%A4%E6%B0%B4%E7%8D%BA` for `赤水獺`; ``EscapeRun``), each decoded character mapping back to its escapes.
///
/// `Character` comparison is canonical, so a name typed precomposed (`Ü`) matches text typed decomposed (`U`
/// and a combining diaeresis).
struct FoldedText {
    /// What a run of non-word characters folds to.
    static let separator: Character = " "

    /// The folded characters.
    private(set) var characters: [Character] = []
    /// Where each folded character starts and ends in the original (a ligature folds to several characters
    /// of one range, an escape run's character to the escapes that spell it).
    private var starts: [String.Index] = []
    private var ends: [String.Index] = []

    init(_ text: String) {
        characters.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count)
        ends.reserveCapacity(text.utf8.count)
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "%" || character == "&", let run = EscapeRun(in: text, at: index) {
                for (decoded, range) in run.characters { append(decoded, at: range) }
                index = run.end
                continue
            }
            let next = text.index(after: index)
            append(character, at: index..<next)
            index = next
        }
    }

    /// The original range of the folded characters `range`.
    func originalRange(of range: Range<Int>) -> Range<String.Index> {
        starts[range.lowerBound]..<ends[range.upperBound - 1]
    }

    /// Whether a match of the folded characters `range` stands as a whole word: each neighbour is a separator,
    /// the edge of the text, or in a script written without spaces (on either side of the edge), where a name
    /// may sit inside a run of letters (`报告提到赤水獺的活动`).
    func isWholeWord(_ range: Range<Int>) -> Bool {
        let before = range.lowerBound - 1
        let after = range.upperBound
        let leftIsOpen = before < 0 || characters[before] == Self.separator
            || Self.isSpaceless(characters[before]) || Self.isSpaceless(characters[range.lowerBound])
        let rightIsOpen = after >= characters.count || characters[after] == Self.separator
            || Self.isSpaceless(characters[after]) || Self.isSpaceless(characters[after - 1])
        return leftIsOpen && rightIsOpen
    }

    /// A name folded as text is, with no separator at either end; empty when the name has no letter or digit.
    static func foldName(_ name: String) -> [Character] {
        var folded = FoldedText(name).characters
        if folded.last == separator { folded.removeLast() }
        if folded.first == separator { folded.removeFirst() }
        return folded
    }

    static func isWord(_ character: Character) -> Bool {
        if character.isASCII { return character.isLetter || character.isNumber }
        if character.isLetter || character.isNumber { return true }
        // Spacing marks of Indic and Southeast Asian scripts can stand as clusters of their own; they are part
        // of the word, not a break in it.
        switch character.unicodeScalars.first?.properties.generalCategory {
        case .spacingMark?, .nonspacingMark?, .enclosingMark?: return true
        default: return false
        }
    }

    static func fold(_ character: Character) -> Character {
        if let ascii = character.asciiValue {
            return (65...90).contains(ascii) ? Character(Unicode.Scalar(ascii + 32)) : character
        }
        let lower = character.lowercased()
        guard lower.count == 1, let folded = lower.first else { return character }
        return folded == "ς" ? "σ" : folded
    }

    /// Whether the character belongs to a script written without spaces between words: Han, Hiragana,
    /// Katakana, Bopomofo, Yi, Thai, Lao, Tibetan, Myanmar, Khmer, the Tai scripts, Balinese and Javanese.
    static func isSpaceless(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value, scalar >= 0x0E00 else { return false }
        return spacelessBlocks.contains { $0.contains(scalar) }
    }

    private static let spacelessBlocks: [ClosedRange<UInt32>] = [
        0x0E00...0x0EFF,  // Thai, Lao
        0x0F00...0x0FFF,  // Tibetan
        0x1000...0x109F,  // Myanmar
        0x1780...0x17FF, 0x19E0...0x19FF,  // Khmer
        0x1950...0x19DF, 0x1A20...0x1AAF,  // Tai Le, New Tai Lue, Tai Tham
        0x1B00...0x1B7F, 0xA980...0xA9DF,  // Balinese, Javanese
        0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029,  // CJK radicals, iteration and Hangzhou numerals
        0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F,  // Hiragana, Katakana
        0x3100...0x312F, 0x31A0...0x31BF,  // Bopomofo
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,  // Han
        0xA000...0xA4CF,  // Yi
        0xA9E0...0xA9FF, 0xAA60...0xAA7F,  // Myanmar extensions
    ]

    /// Folds `original`, which stands at `range` of the original text; a run of non-word characters folds to
    /// one separator, so that `crimson - otter` and `crimson otter` fold alike.
    private mutating func append(_ original: Character, at range: Range<String.Index>) {
        if CompatibilityFold.isPlain(original) { return append(folded: original, at: range) }
        for character in CompatibilityFold.plain(original) { append(folded: character, at: range) }
    }

    private mutating func append(folded character: Character, at range: Range<String.Index>) {
        if Self.isWord(character) {
            characters.append(Self.fold(character))
        } else if characters.last != Self.separator {
            characters.append(Self.separator)
        } else {
            ends[ends.count - 1] = range.upperBound
            return
        }
        starts.append(range.lowerBound)
        ends.append(range.upperBound)
    }
}
