/// IPv4 and IPv6 addresses in their text forms, each with an optional CIDR prefix length.
enum IPAddressSyntax {
    /// Four decimal numbers 0–255 without leading zeros, joined by dots; then, if allowed, `/0`–`/32`.
    static func ipv4Problem(_ scalars: [Unicode.Scalar], allowsPrefix: Bool = true) -> SyntaxProblem? {
        let hint = "write four numbers 0-255 joined by dots, e.g. 203.0.113.5 or 203.0.113.0/24"
        let end: Int
        switch addressEnd(scalars, allowsPrefix: allowsPrefix, maximum: 32) {
        case .success(let index): end = index
        case .failure(let problem): return problem
        }
        var groups = 0
        var start = 0
        for index in 0...end {
            guard index == end || scalars[index] == "." else {
                if !("0"..."9").contains(scalars[index]) {
                    return SyntaxProblem(at: index, "'\(ObservableSyntax.shown(scalars[index]))' may not appear in an IPv4 address", hint: hint)
                }
                continue
            }
            let digits = scalars[start..<index]
            if digits.isEmpty || digits.count > 3 {
                return SyntaxProblem(at: start, "each part of an IPv4 address is one to three digits", hint: hint)
            }
            if digits.count > 1, digits.first == "0" {
                return SyntaxProblem(at: start, "an IPv4 address's parts have no leading zeros", hint: hint)
            }
            let number = digits.reduce(0) { $0 * 10 + Int($1.value - 48) }
            if number > 255 { return SyntaxProblem(at: start, "\(number) is more than 255", hint: hint) }
            groups += 1
            start = index + 1
        }
        return groups == 4 ? nil : SyntaxProblem(at: 0, "an IPv4 address has four parts, not \(groups)", hint: hint)
    }

    /// Up to eight groups of one to four hex digits joined by colons, one `::` standing for the missing
    /// zero groups, the last two groups optionally written as an IPv4 address; then, if allowed, `/0`–`/128`.
    static func ipv6Problem(_ scalars: [Unicode.Scalar], allowsPrefix: Bool = true) -> SyntaxProblem? {
        let hint = "write groups of hex digits joined by ':', e.g. 2001:db8::1 or 2001:db8::/32"
        let end: Int
        switch addressEnd(scalars, allowsPrefix: allowsPrefix, maximum: 128) {
        case .success(let index): end = index
        case .failure(let problem): return problem
        }
        guard end > 0 else { return SyntaxProblem(at: 0, "the IPv6 address is empty", hint: hint) }
        var groups = 0
        var compressed = false
        var index = 0
        if end >= 2, scalars[0] == ":", scalars[1] == ":" {
            compressed = true
            index = 2
        }
        while index < end {
            let start = index
            while index < end, scalars[index].properties.isASCIIHexDigit { index += 1 }
            if index < end, scalars[index] == "." {
                // The last 32 bits as dotted decimal.
                if let problem = ipv4Problem(Array(scalars[start..<end]), allowsPrefix: false) {
                    return SyntaxProblem(at: start + problem.offset, problem.message, hint: hint)
                }
                groups += 2
                index = end
                break
            }
            let length = index - start
            if length == 0 || length > 4 {
                return SyntaxProblem(at: start, index < end && length == 0
                    ? "'\(ObservableSyntax.shown(scalars[index]))' may not appear here in an IPv6 address"
                    : "each group of an IPv6 address is one to four hex digits", hint: hint)
            }
            groups += 1
            guard index < end else { break }
            guard scalars[index] == ":" else {
                return SyntaxProblem(at: index, "'\(ObservableSyntax.shown(scalars[index]))' may not appear in an IPv6 address", hint: hint)
            }
            index += 1
            if index < end, scalars[index] == ":" {
                if compressed { return SyntaxProblem(at: index - 1, "an IPv6 address has at most one '::'", hint: hint) }
                compressed = true
                index += 1
            } else if index == end {
                return SyntaxProblem(at: index - 1, "an IPv6 address does not end with a single ':'", hint: hint)
            }
        }
        if compressed ? groups > 7 : groups != 8 {
            return SyntaxProblem(at: 0, "an IPv6 address has eight groups (or fewer with '::'), not \(groups)", hint: hint)
        }
        return nil
    }

    /// Where the address ends: at its CIDR suffix, checked, or at the end of the text.
    private static func addressEnd(_ scalars: [Unicode.Scalar], allowsPrefix: Bool, maximum: Int) -> Result<Int, SyntaxProblem> {
        guard let slash = scalars.firstIndex(of: "/") else { return .success(scalars.count) }
        guard allowsPrefix else { return .failure(SyntaxProblem(at: slash, "no prefix length is allowed here")) }
        return prefixProblem(scalars, after: slash, maximum: maximum).map { .failure($0) } ?? .success(slash)
    }

    /// `/n` with `n` from 0 to `maximum`, no leading zeros, ending the text.
    private static func prefixProblem(_ scalars: [Unicode.Scalar], after slash: Int, maximum: Int) -> SyntaxProblem? {
        let digits = scalars[(slash + 1)...]
        let valid = !digits.isEmpty && digits.count <= 3 && digits.allSatisfy { ("0"..."9").contains($0) }
            && !(digits.count > 1 && digits.first == "0")
        guard valid, digits.reduce(0, { $0 * 10 + Int($1.value - 48) }) <= maximum else {
            return SyntaxProblem(at: slash, "a CIDR prefix length is '/' and a number from 0 to \(maximum)")
        }
        return nil
    }
}
