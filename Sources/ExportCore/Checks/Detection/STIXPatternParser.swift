/// The recursive-descent parser behind ``STIXPattern``: one token of look-ahead, no backtracking.
struct STIXPatternParser {
    let text: [Unicode.Scalar]
    var position = 0
    var depth = 0

    init(_ text: [Unicode.Scalar]) { self.text = text }

    mutating func parse() throws {
        skipSpace()
        guard position < text.count else { throw SyntaxProblem(at: 0, "the pattern is empty", hint: Self.example) }
        try observations()
        skipSpace()
        if position < text.count { throw unexpected("after the end of the pattern") }
    }

    static let example = "write [type:property = 'value'], e.g. [ipv4-addr:value = '203.0.113.5']"

    // MARK: Observation expressions

    /// `a FOLLOWEDBY b`, `a OR b`, `a AND b`: the three joiners bind alike for checking purposes.
    private mutating func observations() throws {
        try observation()
        while let _ = keyword("FOLLOWEDBY", "OR", "AND") { try observation() }
    }

    private mutating func observation() throws {
        skipSpace()
        try enter()
        if take("[") {
            _ = try comparisons()
            try expect("]", "to close the observation expression")
        } else if take("(") {
            try observations()
            try expect(")", "to close the parenthesis")
        } else {
            throw unexpected("where an observation expression ('[' or '(') belongs", hint: Self.example)
        }
        depth -= 1
        while try qualifier() {}
    }

    /// One qualifier, if one follows.
    private mutating func qualifier() throws -> Bool {
        guard let word = keyword("WITHIN", "REPEATS", "START") else { return false }
        switch word {
        case "WITHIN":
            try number(integer: false, what: "a number of seconds after WITHIN")
            try expectKeyword("SECONDS")
        case "REPEATS":
            try number(integer: true, what: "a count after REPEATS")
            try expectKeyword("TIMES")
        default:
            try timestamp(after: "START")
            try expectKeyword("STOP")
            try timestamp(after: "STOP")
        }
        return true
    }

    // MARK: Comparison expressions

    /// Comparisons joined by `OR`; returns the object types they are about.
    private mutating func comparisons() throws -> Set<String> {
        var types = try conjunction()
        while keyword("OR") != nil { types.formUnion(try conjunction()) }
        return types
    }

    /// Comparisons joined by `AND`, which must all be about one object type.
    private mutating func conjunction() throws -> Set<String> {
        var types = try comparison()
        while keyword("AND") != nil {
            skipSpace()
            let start = position
            let next = try comparison()
            if types.count == 1, next.count == 1, types != next {
                throw SyntaxProblem(
                    at: start, "comparisons joined by AND must be about one object type, not \(types.first ?? "") and \(next.first ?? "")",
                    hint: "join observations of different types outside the brackets: [a:x = 1] AND [b:y = 2]")
            }
            types.formUnion(next)
        }
        return types
    }

    private mutating func comparison() throws -> Set<String> {
        skipSpace()
        if take("(") {
            try enter()
            let types = try comparisons()
            try expect(")", "to close the parenthesis")
            depth -= 1
            return types
        }
        if keyword("EXISTS") != nil { return [try objectPath()] }
        let type = try objectPath()
        _ = keyword("NOT")
        skipSpace()
        for op in ["<=", ">=", "!=", "<>", "=", "<", ">"] where take(op) {
            try literal()
            return [type]
        }
        switch keyword("IN", "LIKE", "MATCHES", "ISSUBSET", "ISSUPERSET") {
        case "IN": try set()
        case .some: try string(what: "a quoted string")
        case nil:
            throw unexpected("where a comparison operator belongs",
                             hint: "use =, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET or ISSUPERSET")
        }
        return [type]
    }

    /// `type:property` and its further components; returns the type.
    private mutating func objectPath() throws -> String {
        skipSpace()
        let start = position
        let type = word { Self.isLowerAlnum($0) || $0 == "-" }
        guard !type.isEmpty else { throw unexpected("where an object path (type:property) belongs", hint: Self.example) }
        guard take(":") else {
            throw SyntaxProblem(at: position, "expected ':' after the object type '\(type)'", hint: Self.example)
        }
        let propertyStart = position
        let property = try component()
        if let (message, hint) = STIXObjectPaths.problem(type: type, property: property) {
            throw SyntaxProblem(at: STIXObjectPaths.properties[type] == nil ? start : propertyStart, message, hint: hint)
        }
        while true {
            if take(".") {
                _ = try component()
            } else if take("[") {
                if !take("*") { try number(integer: true, what: "an index or '*'") }
                try expect("]", "to close the index")
            } else {
                return type
            }
        }
    }

    /// A property name, bare (`value`) or quoted (`'SHA-256'`).
    private mutating func component() throws -> String {
        if position < text.count, text[position] == "'" { return try string(what: "a property name") }
        let name = word { Self.isLowerAlnum($0) || $0 == "_" || Self.isUpper($0) }
        if name.isEmpty { throw unexpected("where a property name belongs") }
        return name
    }
}
