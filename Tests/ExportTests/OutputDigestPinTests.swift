import Export
import ExportDevSupport
import ExportTestSupport
import Testing

/// Pins the bytes of every format's export of a generated corpus by their SHA-256 (issue 20).
///
/// READ THIS BEFORE CHANGING A DIGEST. These constants are what proves that a speed change changed nothing: a
/// commit that makes exportctl faster must never update them. If one fails after a speed change, the change is
/// wrong, not the digest. Only a commit that changes the output on purpose updates a digest, and its message
/// says which format changed, how, and why.
///
/// The path is the CLI's: the corpus as authoring JSON, read back by the format that recognises it, written
/// for everyone (`export --format F`), and the STIX 2.1 bundle read back and written again (the re-export).
/// Output validation is off: it checks the bytes, it does not change them.
struct OutputDigestPinTests {
    /// Small enough for debug tests, large enough to hold every kind of object the generator makes.
    static let corpus = CorpusGenerator(objects: 600, seed: 20)

    static let pinned: [String: String] = [
        "stix21": "baf1e13ab37202972c3caf0965bfc4ea53af25372d4f698cf36dc46af661a2dc",
        "stix12": "f8103520a3071b3f6683002c505ea50253cf3ddf6efa54212210f6082e38bcf0",
        "misp": "2cc1f4fa52da92fb436cfe07edcac7be147fbf20e7f99a6a97946197c632884a",
        "report-xml": "ad241f10a0120e1efbd68037330244c881e79892172cb6d908dbea424959f7c9",
        "report-json": "ab406637dc2dbd61e1229e1729ce49873a9119753c9e8ee1f87901d78f95aac5",
    ]
    static let pinnedReexport = "baf1e13ab37202972c3caf0965bfc4ea53af25372d4f698cf36dc46af661a2dc"

    @Test(arguments: ["stix21", "stix12", "misp", "report-xml", "report-json"])
    func exportOfTheGeneratedCorpusIsPinned(format: String) throws {
        let report = try Self.read(Self.corpus.report().authoringJSONBytes(), file: "corpus.json")
        let bytes = try Self.export(report, as: format)
        #expect(
            SHA256Hex.digest(bytes) == Self.pinned[format],
            "the \(format) export changed: a speed commit must not change output (see the comment on this type)")
    }

    @Test func reexportOfTheGeneratedBundleIsPinned() throws {
        let report = try Self.read(Self.corpus.report().authoringJSONBytes(), file: "corpus.json")
        let bundle = try Self.export(report, as: "stix21")
        let bytes = try Self.export(try Self.read(bundle, file: "bundle.json"), as: "stix21")
        #expect(
            SHA256Hex.digest(bytes) == Self.pinnedReexport,
            "the STIX 2.1 re-export changed: a speed commit must not change output (see the comment on this type)")
    }

    /// Reads `bytes` as exportctl does: the format that recognises them, no finding that is an error.
    static func read(_ bytes: [UInt8], file: String) throws -> ThreatReport {
        let reader = try #require(FormatRegistry.reader(recognising: bytes)?.reader)
        let result = reader.read(bytes, file, .default)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.prefix(3))")
        return try #require(result.report)
    }

    static func export(_ report: ThreatReport, as format: String) throws -> [UInt8] {
        let writer = try #require(FormatRegistry.named(format)?.writer)
        var options = FormatOptions.default
        options.validatesOutput = false
        var sink: any ByteSink = MemorySink()
        _ = try writer.write(ReleasedReport(everythingIn: report), options: options, to: &sink)
        return try #require(sink as? MemorySink).bytes
    }
}

extension ThreatReport {
    fileprivate func authoringJSONBytes() throws -> [UInt8] {
        var sink = MemorySink()
        try writeAuthoringJSON(to: &sink)
        return sink.bytes
    }
}
