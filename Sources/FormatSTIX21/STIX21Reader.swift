public import ExportCore
import ExportSharing

/// Reads a STIX 2.1 bundle (or one STIX object) into a ``ThreatReport``.
///
/// Objects exportctl wrote read back exactly (local ids, dates with their precision and inherited
/// markings come from our extensions), so `import(export(M)) == M` but for observables, which STIX gives no
/// extension of ours: their STIX id becomes their local id and their marking their own, and they write back
/// byte-identical. Objects from other producers map by
/// type; their STIX id becomes their local id. Objects the model has no place for are kept verbatim in
/// ``ThreatReport/verbatimObjects``. Invalid objects (per ``STIXBundleValidator``) fail the import with one
/// diagnostic each, unless ``ImportSettings/dropsInvalid`` is set, which drops them and lists their ids. Of several
/// versions of one object (the same id), the latest `modified` is read (``STIXVersions``).
///
/// ```swift
/// let result = STIX21Reader.read(bytes, file: "bundle.json")
/// let report = result.report   // nil when the input has invalid objects
/// ```
public enum STIX21Reader {
    /// Reads a document.
    public static func read(_ bytes: [UInt8], file: String, settings: ImportSettings = .default) -> ImportResult {
        if let (intake, bundleID) = streamedBundle(bytes, file: file, settings: settings) {
            return report(intake, diagnostics: intake.diagnostics, bundleID: bundleID, file: file)
        }
        return readWhole(bytes, file: file, settings: settings)
    }

    /// Reads a document as one tree: what ``streamedBundle(_:file:settings:)`` leaves to it (a syntax error, a
    /// single object, STIX 2.0, a list that is no list, a repeated local id), with every finding placed.
    static func readWhole(_ bytes: [UInt8], file: String, settings: ImportSettings) -> ImportResult {
        var document: LocatedJSON
        do {
            document = try LocatedJSONReader.read(
                bytes, maxDepth: settings.limits.maxDepth, maxStringBytes: settings.limits.maxScalarBytes)
        } catch {
            return ImportResult(report: nil, diagnostics: [
                Diagnostic(.error, error.message, at: SourceLocation(file: file, line: error.line, column: error.column))
            ])
        }
        var diagnostics: [Diagnostic] = []
        let isBundle = document["type"]?.string == "bundle"
        if let stix20 = STIXBundleValidator.stix20Finding(
            document, objects: isBundle ? document["objects"]?.elements ?? [] : [], file: file, verb: "reads")
        {
            guard settings.upgradesSTIX20 else { return ImportResult(report: nil, diagnostics: [stix20]) }
            (document, diagnostics) = STIX20Upgrade.upgrade(document, file: file)
        }
        var objects: [LocatedJSON] = []
        if isBundle {
            if let list = document["objects"], list.elements == nil {
                return ImportResult(report: nil, diagnostics: [
                    Diagnostic(.error, "'objects' must be a list, not \(list.kindName)",
                               at: SourceLocation(file: file, line: list.line, column: list.column))
                ])
            }
            objects = document["objects"]?.elements ?? []
            guard objects.count <= settings.limits.maxObjects else {
                return ImportResult(report: nil, diagnostics: [
                    Diagnostic(
                        .error, "the bundle holds \(objects.count) objects, more than the limit of \(settings.limits.maxObjects)",
                        at: SourceLocation(file: file, line: document.line, column: document.column),
                        hint: "raise it with --max-objects if the file is trusted")
                ])
            }
        } else {
            objects = [document]
        }
        var intake = STIX21ObjectIntake(file: file, settings: settings)
        for object in objects { intake.take(object) }
        diagnostics += intake.diagnostics
        diagnostics += intake.localIDs.repeats(in: objects, file: file)
        return report(intake, diagnostics: diagnostics, bundleID: isBundle ? document["id"]?.string : nil, file: file)
    }

    /// The report from the objects taken in, unless `diagnostics` (the findings so far) hold an error.
    private static func report(
        _ intake: STIX21ObjectIntake, diagnostics: [Diagnostic], bundleID: String?, file: String
    ) -> ImportResult {
        guard !diagnostics.hasErrors else { return ImportResult(report: nil, diagnostics: diagnostics) }
        var diagnostics = diagnostics
        var unresolved = STIXCheck(file: file)
        intake.references.reportUnresolved(check: &unresolved)
        diagnostics += unresolved.diagnostics
        let (current, older) = STIXVersions.latest(intake.kept)
        if older > 0 {
            diagnostics.append(
                Diagnostic(.warning, "read the latest version of each object; \(older) older or repeated version(s) set aside",
                           at: SourceLocation(file: file, line: 1, column: 1),
                           hint: "objects that share an id are versions of one object; the latest 'modified' is current"))
        }
        var mapper = STIXModelMapper(objects: current, bundleID: bundleID)
        guard let report = mapper.report() else {
            diagnostics.append(
                Diagnostic(.error, "the input holds no report and no timestamp to date one", at: SourceLocation(file: file, line: 1, column: 1)))
            return ImportResult(report: nil, diagnostics: diagnostics)
        }
        diagnostics += Self.vendorVariantWarnings(report, markingDefinitions: intake.markingDefinitions, file: file)
        return ImportResult(report: report, diagnostics: diagnostics)
    }

    /// One warning per vendor TLP definition the sharing layer reads as its level (``STIXMarkingReader``), at the
    /// definition (`markingDefinitions`: where each stands in the input).
    private static func vendorVariantWarnings(
        _ report: ThreatReport, markingDefinitions: [String: SourceLocation], file: String
    ) -> [Diagnostic] {
        let variants = report.markingDefinitions.filter { $0.value.variant != nil }
        guard !variants.isEmpty else { return [] }
        return variants.sorted { $0.key < $1.key }.map { id, definition in
            Diagnostic(
                .warning, "\(definition.variant ?? id) is a vendor's TLP definition, not the spec's; read as \(definition.tlp?.label ?? "")",
                at: markingDefinitions[id] ?? SourceLocation(file: file, line: 1, column: 1),
                hint: "the spec's TLP definitions have fixed ids; `validate` reports this one as an error")
        }
    }
}
