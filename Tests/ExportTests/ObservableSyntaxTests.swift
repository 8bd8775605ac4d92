import Export
import Testing

/// Addresses, domain names, URLs, e-mail addresses and digests as the lint checks them.
struct ObservableSyntaxTests {
    @Test(arguments: [
        ("203.0.113.5", ObservableKind.ipv4), ("203.0.113.0/24", .ipv4), ("0.0.0.0/0", .ipv4),
        ("2001:db8::1", .ipv6), ("::", .ipv6), ("::1", .ipv6), ("2001:db8::/32", .ipv6), ("::ffff:192.0.2.1", .ipv6),
        ("1:2:3:4:5:6:7:8", .ipv6), ("fe80::", .ipv6),
        ("evil.example", .domain), ("bücher.example", .domain), ("xn--bcher-kva.example", .domain),
        ("https://evil.example/a?b=c#d", .url), ("http://203.0.113.5:8080/x", .url), ("http://[2001:db8::1]/", .url),
        ("ftp://user@files.example", .url),
        ("someone@example.com", .email), ("first.last+tag@mail.example", .email),
    ])
    func accepts(_ value: String, _ kind: ObservableKind) {
        #expect(ObservableSyntax.problem(in: value, as: kind) == nil,
                "\(String(describing: ObservableSyntax.problem(in: value, as: kind)))")
    }

    @Test(arguments: [
        ("203.0.113.256", ObservableKind.ipv4, 10, "256 is more than 255"),
        ("203.0.113", .ipv4, 0, "four parts"),
        ("203.0.113.05", .ipv4, 10, "leading zeros"),
        ("203.0.113.5/33", .ipv4, 11, "CIDR prefix"),
        ("203.0.113.x", .ipv4, 10, "may not appear"),
        ("2001:db8:::1", .ipv6, 10, "may not appear here"),
        ("2001:db8::1::2", .ipv6, 11, "at most one '::'"),
        ("1:2:3:4:5:6:7", .ipv6, 0, "eight groups"),
        ("2001:db8::12345", .ipv6, 10, "one to four hex digits"),
        ("2001:db8::/129", .ipv6, 10, "CIDR prefix"),
        ("evil", .domain, 0, "at least two labels"),
        ("evil..example", .domain, 5, "no empty labels"),
        ("-evil.example", .domain, 0, "neither starts nor ends"),
        ("evil_x.example", .domain, 4, "may not appear"),
        ("evil.example/path", .domain, 12, "may not appear"),
        ("evil.example", .url, 0, "starts with a scheme"),
        ("http:evil.example", .url, 4, "'//' and a host"),
        ("http://evil/x", .url, 7, "at least two labels"),
        ("http://evil.example:99999/", .url, 19, "port"),
        ("someone", .email, 0, "a local part, '@'"),
        ("some..one@example.com", .email, 5, "dots"),
        ("someone@example", .email, 8, "at least two labels"),
        ("a b@example.com", .email, 1, "space or a control character"),
    ])
    func refuses(_ value: String, _ kind: ObservableKind, _ offset: Int, _ message: String) throws {
        let problem = try #require(ObservableSyntax.problem(in: value, as: kind))
        #expect(problem.message.contains(message), "\(problem.message)")
        #expect(problem.offset == offset, "\(problem.message)")
    }

    @Test func digestsHaveTheirAlgorithmsLengthAndAreHex() throws {
        #expect(ObservableSyntax.problem(inHash: "d41d8cd98f00b204e9800998ecf8427e", algorithm: .md5) == nil)
        #expect(ObservableSyntax.problem(inHash: String(repeating: "A", count: 128), algorithm: .sha512) == nil)
        let length = try #require(ObservableSyntax.problem(inHash: String(repeating: "a", count: 64), algorithm: .sha1))
        #expect(length.message == "this SHA-1 digest has 64 hex digits; SHA-1 has 40")
        #expect(length.hint == "64 digits is a SHA-256 digest: file it under SHA-256")
        let alphabet = try #require(ObservableSyntax.problem(inHash: "d41d8cd98f00b204e9800998ecf8427g", algorithm: .md5))
        #expect(alphabet.offset == 31)
        #expect(alphabet.message.contains("'g' is not a hex digit"))
    }
}
