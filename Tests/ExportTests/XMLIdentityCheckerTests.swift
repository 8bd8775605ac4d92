@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// The streamed identity check (the schema without its keys, plus `XMLIdentityChecker`) against libxml2's
/// whole-schema tree validation and xmllint: same verdict, and the same line and words for every key finding.
struct XMLIdentityCheckerTests {
    enum Mutation: String, CaseIterable, Sendable {
        case none, danglingLink, danglingMember, danglingSource, danglingParty, duplicateObject, duplicateSource
        case danglingIndicates, danglingBasedOn, danglingUses, danglingInvolves, duplicateAcrossKinds
        case ampersandID, ampersandAsCharacterReference, ampersandMismatch

        var isValid: Bool { [.none, .ampersandID, .ampersandAsCharacterReference].contains(self) }
    }

    private func everything() throws -> String {
        var sink = MemorySink()
        let view = ReleasedReport(everythingIn: try HandBuiltReports.everythingWithDetection())
        _ = try ReportXMLWriter().write(view, options: .init(validates: false), to: &sink)
        return sink.string
    }

    /// The value of the first `prefix"…"` in `text`, and where it stands.
    private func firstValue(after prefix: String, in text: String) throws -> (String, Range<String.Index>) {
        let start = try #require(text.range(of: prefix), "no \(prefix) in the document")
        let end = try #require(text[start.upperBound...].firstIndex(where: { $0 == "\"" || $0 == "<" }))
        return (String(text[start.upperBound..<end]), start.upperBound..<end)
    }

    private func mutate(_ text: String, _ mutation: Mutation) throws -> String {
        var text = text
        switch mutation {
        case .none: break
        case .danglingLink, .danglingMember, .danglingSource, .danglingParty, .danglingIndicates, .danglingBasedOn,
            .danglingUses, .danglingInvolves:
            let prefixes: [Mutation: String] = [
                .danglingLink: "<attributedTo ref=\"", .danglingMember: "<member ref=\"", .danglingSource: "<sourceRef ref=\"",
                .danglingParty: "<party>", .danglingIndicates: "<indicates ref=\"", .danglingBasedOn: "<basedOn ref=\"",
                .danglingUses: "<usedBy ref=\"", .danglingInvolves: "<involvedIn ref=\"",
            ]
            let prefix = try #require(prefixes[mutation])
            text.replaceSubrange(try firstValue(after: prefix, in: text).1, with: "nowhere")
        case .duplicateObject:
            let (first, _) = try firstValue(after: "<actor id=\"", in: text)
            let after = try #require(text.range(of: "<actor id=\"")).upperBound
            let second = try firstValue(after: "<actor id=\"", in: String(text[after...]))
            text = text.replacingOccurrences(of: "<actor id=\"\(second.0)\"", with: "<actor id=\"\(first)\"")
        case .duplicateAcrossKinds:
            // Nine kinds share one id space: a tool may not take an actor's id.
            let (actor, _) = try firstValue(after: "<actor id=\"", in: text)
            let (tool, _) = try firstValue(after: "<tool id=\"", in: text)
            text = text.replacingOccurrences(of: "<tool id=\"\(tool)\"", with: "<tool id=\"\(actor)\"")
        case .duplicateSource:
            let (first, _) = try firstValue(after: "<source id=\"", in: text)
            let after = try #require(text.range(of: "<source id=\"")).upperBound
            let second = try firstValue(after: "<source id=\"", in: String(text[after...]))
            text = text.replacingOccurrences(of: "<source id=\"\(second.0)\"", with: "<source id=\"\(first)\"")
        case .ampersandID, .ampersandAsCharacterReference, .ampersandMismatch:
            // Rename an actor everywhere; references spell the `&` as the key does, as `&#38;`, or differently.
            let (id, _) = try firstValue(after: "<actor id=\"", in: text)
            let spellings: [Mutation: String] = [.ampersandID: "&amp;", .ampersandAsCharacterReference: "&#38;", .ampersandMismatch: "&amp;x"]
            let reference = try #require(spellings[mutation])
            text = text.replacingOccurrences(of: "ref=\"\(id)\"", with: "ref=\"\(id)\(reference)1\"")
                .replacingOccurrences(of: ">\(id)</party>", with: ">\(id)\(reference)1</party>")
                .replacingOccurrences(of: "<actor id=\"\(id)\"", with: "<actor id=\"\(id)&amp;1\"")
            #expect(text.contains("ref=\"\(id)\(reference)1\"") || text.contains(">\(id)\(reference)1</party>"), "\(id) is never referenced")
        }
        return text
    }

    private func keyFindings(_ findings: [Diagnostic]) -> [String] {
        findings.filter { $0.message.contains("key-sequence") || $0.message.contains("identity-constraint") }
            .map { "\($0.location?.line ?? 0): \($0.message)" }
    }

    @Test(arguments: Mutation.allCases)
    func streamAgreesWithTreeAndXmllint(_ mutation: Mutation) throws {
        let schema = try ReportXMLSchema.shared()
        let plan = try #require(schema.streamingPlan)
        #expect(plan.constraints.map(\.kind) == [.key, .key] + Array(repeating: .keyref, count: 8))
        let text = try mutate(try everything(), mutation)
        let bytes = Array(text.utf8)
        let tree = XMLValidation.validate(bytes, file: "d.xml", against: schema)  // small: the tree, the whole schema
        let stream = XMLStreamValidator.validate(bytes, file: "d.xml", against: schema)
        #expect(tree.hasErrors == !mutation.isValid, "\(tree)")
        #expect(stream.hasErrors == !mutation.isValid, "\(stream)")
        #expect(keyFindings(stream) == keyFindings(tree))
        if !mutation.isValid { #expect(!keyFindings(stream).isEmpty) }

        let directory = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("d.xml")
        try Data(bytes).write(to: file)
        let xsd = RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd").path
        let xmllint = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", xsd, file.path])
        #expect((xmllint.status == 0) == mutation.isValid, "\(xmllint.errors.prefix(400))")
    }
}
