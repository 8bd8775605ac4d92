import Foundation
import HummingbirdBcrypt
import Testing

@testable import TAXIIServer

/// HTTP Basic against bcrypt hashes: only the right name and password pass, however often they are tried.
struct PartnerAuthenticatorTests {
    private func basic(_ text: String) -> String { "Basic " + Data(text.utf8).base64EncodedString() }

    @Test func onlyTheRightPasswordPassesFirstAndEveryTimeAfter() async throws {
        let partner = try Partner(name: "jp", recipient: "JPN", passwordHash: Bcrypt.hash("s3cret:with colon", cost: 4))
        let authenticator = PartnerAuthenticator([partner])
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
        #expect(await PartnerAuthenticator([partner]).partner(authorization: header) == nil)
    }
}
