/// Literals and tokens of the STIX pattern grammar.
extension STIXPatternParser {
    /// One literal: a quoted string, a number, `true`/`false`, or `h'…'`, `b'…'`, `t'…'`.
    mutating func literal() throws {
        skipSpace()
        guard position < text.count else { throw unexpected("where a value belongs") }
        let first = text[position]
        if first == "'" {
            _ = try string(what: "a value")
        } else if (first == "h" || first == "b" || first == "t"), position + 1 < text.count, text[position + 1] == "'" {
            position += 1
            let start = position
            let body = try string(what: "a value")
            let valid: Bool
            switch first {
            case "h": valid = body.count % 2 == 0 && body.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit)
            case "b": valid = body.unicodeScalars.allSatisfy { Self.isAlnum($0) || "+/=".unicodeScalars.contains($0) }
            default: valid = Self.isTimestamp(body)
            }
            if !valid {
                throw SyntaxProblem(at: start, "not a valid \(["h": "hex", "b": "base64", "t": "timestamp"][String(first)] ?? "") literal",
                                    hint: first == "t" ? "write t'2023-01-10T00:00:00Z'" : nil)
            }
        } else if takeWord("true") || takeWord("false") {
            return
        } else {
            try number(integer: false, what: "a value", allowsSign: true)
        }
    }

    /// `('a', 'b')`: a parenthesised, comma-separated list of literals.
    mutating func set() throws {
        skipSpace()
        try expect("(", "to open the set after IN")
        skipSpace()
        if take(")") { return }
        repeat { try literal(); skipSpace() } while take(",")
        try expect(")", "to close the set")
    }

    /// A single-quoted string with `\'` and `\\` escapes; returns its content.
    mutating func string(what: String) throws -> String {
        skipSpace()
        let start = position
        guard take("'") else { throw unexpected("where \(what) belongs", hint: "quote it: 'value'") }
        var content = String.UnicodeScalarView()
        while position < text.count {
            let scalar = text[position]
            position += 1
            if scalar == "'" { return String(content) }
            if scalar == "\\" {
                guard position < text.count, text[position] == "'" || text[position] == "\\" else {
                    throw SyntaxProblem(at: position - 1, "only \\' and \\\\ may be escaped in a pattern string")
                }
                content.append(text[position])
                position += 1
            } else {
                content.append(scalar)
            }
        }
        throw SyntaxProblem(at: start, "this string is not closed", hint: "end it with ', and write \\' for a quote inside it")
    }

    mutating func number(integer: Bool, what: String, allowsSign: Bool = false) throws {
        skipSpace()
        let start = position
        if allowsSign, position < text.count, text[position] == "-" || text[position] == "+" { position += 1 }
        let digits = word { $0.properties.numericType == .decimal && $0.isASCII }
        // A dot must be followed by digits: `1.` is no number.
        let hasDot = !integer && take(".")
        let fraction = hasDot ? word { $0.properties.numericType == .decimal && $0.isASCII } : ""
        if digits.isEmpty || (hasDot && fraction.isEmpty) {
            position = start
            throw unexpected("where \(what) belongs")
        }
    }

    mutating func timestamp(after keyword: String) throws {
        skipSpace()
        let start = position
        guard take("t") else { throw unexpected("where a timestamp t'…' belongs after \(keyword)", hint: "write t'2023-01-10T00:00:00Z'") }
        let body = try string(what: "a timestamp")
        if !Self.isTimestamp(body) {
            throw SyntaxProblem(at: start, "'\(body)' is not a STIX timestamp", hint: "write t'2023-01-10T00:00:00Z'")
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.s+]Z`.
    static func isTimestamp(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let shape = Array("dddd-dd-ddTdd:dd:dd".unicodeScalars)
        guard scalars.count >= shape.count + 1, scalars.last == "Z" else { return false }
        for (index, expected) in shape.enumerated() {
            let isDigit = scalars[index].properties.numericType == .decimal && scalars[index].isASCII
            if expected == "d" ? !isDigit : scalars[index] != expected { return false }
        }
        let rest = scalars[shape.count..<(scalars.count - 1)]
        guard let dot = rest.first else { return true }
        return dot == "." && rest.count > 1 && rest.dropFirst().allSatisfy { $0.properties.numericType == .decimal && $0.isASCII }
    }

    // MARK: Tokens

    /// The next word if it is one of `words` (whole, uppercase), consumed; else `nil` and nothing consumed.
    mutating func keyword(_ words: String...) -> String? {
        skipSpace()
        let start = position
        let found = word { Self.isUpper($0) }
        if words.contains(found), position >= text.count || !Self.isAlnum(text[position]) && text[position] != "_" {
            return found
        }
        position = start
        return nil
    }

    mutating func expectKeyword(_ word: String) throws {
        if keyword(word) == nil { throw unexpected("where \(word) belongs") }
    }

    mutating func expect(_ token: String, _ purpose: String) throws {
        skipSpace()
        if !take(token) { throw unexpected("where '\(token)' belongs \(purpose)") }
    }

    /// Consumes `token` if the text continues with it.
    mutating func take(_ token: String) -> Bool {
        let scalars = Array(token.unicodeScalars)
        guard position + scalars.count <= text.count, text[position..<(position + scalars.count)].elementsEqual(scalars) else {
            return false
        }
        position += scalars.count
        return true
    }

    /// The longest run of scalars that satisfy `accepts`, consumed.
    mutating func word(_ accepts: (Unicode.Scalar) -> Bool) -> String {
        let start = position
        while position < text.count, accepts(text[position]) { position += 1 }
        return String(String.UnicodeScalarView(text[start..<position]))
    }

    mutating func skipSpace() {
        while position < text.count, text[position] == " " || text[position] == "\t" || text[position] == "\n"
            || text[position] == "\r"
        { position += 1 }
    }

    /// Goes one level deeper, refusing to go past ``STIXPattern/maxDepth`` (the caller steps back out).
    mutating func enter() throws {
        depth += 1
        if depth > STIXPattern.maxDepth {
            throw SyntaxProblem(at: position, "the pattern nests deeper than \(STIXPattern.maxDepth) levels")
        }
    }

    /// Consumes `word` when it stands whole (not followed by a letter, digit or underscore).
    mutating func takeWord(_ word: String) -> Bool {
        let start = position
        guard take(word) else { return false }
        if position < text.count, Self.isAlnum(text[position]) || text[position] == "_" {
            position = start
            return false
        }
        return true
    }

    func unexpected(_ place: String, hint: String? = nil) -> SyntaxProblem {
        guard position < text.count else { return SyntaxProblem(at: position, "the pattern ends \(place)", hint: hint) }
        return SyntaxProblem(at: position, "unexpected '\(Self.shown(text[position]))' \(place)", hint: hint)
    }

    /// A scalar as a diagnostic shows it: control characters escaped, never raw.
    static func shown(_ scalar: Unicode.Scalar) -> String {
        scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool { ("A"..."Z").contains(s) }
    static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) }
    static func isAlnum(_ s: Unicode.Scalar) -> Bool { isLowerAlnum(s) || isUpper(s) }
}
