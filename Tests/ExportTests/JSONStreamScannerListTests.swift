@testable import Export
import Foundation
import Testing

/// Streaming `object_refs` element by element gives what reading each object whole gives: the same
/// members, values and positions once the elements are put back, or the same first syntax error, on a
/// bundle and on thousands of damaged copies of it.
struct JSONStreamScannerListTests {
    typealias SyntaxError = LocatedJSONReader.SyntaxError

    enum Outcome: Equatable {
        case member(LocatedJSON.Member)
        case object(Result<LocatedJSON, SyntaxError>)
        case thrown(SyntaxError)
    }

    /// Report-shaped objects with the list first, in the middle and last, empty, on one line and on several,
    /// after a non-ASCII key (columns count scalars), with a nested `object_refs` that is not streamed, and
    /// an escaped key that is not the watched one.
    static let bundle = """
        {
          "type": "bundle",
          "id": "bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c",
          "objects": [
            {"type": "identity", "name": "Ré", "object_refs": ["identity--a"]},
            {
              "type": "report", "naïve": "é", "object_refs": [
                "identity--a",
                "identity--b", {"x": [1, 2.5e3, null]}, "é"
              ], "name": "R", "published": "2020-01-01T00:00:00Z",
              "extra": {"object_refs": [1, 2]}
            },
            {"object_refs": [], "type": "x"},
            {"object\\u005frefs": ["a", "b"], "type": "y"},
            {"object_refs" : [ true ,false ] , "object_refs": []}
          ]
        }

        """

    /// Every damaged copy: each prefix, each byte removed, and each byte replaced by a structural character;
    /// and a byte-order mark before the document (allowed) and before each value inside it (an error).
    static func damagedCopies(of text: String) -> [[UInt8]] {
        let bytes = Array(text.utf8)
        var copies: [[UInt8]] = [bytes, [0xEF, 0xBB, 0xBF] + bytes]
        for marker in ["{\"type\"", "\"bundle\"", "{\n", "\"identity--b\"", "[\n", "\"R\""] {
            if let range = text.range(of: marker) {
                let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
                copies.append(Array(bytes[..<offset]) + [0xEF, 0xBB, 0xBF] + Array(bytes[offset...]))
            }
        }
        for index in bytes.indices {
            copies.append(Array(bytes[..<index]))
            var removed = bytes
            removed.remove(at: index)
            copies.append(removed)
            for replacement in ",]}[{\":x \n".utf8 where replacement != bytes[index] {
                var replaced = bytes
                replaced[index] = replacement
                copies.append(replaced)
            }
        }
        return copies
    }

    @Test func streamedListsReadAsTheWholeObjectWould() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-lists-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input.json")
        let copies = Self.damagedCopies(of: Self.bundle)
        #expect(copies.count > 5_000)
        for copy in copies {
            try Data(copy).write(to: file)
            let whole = try Self.scan(file, streamsLists: false)
            let (streamed, _) = try Self.scanPuttingElementsBack(file)
            #expect(streamed == whole, "\(String(decoding: copy, as: UTF8.self))")
            // And the first syntax error is the one a reader of the whole document meets first (for a
            // document that is an object: of anything else the scanner says it is no STIX document).
            guard copy.drop(while: { [0x20, 0x0A, 0xEF, 0xBB, 0xBF].contains($0) }).first == UInt8(ascii: "{") else { continue }
            let reader: SyntaxError?
            do {
                _ = try LocatedJSONReader.read(copy)
                reader = nil
            } catch {
                reader = error
            }
            let scanner = streamed.lazy.compactMap { outcome -> SyntaxError? in
                switch outcome {
                case .object(.failure(let error)), .thrown(let error): error
                default: nil
                }
            }.first
            #expect(scanner == reader, "\(String(decoding: copy, as: UTF8.self))")
            if streamed != whole || scanner != reader { break }
        }
        // The intact bundle: the report's list came out element by element.
        try Data(Self.bundle.utf8).write(to: file)
        #expect(try Self.scanPuttingElementsBack(file).handedOut == 4)
    }

    @Test func nestingBoundCountsAsIfTheObjectWereReadWhole() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-depth-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("input.json")
        let limit = InputLimits.default.maxDepth
        // The object and its list count two levels: elements nested up to the bound, and one past it.
        for depth in [limit - 3, limit - 2, limit - 1] {
            let element = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let text = #"{"objects": [{"object_refs": ["a", "# + element + "]}]}"
            try Data(text.utf8).write(to: file)
            let whole = try Self.scan(file, streamsLists: false)
            let (streamed, _) = try Self.scanPuttingElementsBack(file)
            #expect(streamed == whole, "depth \(depth)")
        }
    }

    /// The scan's outcomes, each object as the scanner gives it.
    static func scan(_ file: URL, streamsLists: Bool) throws -> [Outcome] {
        try scan(file, streamsLists: streamsLists) { _ in }
    }

    /// The streamed scan's outcomes with each object's handed-out elements put back after the first, and
    /// how many elements were handed out.
    static func scanPuttingElementsBack(_ file: URL) throws -> (outcomes: [Outcome], handedOut: Int) {
        var count = 0
        let outcomes = try scan(file, streamsLists: true) { _ in count += 1 }
        return (outcomes, count)
    }

    private static func scan(_ file: URL, streamsLists: Bool, counting: (LocatedJSON) -> Void) throws -> [Outcome] {
        let source = try FileByteSource(path: file.path)
        var scanner = JSONStreamScanner(source: source, limits: .default, streamsLists: streamsLists)
        var outcomes: [Outcome] = []
        var elements: [LocatedJSON] = []
        do {
            _ = try scanner.scan { item in
                switch item {
                case .member(let member): outcomes.append(.member(member))
                case .listElement(let property, let element):
                    #expect(property == "object_refs")
                    counting(element)
                    elements.append(element)
                case .object(let result):
                    outcomes.append(.object(result.map { putBack(elements, into: $0) }))
                    elements = []
                }
            }
        } catch let error as SyntaxError {
            outcomes.append(.thrown(error))
        }
        return outcomes
    }

    /// The object with `elements` appended to its `object_refs` list (an extra member when it has none,
    /// so a lost element shows as a difference).
    static func putBack(_ elements: [LocatedJSON], into object: LocatedJSON) -> LocatedJSON {
        guard !elements.isEmpty, var members = object.members else { return object }
        guard let index = members.firstIndex(where: { $0.key == "object_refs" }),
            let kept = members[index].value.elements
        else {
            members.append(.init(key: "lost elements", line: 0, column: 0, value: .init(kind: .array(elements), line: 0, column: 0)))
            return LocatedJSON(kind: .object(members), line: object.line, column: object.column)
        }
        members[index].value.kind = .array(kept + elements)
        return LocatedJSON(kind: .object(members), line: object.line, column: object.column)
    }
}
