import Crypto
import Foundation
import HummingbirdBcrypt
import Synchronization

/// Checks HTTP Basic credentials against the partners' bcrypt hashes.
///
/// bcrypt is deliberately slow (a quarter of a second at cost 12), so a password that verified once is
/// remembered as its SHA-256 for the life of the process, and so is a recently refused one (up to 4,096). Every
/// other check runs bcrypt, one at a time on a queue of its own, never on the threads that serve requests: a flood
/// of wrong passwords delays other first logins, but not partners already verified. Requests that arrive with the
/// same credentials while they are being checked wait for that one check rather than queueing a bcrypt each (a
/// client opening 16 connections at once cost 16 bcrypts in a row, and its first requests timed out under load).
///
/// An unknown name is checked against a decoy hash of the partners' one bcrypt cost, so it pays the same work as a
/// known name and timing does not tell which names exist. Partners whose hashes differ in cost would let timing tell
/// them apart from each other and from unknown names, so such a partners file is refused.
final class PartnerAuthenticator: Sendable {
    /// Checks a password against a bcrypt hash (``Bcrypt/verify(_:hash:)``; tests watch the calls).
    typealias Verify = @Sendable (_ password: String, _ hash: String) -> Bool

    private struct Memory {
        var verified: [String: SHA256Digest] = [:]
        var refused: Set<SHA256Digest> = []
        /// Checks under way, by the digest of the credentials they check.
        var pending: [SHA256Digest: Task<Bool, Never>] = [:]
    }

    private let partners: [String: Partner]
    private let memory = Mutex(Memory())
    private let queue = DispatchQueue(label: "exportctl.taxii.bcrypt")
    /// A hash of a random password nobody knows, at the partners' cost, checked for unknown names.
    let decoy: String
    private let verify: Verify

    /// - Throws: ``TAXIIConfigurationError`` when the partners' hashes do not all have the same bcrypt cost.
    init(_ partners: [Partner], verify: @escaping Verify = { Bcrypt.verify($0, hash: $1) }) throws(TAXIIConfigurationError) {
        self.partners = Dictionary(partners.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let costs = Set(partners.map(\.bcryptCost))
        guard costs.count <= 1 else {
            let listing = partners.map { "\($0.name) \($0.bcryptCost)" }.joined(separator: ", ")
            throw TAXIIConfigurationError(
                "the partners' password hashes differ in bcrypt cost (\(listing)), so timing would tell the names apart; "
                    + "give every partner a new password of one cost (exportctl partners add uses 12)")
        }
        decoy = Bcrypt.hash(PartnersFile.makePassword(), cost: costs.first ?? 12)
        self.verify = verify
    }

    /// The partner an `Authorization` header proves, or `nil`.
    func partner(authorization: String?) async -> Partner? {
        guard let (name, password) = Self.basicCredentials(authorization) else { return nil }
        let digest = SHA256.hash(data: Data((name + "\u{0}" + password).utf8))
        let partner = partners[name]
        let lookup = memory.withLock { memory -> Lookup in
            if let partner, memory.verified[partner.name] == digest { return .known(true) }
            if memory.refused.contains(digest) { return .known(false) }
            if let pending = memory.pending[digest] { return .pending(pending) }
            // The decoy never matches (its password was thrown away), but costs what a real check costs.
            let task = makeCheck(password: password, hash: partner?.passwordHash ?? decoy, partner: partner, digest: digest)
            memory.pending[digest] = task
            return .pending(task)
        }
        switch lookup {
        case .known(let matches): return matches ? partner : nil
        case .pending(let check): return await check.value ? partner : nil
        }
    }

    /// What the memory knows of some credentials.
    private enum Lookup {
        case known(Bool)
        case pending(Task<Bool, Never>)
    }

    /// One bcrypt check on the queue, remembered when it ends (and no longer pending).
    private func makeCheck(password: String, hash: String, partner: Partner?, digest: SHA256Digest) -> Task<Bool, Never> {
        // The task takes the lock when it ends, which the caller holds while it records the task: it is pending
        // before it can finish.
        Task { [self] in
            let matches = await withCheckedContinuation { resume in
                queue.async { resume.resume(returning: self.verify(password, hash)) }
            }
            memory.withLock { memory in
                memory.pending[digest] = nil
                if let partner, matches {
                    memory.verified[partner.name] = digest
                } else {
                    if memory.refused.count >= 4096 { memory.refused.removeAll() }
                    memory.refused.insert(digest)
                }
            }
            return matches
        }
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
