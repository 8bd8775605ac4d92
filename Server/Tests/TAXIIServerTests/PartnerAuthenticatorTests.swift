import Foundation
import HummingbirdBcrypt
import Synchronization
import Testing

@testable import TAXIIServer

/// HTTP Basic against bcrypt hashes: only the right name and password pass, however often they are tried, and an
/// unknown name costs the same bcrypt work as a known one.
struct PartnerAuthenticatorTests {
    private func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    @Test func onlyTheRightPasswordPassesFirstAndEveryTimeAfter() async throws {
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: Bcrypt.hash("s3cret:with colon", cost: 4))
        let authenticator = try PartnerAuthenticator([partner])
        for _ in 0..<3 {
            #expect(await authenticator.partner(authorization: basic("jp:s3cret:with colon"))?.name == "jp")
            #expect(await authenticator.partner(authorization: basic("jp:s3cret")) == nil)
            #expect(await authenticator.partner(authorization: basic("jq:s3cret:with colon")) == nil)
        }
        #expect(await authenticator.partner(authorization: "basic " + Data("jp:s3cret:with colon".utf8).base64EncodedString())?.name == "jp")
    }

    @Test(arguments: [nil, "", "Basic", "Basic !!!", "Bearer abc", "Basic " + Data("no-colon".utf8).base64EncodedString()])
    func malformedHeadersProveNobody(header: String?) async throws {
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: Bcrypt.hash("pw", cost: 4))
        #expect(await try PartnerAuthenticator([partner]).partner(authorization: header) == nil)
    }

    /// F3: an unknown name runs bcrypt once, against the decoy, whose cost is the partners' cost; a known name runs
    /// it once against its own hash. (Timing itself is not asserted: the same work is.)
    @Test func anUnknownNameRunsBcryptAgainstADecoyOfThePartnersCost() async throws {
        let hash = Bcrypt.hash("pw", cost: 5)
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: hash)
        let checked = Mutex<[String]>([])
        let authenticator = try PartnerAuthenticator([partner]) { password, hash in
            checked.withLock { $0.append(hash) }
            return Bcrypt.verify(password, hash: hash)
        }
        #expect(Partner.cost(of: authenticator.decoy) == 5)
        #expect(authenticator.decoy != hash)
        #expect(await authenticator.partner(authorization: basic("nobody:pw")) == nil)
        #expect(checked.withLock { $0 } == [authenticator.decoy])
        #expect(await authenticator.partner(authorization: basic("jp:wrong")) == nil)
        #expect(checked.withLock { $0 } == [authenticator.decoy, hash])
        // The decoy's password was never kept: no password proves the unknown name, not even an empty one.
        #expect(await authenticator.partner(authorization: basic("nobody:")) == nil)
    }

    /// Twenty requests with the same credentials at once (a client opening its connections) run bcrypt once and
    /// all get its answer; so do twenty with the same wrong password.
    @Test func concurrentChecksOfTheSameCredentialsRunBcryptOnce() async throws {
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: Bcrypt.hash("pw", cost: 4))
        let calls = Mutex(0)
        let authenticator = try PartnerAuthenticator([partner]) { password, hash in
            calls.withLock { $0 += 1 }
            Thread.sleep(forTimeInterval: 0.2)  // long enough for every request to arrive while it runs
            return Bcrypt.verify(password, hash: hash)
        }
        for (header, expected) in [(basic("jp:pw"), "jp"), (basic("jp:wrong"), nil)] as [(String, String?)] {
            let names = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<20 { group.addTask { await authenticator.partner(authorization: header)?.name } }
                return await group.reduce(into: []) { $0.append($1) }
            }
            #expect(names == Array(repeating: expected, count: 20))
        }
        #expect(calls.withLock { $0 } == 2)
    }

    /// F3: partners whose hashes differ in cost would let timing tell them apart, so they are refused at start.
    @Test func partnersOfDifferentBcryptCostsAreRefused() throws {
        let partners = [
            try Partner(name: "jp", recipient: "JPN", passwordHash: Bcrypt.hash("a", cost: 4)),
            try Partner(name: "in", recipient: "IND", passwordHash: Bcrypt.hash("b", cost: 5)),
        ]
        #expect(throws: TAXIIConfigurationError.self) { try PartnerAuthenticator(partners) }
        #expect(Partner.cost(of: "$2b$12$" + String(repeating: "a", count: 53)) == 12)
        #expect(Partner.cost(of: "$2b$99$" + String(repeating: "a", count: 53)) == nil)
        #expect(throws: TAXIIConfigurationError.self) {
            try Partner(name: "x", recipient: "JPN", passwordHash: "$2b$ab$" + String(repeating: "a", count: 53))
        }
    }
}
