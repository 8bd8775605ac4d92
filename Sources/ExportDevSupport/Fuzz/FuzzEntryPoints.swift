public import Export

/// What each libFuzzer target in `Fuzz/` does with one input, kept in the library so the regression tests in
/// the main suite feed saved inputs to exactly the code the fuzzer ran.
///
/// Each entry point takes untrusted bytes, must return (no trap, no hang) and reports nothing: a finding is a
/// crash, a sanitizer report or a timeout in the fuzzer, or a failing test here.
///
/// ```swift
/// FuzzEntryPoints.authoring(Array(try Data(contentsOf: url)))   // what `Fuzz/run.sh authoring` runs per input
/// ```
public enum FuzzEntryPoints {
    /// The authoring reader (YAML and JSON), which also runs ``ReportChecks`` on what it builds.
    @discardableResult
    public static func authoring(_ bytes: [UInt8]) -> ImportResult {
        AuthoringReader.read(bytes, file: "fuzz.yaml", settings: .default)
    }

    /// Report XML: the reader `export`/`plan` use, then the streaming XSD validation `exportctl validate` uses.
    public static func reportXML(_ bytes: [UInt8]) {
        _ = ReportXMLReader.read(bytes, file: "fuzz.xml", settings: .default)
        _ = try? FormatDescriptor.reportXML.validator?.validate(.bytes(bytes, name: "fuzz.xml"), .default)
    }

    /// STIX 2.1 JSON, as `exportctl export bundle.json` and `exportctl validate` take it from a partner: the reader,
    /// then every writer on the report it built (as `export` would go on), then the validator both ways it runs —
    /// in memory (standard input) and streamed from a file, which has its own scanner for the bundle's outer structure.
    public static func stix21(_ bytes: [UInt8]) {
        let result = STIX21Reader.read(bytes, file: "fuzz.json", settings: .default)
        if let report = result.report, !result.diagnostics.hasErrors {
            writeEveryFormat(ReleasedReport(everythingIn: report))
        }
        _ = try? FormatDescriptor.stix21.validator?.validate(.bytes(bytes, name: "fuzz.json"), .default)
        _ = FuzzScratchFile.with(bytes) { path in try? FormatDescriptor.stix21.validator?.validate(.file(path), .default) }
    }

    /// Every export format into memory; the XSD check of our own output is skipped (it is libxml2 on our bytes,
    /// and the STIX 1.2 schemas are not part of the repository).
    static func writeEveryFormat(_ view: ReleasedReport) {
        var options = FormatOptions.default
        options.validatesOutput = false
        for writer in FormatRegistry.writable.compactMap(\.writer) {
            var sink: any ByteSink = MemorySink()
            _ = try? writer.write(view, options: options, to: &sink)
        }
    }

    /// The model checks and the sharing policy on whatever the authoring reader (or, failing it, the STIX 2.1
    /// reader: imported bundles, with their verbatim objects, markings and granular markings) accepted: every
    /// recipient the report names (each country and actor, capped), with and without redaction. A withheld
    /// imported object whose id reaches the recipient's STIX 2.1 bytes is a finding (a trap).
    public static func sharing(_ bytes: [UInt8]) {
        guard let report = authoring(bytes).report ?? STIX21Reader.read(bytes, file: "fuzz.json", settings: .default).report else { return }
        _ = ReportChecks.check(report)
        let names = Set(report.actors.prefix(8).flatMap { [$0.id, $0.country?.alpha3].compactMap { $0 } })
        for name in names.sorted() {
            guard let recipient = try? Recipient.resolve(name, in: report) else { continue }
            let plan = SharingPolicy().plan(report, for: recipient)
            _ = try? SharingPolicy().view(report, for: recipient)
            expectNoWithheldImportedID(report, plan: plan, recipient: recipient)
            _ = try? SharingPolicy(redactsWithheldNames: true).view(report, for: recipient)
        }
        for partnership in report.partnerships.prefix(2) {
            _ = try? Recipient.members(of: partnership.id, in: report)
        }
    }
}

extension FuzzEntryPoints {
    /// The sharing guarantee on imported content, as the fuzzer can check it: no STIX id the plan withholds
    /// appears in the recipient's STIX 2.1 bytes.
    static func expectNoWithheldImportedID(_ report: ThreatReport, plan: SharingPlan, recipient: Recipient) {
        let withheld = plan.withheld.filter { $0.kind.hasPrefix("imported ") && $0.id.contains("--") }.map(\.id)
        guard !withheld.isEmpty, let view = try? SharingPolicy(redactsWithheldNames: true).view(report, for: recipient).view
        else { return }
        var sink = MemorySink()
        guard (try? STIX21Writer().write(view, options: .default, to: &sink)) != nil else { return }
        let output = sink.string
        for id in withheld where output.contains("\"" + id + "\"") {
            preconditionFailure("withheld imported object \(id) reaches \(recipient.fileStem)")
        }
    }
}
