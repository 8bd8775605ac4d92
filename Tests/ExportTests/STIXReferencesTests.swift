@testable import Export
import Testing

/// The streamed first pass asks for a second one exactly when a reference may not resolve.
struct STIXReferencesTests {
    static let identity = "identity--0b8a5b2c-3b4d-4e5f-8a6b-7c8d9e0f1a2b"
    static let other = "identity--1c9b6c3d-4c5e-4f60-9b7c-8d9e0f1a2b3c"
    static let place = LocatedJSON(kind: .null, line: 1, column: 1)

    @Test func referencesToIdsDeclaredLaterResolveWithoutASecondPass() {
        var references = STIXReferences.streaming()
        references.refer(to: Self.identity, from: "created_by_ref", at: Self.place)
        #expect(references.needsResolvingPass)
        _ = references.declare(Self.identity, modified: nil)
        #expect(!references.needsResolvingPass)
        references.refer(to: Self.identity, from: "created_by_ref", at: Self.place)
        #expect(!references.needsResolvingPass)
    }

    @Test func aReferenceNeverDeclaredNeedsTheSecondPass() {
        var references = STIXReferences.streaming()
        _ = references.declare(Self.identity, modified: nil)
        references.refer(to: Self.other, from: "created_by_ref", at: Self.place)
        #expect(references.needsResolvingPass)
    }

    @Test func tlp1MarkingsNeedNoDeclaration() throws {
        var references = STIXReferences.streaming()
        let tlp = try #require(STIXRequiredProperties.tlp1IDs.first)
        references.refer(to: tlp, from: "object_marking_refs", at: Self.place)
        #expect(!references.needsResolvingPass)
    }

    @Test func tooManyForwardReferencesLeaveItToTheSecondPass() {
        var references = STIXReferences.streaming(maxForward: 2)
        for _ in 0..<3 { references.refer(to: Self.identity, from: "object_refs", at: Self.place) }
        _ = references.declare(Self.identity, modified: nil)
        #expect(references.needsResolvingPass)
        var within = STIXReferences.streaming(maxForward: 2)
        for _ in 0..<2 { within.refer(to: Self.identity, from: "object_refs", at: Self.place) }
        _ = within.declare(Self.identity, modified: nil)
        #expect(!within.needsResolvingPass)
    }

    @Test func theSameIdAndModifiedTwiceIsADuplicate() {
        var references = STIXReferences.streaming()
        let firsts = [
            references.declare(Self.identity, modified: "2024-01-01T00:00:00.000Z"),
            references.declare(Self.identity, modified: "2024-01-02T00:00:00.000Z"),
            references.declare(Self.identity, modified: "2024-01-01T00:00:00.000Z"),
            references.declare(Self.identity, modified: nil),
            references.declare(Self.identity, modified: ""),
        ]
        #expect(firsts == [true, true, false, true, false])
    }
}
