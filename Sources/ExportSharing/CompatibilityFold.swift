import ExportCore

/// Letters that read as another letter: compatibility forms (full-width `Ｃ`, mathematical `𝐂`, circled `Ⓒ`,
/// ligatures `ﬁ`) and letters with accents (`í`, `İ`, `ö`), each mapped to the plain letter a reader sees.
///
/// Name matching folds text through this so that a name cannot hide from the scan by being typed in another
/// form (an outsider's attack hid `Crimson Otter` as `Ｃｒｉｍｓｏｎ Ｏｔｔｅｒ` and `CRİMSON`). The table is built
/// once from the Unicode character names the standard library carries, since the package does not link
/// Foundation (libxml2 and ICU clash there, see ARCHITECTURE.md) and so has no NFKD.
///
/// ```swift
/// CompatibilityFold.plain(Character("Ｃ"))      // ["C"]
/// CompatibilityFold.plain(Character("i\u{301}"))  // ["i"]
/// ```
enum CompatibilityFold {
    /// The plain characters `character` reads as: itself when nothing folds, several for a ligature, none for
    /// a character made only of invisible code points (soft hyphen, zero-width space, Hangul filler).
    static func plain(_ character: Character) -> [Character] {
        if isPlain(character) { return [character] }
        var scalars = String.UnicodeScalarView()
        var base: Unicode.Scalar?
        for scalar in character.unicodeScalars where !scalar.properties.isDefaultIgnorableCodePoint {
            // Accents on Latin, Greek and Cyrillic letters are dropped; marks in other scripts are vowels or
            // tones that make the word, and stay.
            if scalar.properties.generalCategory == .nonspacingMark, let base, dropsMarks(after: base) { continue }
            if base == nil { base = scalar }
            if let folded = table[scalar.value] {
                scalars.append(contentsOf: folded.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return Array(String(scalars))
    }

    /// Whether `character` folds to itself: most text (ASCII, Han, Kana, Hangul syllables) takes this path,
    /// which allocates nothing.
    static func isPlain(_ character: Character) -> Bool {
        if character.isASCII { return true }
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        return table[first.value] == nil && !first.properties.isDefaultIgnorableCodePoint
    }

    private static func dropsMarks(after scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x0530 || (0x1E00...0x1FFF).contains(scalar.value)
    }

    /// Plain form by code point, for the blocks where letters have compatibility or accented forms.
    private static let table: [UInt32: String] = {
        var base: [String: String] = [:]
        for range: ClosedRange<UInt32> in [0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x391...0x3C9, 0x410...0x44F] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                base[name] = String(scalar)
            }
        }
        var table: [UInt32: String] = [:]
        let blocks: [ClosedRange<UInt32>] = [
            0xC0...0x24F,  // Latin-1 and Latin Extended
            0x250...0x2FF, 0x1D00...0x1DBF,  // IPA, modifier letters, small capitals
            0x370...0x52F,  // Greek, Cyrillic
            0x1E00...0x1FFF,  // Latin and Greek Extended
            0x2100...0x24FF,  // letterlike, number forms, enclosed alphanumerics
            0xFB00...0xFB06, 0xFF00...0xFFEF,  // ligatures, full-width
            0x1D400...0x1D7FF, 0x1F100...0x1F1FF,  // mathematical alphanumerics, enclosed supplement
        ]
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), let name = scalar.properties.name else { continue }
                let plain = lookingLatin(plain(named: name, base: base) ?? String(scalar))
                if plain != String(scalar) { table[value] = plain }
            }
        }
        return table
    }()

    /// Greek and Cyrillic letters that read as Latin ones (`Ζ`, `о`), both cases alike so that a Greek or
    /// Cyrillic name still matches itself in any case; an outsider wrote `Quоkka` with a Cyrillic `о`.
    private static func lookingLatin(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.flatMap { scalar in
            (lookAlikes[scalar.value] ?? String(scalar)).unicodeScalars
        }))
    }

    private static let lookAlikes: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let pairs: [(String, String)] = [
            ("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "abezhikmnoptyx"), ("αβεζηικμνορτυχ", "abezhikmnoptyx"),
            ("АВЕКМНОРСТУХЅІЈҮ", "abekmhopctyxsijy"), ("авекмнорстухѕіјү", "abekmhopctyxsijy"),
        ]
        for (letters, latin) in pairs {
            for (letter, plain) in zip(letters.unicodeScalars, latin) {
                table[letter.value] = String(plain)
            }
        }
        return table
    }()

    /// The plain letters a character name describes: `FULLWIDTH LATIN CAPITAL LETTER C`, `MATHEMATICAL BOLD
    /// SMALL ALPHA`, `LATIN SMALL LETTER I WITH ACUTE`, `CIRCLED DIGIT ONE`, `LATIN SMALL LIGATURE FI`.
    private static func plain(named name: String, base: [String: String]) -> String? {
        let words = name.split(separator: " ").prefix { $0 != "WITH" }.map(String.init)
        if let ligature = words.firstIndex(of: "LIGATURE"), ligature + 1 < words.count {
            let letters = words[ligature + 1]
            guard letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            return words.contains("CAPITAL") ? letters : letters.lowercased()
        }
        if let digit = words.firstIndex(of: "DIGIT"), digit + 1 < words.count {
            return base["DIGIT \(words[digit + 1])"]
        }
        guard let caseIndex = words.firstIndex(where: { $0 == "CAPITAL" || $0 == "SMALL" }) else { return nil }
        var letter = Array(words[(caseIndex + 1)...])
        if letter.first == "LETTER" { letter.removeFirst() }
        if letter.first == "DOTLESS" || letter.first == "CAPITAL" { letter.removeFirst() }  // `ı`; small capitals `ᴢ`  // `ı` reads as `i` to anyone but a Turkish speaker
        guard !letter.isEmpty else { return nil }
        let letterName = letter.joined(separator: " ")
        let script = words[..<caseIndex].first { ["LATIN", "GREEK", "CYRILLIC"].contains($0) }
            ?? (letterName.count == 1 ? "LATIN" : "GREEK")
        return base["\(script) \(words[caseIndex]) LETTER \(letterName)"]
    }
}
