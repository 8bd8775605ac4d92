@testable import Export
import Testing

/// Model checks report a path; ``AuthoringPath`` finds the line and column in the document's tree.
struct AuthoringPathTests {
    static let document = """
        title: t
        actors:
          - id: a
            sponsored_by:
              - b
              - ref: c
                marking:
                  tlp: green
                  releasable_to: [X, Y]
          - id: d
            sources: null
        partnerships:
          - id: p
            members:
              - member: a
                role: lead
              - a
        """

    func place(_ path: String) throws -> String {
        var composer = YAMLComposer(file: "t.yaml", limits: .default)
        let composed = composer.compose(Array(Self.document.utf8))
        let root = try #require(composed)
        let node = AuthoringPath(path).node(in: root)
        return "\(node.line):\(node.column)"
    }

    @Test func parsesKeysAndIndices() {
        #expect(AuthoringPath("actors[0].sponsored_by[12].marking").steps
            == [.key("actors"), .index(0), .key("sponsored_by"), .index(12), .key("marking")])
        #expect(AuthoringPath("").steps.isEmpty)
        #expect(AuthoringPath("a[x]").steps == [.key("a")], "a malformed index ends the path")
    }

    @Test func findsValuesAndElements() throws {
        #expect(try place("") == "1:1")
        #expect(try place("title") == "1:8")
        #expect(try place("actors[0]") == "3:5")
        #expect(try place("actors[0].sponsored_by[0]") == "5:9")
        #expect(try place("actors[0].sponsored_by[1].marking.tlp") == "8:16")
        #expect(try place("actors[0].sponsored_by[1].marking.releasable_to[1]") == "9:30")
        #expect(try place("actors[1]") == "10:5")
    }

    @Test func aLinkOrMembershipMappingStandsForItsReference() throws {
        #expect(try place("actors[0].sponsored_by[1]") == "6:14", "the ref's value, not the mapping")
        #expect(try place("partnerships[0].members[0]") == "15:17", "the member's value")
        #expect(try place("partnerships[0].members[1]") == "17:9", "a bare member is itself")
        #expect(try place("partnerships[0].members[0].role") == "16:15")
    }

    @Test func pathsLeavingTheDocumentStopAtTheDeepestNode() throws {
        #expect(try place("actors[0].sponsored_by[1].description") == "6:14")
        #expect(try place("actors[1].sources[0]") == "11:14", "a null where a list belongs")
        #expect(try place("actors[7].sources[0]") == "3:3", "past the end: the list")
        #expect(try place("nothing.here") == "1:1")
        #expect(try place("title[0]") == "1:8", "an index into a scalar")
    }

    @Test func theLastOfARepeatedKeyIsTheOneRead() throws {
        var composer = YAMLComposer(file: "t.yaml", limits: .default)
        let root = composer.compose(Array("a: 1\nb: 2\n".utf8))
        let node = try #require(root)
        #expect(AuthoringPath("b").node(in: node).line == 2)
    }
}
