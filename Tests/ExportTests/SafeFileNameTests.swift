import Export
import Testing

/// Names made from ids stay one plain, bounded, unique component of their folder.
struct SafeFileNameTests {
    static let hostile = [
        "../../escaped", "/etc/passwd", "a/b", "a\u{0}b", ".", "..", "con", "CON.json", "lpt1", "-rf", ".hidden",
        String(repeating: "x", count: 300), "", "naïve", "a b\tc\n", "..\\..\\windows",
    ]

    @Test(arguments: hostile)
    func hostileIDBecomesOneSafeComponent(_ id: String) throws {
        let stem = SafeFileName.stem(id)
        #expect(SafeFileName.isSingleComponent(stem))
        #expect(stem.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || "0123456789._-".unicodeScalars.contains($0)) })
        #expect(!stem.hasPrefix(".") && !stem.hasPrefix("-"))
        #expect(stem.utf8.count <= SafeFileName.maximumStemLength + 9)
        #expect(!["con", "lpt1"].contains(stem.lowercased().split(separator: ".").first.map(String.init) ?? ""))
        #expect(stem != id, "every one of these needed a change, so it carries the hash")
        #expect(SafeFileName.stem(id) == stem, "the same id always gives the same name")
    }

    @Test func safeIDsAreKept() {
        for id in ["IND", "csis", "five-eyes", "a_b.c", "all"] { #expect(SafeFileName.stem(id) == id) }
    }

    @Test func idsThatReduceAlikeStillGetDifferentNames() {
        #expect(SafeFileName.stem("a/b") != SafeFileName.stem("a\u{0}b"))
        #expect(SafeFileName.stem(String(repeating: "x", count: 300)) != SafeFileName.stem(String(repeating: "x", count: 301)))
        var names = UniqueFileNames()
        let first = names.name(for: "IND", extension: "json")
        let second = names.name(for: "IND", extension: "json")
        let third = names.name(for: "ind", extension: "json")
        #expect(first == "IND.json")
        #expect(Set([first, second, third]).count == 3, "a case-insensitive file system must not merge them either")
    }

    @Test func pathRefusesAnythingButOneComponent() throws {
        #expect(try SafeFileName.path(in: "out", name: "IND.json") == "out/IND.json")
        for name in ["..", ".", "a/b", "", "a\u{0}b"] {
            #expect(throws: ExportError.self) { try SafeFileName.path(in: "out", name: name) }
        }
    }
}
