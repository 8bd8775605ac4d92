/// Checks the value of an observable as its kind requires: an IPv4 or IPv6 address (with an optional CIDR
/// prefix length), a domain name, a URL, an e-mail address, or a file hash of the length its algorithm gives.
///
/// Each check looks at every character once; the first problem is returned with where it starts.
///
/// ```swift
/// ObservableSyntax.problem(in: "203.0.113.5/24", as: .ipv4)      // nil
/// ObservableSyntax.problem(in: "203.0.113.256", as: .ipv4)       // "…256 is more than 255"
/// ObservableSyntax.problem(inHash: "abc", algorithm: .sha256)    // "…has 3 digits; SHA-256 has 64"
/// ```
public enum ObservableSyntax {
    /// The first problem in `value` read as `kind`, or `nil`; a file has no value and always passes.
    public static func problem(in value: String, as kind: ObservableKind) -> SyntaxProblem? {
        let scalars = Array(value.unicodeScalars)
        if let control = scalars.firstIndex(where: { $0.properties.generalCategory == .control || $0 == " " }) {
            return SyntaxProblem(at: control, "the value contains a space or a control character")
        }
        switch kind {
        case .ipv4: return IPAddressSyntax.ipv4Problem(scalars, allowsPrefix: true)
        case .ipv6: return IPAddressSyntax.ipv6Problem(scalars)
        case .domain: return domainProblem(scalars, from: 0)
        case .url: return urlProblem(scalars)
        case .email: return emailProblem(scalars)
        case .file: return nil
        }
    }

    /// The first problem in a digest: its length for the algorithm, then its alphabet (hexadecimal digits).
    public static func problem(inHash value: String, algorithm: HashAlgorithm) -> SyntaxProblem? {
        let scalars = Array(value.unicodeScalars)
        if let bad = scalars.firstIndex(where: { !$0.properties.isASCIIHexDigit }) {
            return SyntaxProblem(at: bad, "a \(algorithm.rawValue) digest is hexadecimal; '\(Self.shown(scalars[bad]))' is not a hex digit",
                                 hint: "use only 0-9 and a-f")
        }
        guard scalars.count == algorithm.hexLength else {
            let other = HashAlgorithm.allCases.first { $0.hexLength == scalars.count }
            return SyntaxProblem(
                at: 0, "this \(algorithm.rawValue) digest has \(scalars.count) hex digits; \(algorithm.rawValue) has \(algorithm.hexLength)",
                hint: other.map { "\(scalars.count) digits is a \($0.rawValue) digest: file it under \($0.rawValue)" }
                    ?? "copy the whole digest")
        }
        return nil
    }

    /// A domain name: dot-separated labels of letters, digits and hyphens (no hyphen at either end), each at
    /// most 63 long, at least two of them, 253 in all. Non-ASCII letters are allowed (internationalised names).
    static func domainProblem(_ scalars: [Unicode.Scalar], from start: Int) -> SyntaxProblem? {
        let hint = "write a name like example.com"
        guard scalars.count > start else { return SyntaxProblem(at: start, "the domain name is empty", hint: hint) }
        if scalars.count - start > 253 { return SyntaxProblem(at: start, "a domain name has at most 253 characters") }
        var labelStart = start
        var labels = 0
        for index in start...scalars.count {
            guard index == scalars.count || scalars[index] == "." else {
                let scalar = scalars[index]
                if !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-") {
                    return SyntaxProblem(at: index, "'\(shown(scalar))' may not appear in a domain name", hint: hint)
                }
                continue
            }
            let length = index - labelStart
            if length == 0 { return SyntaxProblem(at: index, "a domain name has no empty labels", hint: hint) }
            if length > 63 { return SyntaxProblem(at: labelStart, "a domain name's label has at most 63 characters") }
            if scalars[labelStart] == "-" || scalars[index - 1] == "-" {
                return SyntaxProblem(at: labelStart, "a domain name's label neither starts nor ends with '-'")
            }
            labels += 1
            labelStart = index + 1
        }
        return labels < 2 ? SyntaxProblem(at: start, "a domain name has at least two labels", hint: hint) : nil
    }

    /// `scheme://host[:port][/path][?query][#fragment]`, with a domain name or an address as the host.
    static func urlProblem(_ scalars: [Unicode.Scalar]) -> SyntaxProblem? {
        let hint = "write a URL like https://example.com/path"
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, scalars[0].properties.isAlphabetic,
            scalars[..<colon].allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0)) })
        else { return SyntaxProblem(at: 0, "a URL starts with a scheme and ':'", hint: hint) }
        guard scalars.count > colon + 2, scalars[colon + 1] == "/", scalars[colon + 2] == "/" else {
            return SyntaxProblem(at: colon, "the scheme is followed by '//' and a host", hint: hint)
        }
        let hostStart = colon + 3
        let authorityEnd = scalars[hostStart...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? scalars.count
        var hostEnd = authorityEnd
        var host = hostStart
        if let at = scalars[hostStart..<authorityEnd].lastIndex(of: "@") { host = at + 1 }
        if host < authorityEnd, scalars[host] == "[" {
            guard let close = scalars[host..<authorityEnd].firstIndex(of: "]") else {
                return SyntaxProblem(at: host, "an IPv6 host in a URL is closed with ']'")
            }
            if let problem = IPAddressSyntax.ipv6Problem(Array(scalars[(host + 1)..<close]), allowsPrefix: false) {
                return SyntaxProblem(at: host + 1 + problem.offset, problem.message, hint: problem.hint)
            }
            hostEnd = close + 1
        } else {
            if let port = scalars[host..<authorityEnd].lastIndex(of: ":") { hostEnd = port }
            let name = Array(scalars[host..<hostEnd])
            let isAddress = !name.isEmpty && name.allSatisfy { ("0"..."9").contains($0) || $0 == "." }
            let problem = isAddress
                ? IPAddressSyntax.ipv4Problem(name, allowsPrefix: false) : domainProblem(name, from: 0)
            if let problem { return SyntaxProblem(at: host + problem.offset, "the URL's host: " + problem.message, hint: hint) }
        }
        if hostEnd < authorityEnd {
            let port = scalars[(hostEnd + 1)..<authorityEnd]
            let isNumber = !port.isEmpty && port.count <= 5 && port.allSatisfy { ("0"..."9").contains($0) }
            if scalars[hostEnd] != ":" || !isNumber || port.reduce(0, { $0 * 10 + Int($1.value - 48) }) > 65535 {
                return SyntaxProblem(at: hostEnd, "a URL's port is ':' and a number from 0 to 65535", hint: hint)
            }
        }
        return nil
    }

    /// `local@domain`: a local part of letters, digits and ``atext`` symbols in dot-separated runs (at most 64),
    /// then a domain name.
    static func emailProblem(_ scalars: [Unicode.Scalar]) -> SyntaxProblem? {
        let hint = "write an address like someone@example.com"
        guard let at = scalars.lastIndex(of: "@"), at > 0 else {
            return SyntaxProblem(at: 0, "an e-mail address has a local part, '@' and a domain", hint: hint)
        }
        if at > 64 { return SyntaxProblem(at: 0, "an e-mail address's local part has at most 64 characters") }
        for index in 0..<at {
            let scalar = scalars[index]
            if scalar == "." {
                if index == 0 || index == at - 1 || scalars[index - 1] == "." {
                    return SyntaxProblem(at: index, "dots in an e-mail address's local part separate non-empty runs", hint: hint)
                }
            } else if !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || atext.contains(scalar)) {
                return SyntaxProblem(at: index, "'\(shown(scalar))' may not appear in an e-mail address's local part", hint: hint)
            }
        }
        return domainProblem(scalars, from: at + 1)
    }

    /// The symbols RFC 5322 allows in an unquoted local part.
    private static let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    static func shown(_ scalar: Unicode.Scalar) -> String { STIXPatternParser.shown(scalar) }
}
