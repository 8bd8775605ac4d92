import Crypto
import Foundation
import HummingbirdBcrypt
import Synchronization

/// Checks HTTP Basic credentials against the partners' bcrypt hashes.
///
/// bcrypt is deliberately slow (a quarter of a second at cost 12), so a password that verified once is
/// remembered as its SHA-256 for the life of the process; a wrong password always pays the full bcrypt cost, and
/// an unknown name pays it too, so that timing does not tell which names exist.
final class PartnerAuthenticator: Sendable {
    private let partners: [String: Partner]
    private let verified = Mutex<[String: SHA256Digest]>([:])
    /// A hash of a random password nobody knows, at the cost of the first partner's, checked for unknown names.
    private let decoy: String

    init(_ partners: [Partner]) {
        self.partners = Dictionary(partners.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let cost = partners.first.flatMap { UInt8($0.passwordHash.dropFirst(4).prefix(2)) } ?? 12
        decoy = Bcrypt.hash(PartnersFile.makePassword(), cost: cost)
    }

    /// The partner an `Authorization` header proves, or `nil`.
    func partner(authorization: String?) -> Partner? {
        guard let (name, password) = Self.basicCredentials(authorization) else { return nil }
        let digest = SHA256.hash(data: Data((name + "\u{0}" + password).utf8))
        guard let partner = partners[name] else {
            _ = Bcrypt.verify(password, hash: decoy)
            return nil
        }
        if verified.withLock({ $0[name] }) == digest { return partner }
        guard Bcrypt.verify(password, hash: partner.passwordHash) else { return nil }
        verified.withLock { $0[name] = digest }
        return partner
    }

    /// The user name and password of a `Basic` header; `nil` for any other scheme or a malformed value.
    static func basicCredentials(_ header: String?) -> (String, String)? {
        guard let header, header.utf8.count < 4096 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
