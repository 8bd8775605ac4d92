@testable import Export
import Testing

/// Which MISP audience covers which, and what a link between two audiences reaches.
struct MISPAudienceTests {
    static func group(_ name: String, _ members: [String]) -> MISPAudience {
        .group(
            MISPSharingGroup(
                uuid: name, name: name, releasability: "REL TO \(name)",
                members: members.map { MISPSharingGroup.Organisation(uuid: $0, name: $0) }))
    }

    static let fvey = group("fvey", ["us", "uk", "ca", "au", "nz"])
    static let usUK = group("us-uk", ["us", "uk"])
    static let usIndia = group("us-in", ["us", "in"])

    @Test func aChildInheritsOnlyWhenItReachesEveryoneItsEventReaches() {
        #expect(MISPAudience.everyone.covers(Self.fvey))
        #expect(MISPAudience.community.covers(Self.fvey))
        #expect(Self.fvey.covers(Self.usUK))
        #expect(Self.fvey.covers(.organisation))
        #expect(!Self.usUK.covers(Self.fvey))
        #expect(!Self.usUK.covers(.community))
        #expect(!MISPAudience.organisation.covers(.community))
        #expect(!MISPAudience.community.covers(.everyone))
    }

    @Test func aLinkReachesOnlyThoseWhoSeeBothEnds() {
        #expect(MISPAudience.everyone.intersection(.community) == .community)
        #expect(MISPAudience.everyone.intersection(Self.fvey) == Self.fvey)
        #expect(MISPAudience.organisation.intersection(Self.fvey) == .organisation)
        #expect(Self.fvey.intersection(Self.usUK) == Self.usUK)
        let both = Self.fvey.intersection(Self.usIndia).sharingGroup
        #expect(both?.members.map(\.uuid) == ["us"])
        #expect(both?.releasability.isEmpty == false)
    }

    @Test func distributionLevelsAreMISPs() {
        #expect([MISPAudience.organisation, .community, .everyone, Self.fvey].map(\.distribution) == [0, 1, 3, 4])
    }
}
