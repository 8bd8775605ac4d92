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
        _ = references.declare(Self.identity, modified: nil, at: Self.place)
        #expect(!references.needsResolvingPass)
        references.refer(to: Self.identity, from: "created_by_ref", at: Self.place)
        #expect(!references.needsResolvingPass)
    }

    @Test func aReferenceNeverDeclaredNeedsTheSecondPass() {
        var references = STIXReferences.streaming()
        _ = references.declare(Self.identity, modified: nil, at: Self.place)
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
        _ = references.declare(Self.identity, modified: nil, at: Self.place)
        #expect(references.needsResolvingPass)
        var within = STIXReferences.streaming(maxForward: 2)
        for _ in 0..<2 { within.refer(to: Self.identity, from: "object_refs", at: Self.place) }
        _ = within.declare(Self.identity, modified: nil, at: Self.place)
        #expect(!within.needsResolvingPass)
    }

    @Test func theSameIdAndModifiedTwiceIsADuplicate() {
        var references = STIXReferences()
        let firsts = [
            references.declare(Self.identity, modified: "2024-01-01T00:00:00.000Z", at: Self.place),
            references.declare(Self.identity, modified: "2024-01-02T00:00:00.000Z", at: Self.place),
            references.declare(Self.identity, modified: "2024-01-01T00:00:00.000Z", at: Self.place),
            references.declare(Self.identity, modified: nil, at: Self.place),
            references.declare(Self.identity, modified: "", at: Self.place),
        ]
        #expect(firsts == [true, true, false, true, false])
    }

    /// A streamed first pass keeps one digest per id: an id declared twice asks for the second pass, which
    /// compares that id's versions and reports the repeated one where it is.
    @Test func streamedRepeatsAreComparedOnTheSecondPass() {
        let versions: [String?] = ["2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z", "2024-01-01T00:00:00.000Z", nil, ""]
        var first = STIXReferences.streaming()
        _ = first.declare(Self.other, modified: nil, at: Self.place)
        #expect(!first.needsResolvingPass)
        for (index, modified) in versions.enumerated() {
            let isNew = first.declare(Self.identity, modified: modified, at: LocatedJSON(kind: .null, line: index + 1, column: 1))
            #expect(isNew)
        }
        #expect(first.needsResolvingPass)
        var second = STIXReferences.resolving(after: first)
        var check = STIXCheck(file: "f")
        _ = second.declare(Self.other, modified: nil, at: Self.place)
        for (index, modified) in versions.enumerated() {
            let isNew = second.declare(Self.identity, modified: modified, at: LocatedJSON(kind: .null, line: index + 1, column: 1))
            #expect(isNew)
            second.reportUnresolved(check: &check)
            second.clearReferences()
        }
        #expect(check.diagnostics.map { $0.location?.line } == [3, 5])
        #expect(check.diagnostics.allSatisfy { $0.message.contains("appears twice with the same 'modified'") })
    }
}
