public import ExportCore

/// Checks STIX 2.1 JSON, whoever wrote it, against the spec's rules and the extensions exportctl knows.
///
/// What it checks: JSON syntax (with line and column), the bundle's shape, each object's required
/// properties, identifiers, timestamps (at least millisecond precision on `created`/`modified`, except a
/// marking definition's `created`, as in stix2-validator),
/// `modified` ≥ `created`, marking and `created_by_ref` references, references that do not resolve inside
/// the bundle (warnings), open vocabularies with Errata 01 (warnings), relationship types (warnings), and
/// the payloads of the TLP 2.0, ISA ACS 3.0, Incident Core v2 and exportctl extensions.
///
/// A STIX 2.0 document (``STIXVersionEvidence``) is one error for the whole file, with no per-object findings.
///
/// Where it is stricter than stix2-validator, on purpose: an object without `spec_version` inside a 2.1 bundle
/// is an error (stix2-validator silently reads it as STIX 2.0), extension payloads are checked, and a
/// marking listed twice in `object_marking_refs` is an error.
///
/// ```swift
/// let findings = STIXBundleValidator.validate(bytes: Array(text.utf8), file: "bundle.json")
/// findings.hasErrors   // false for a valid bundle; warnings do not count unless `strict`
/// ```
public enum STIXBundleValidator {
    /// Checks one document (a bundle or a single STIX object).
    /// - Parameters:
    ///   - strict: report warnings as errors, as `--strict` asks.
    /// - Returns: every finding, in input order.
    public static func validate(bytes: [UInt8], file: String, strict: Bool = false) -> [Diagnostic] {
        var check = STIXCheck(file: file)
        let document: LocatedJSON
        do {
            document = try LocatedJSONReader.read(bytes)
        } catch {
            check.error(error.message, at: error.line, error.column, hint: "STIX 2.1 documents are strict JSON (RFC 8259)")
            return check.diagnostics
        }
        var references = STIXReferences()
        let objects = objects(of: document, check: &check)
        if let stix20 = stix20Finding(document, objects: objects, file: file) {
            return finish(check.diagnostics + [stix20], strict: strict)
        }
        for object in objects {
            STIXObjectRules.check(object, check: &check, references: &references)
        }
        references.reportUnresolved(check: &check)
        return finish(check.diagnostics + STIXLocalIDs.repeats(in: objects, file: file), strict: strict)
    }

    /// Input order (by location, stable), and warnings as errors when `strict`.
    static func finish(_ diagnostics: [Diagnostic], strict: Bool) -> [Diagnostic] {
        let ordered = diagnostics.enumerated().sorted { lhs, rhs in
            let (l, r) = (lhs.element.location, rhs.element.location)
            if let l, let r, l != r { return l < r }
            return lhs.offset < rhs.offset
        }.map(\.element)
        guard strict else { return ordered }
        return ordered.map { finding in
            var finding = finding
            if finding.severity == .warning { finding.severity = .error }
            return finding
        }
    }

    /// Whether the bytes are STIX JSON; see ``recognises(_:)-(InputSample)``.
    public static func recognises(_ bytes: [UInt8]) -> Bool { recognises(InputSample(bytes: bytes)) }

    /// Whether a document is STIX JSON: a top-level object with `"type": "bundle"` or `"id": "bundle--…"`
    /// wherever they stand in it, or a STIX object (a `spec_version` of 2.x and an `id` of the form
    /// `<type>--…`). Only an object too broken to walk to those keys is judged by its first 64 KiB.
    public static func recognises(_ sample: InputSample) -> Bool {
        guard sample.isJSONObject else { return false }
        if sample.isBundle || sample.isSTIXObject { return true }
        guard sample.isBroken else { return false }
        let head = String(decoding: sample.head, as: UTF8.self)
        guard head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" }).first == "{" else { return false }
        let compact = head.filter { !$0.isWhitespace }
        return compact.contains("\"type\":\"bundle\"")
            || (compact.contains("\"spec_version\":\"2.") && compact.contains("\"id\":\"") && compact.contains("--"))
    }

    /// The one finding for a STIX 2.0 document (a bundle by ``STIXVersionEvidence``, or one object saying 2.0),
    /// or `nil` for STIX 2.1.
    static func stix20Finding(_ document: LocatedJSON, objects: [LocatedJSON], file: String, verb: String = "checks")
        -> Diagnostic?
    {
        var evidence = STIXVersionEvidence(file: file)
        guard document["type"]?.string == "bundle" else {
            guard document["spec_version"]?.string == "2.0" else { return nil }
            return singleObject20(document, file: file, verb: verb)
        }
        for member in document.members ?? [] { evidence.note(bundleMember: member) }
        for object in objects { evidence.note(object) }
        return evidence.isSTIX20 ? evidence.diagnostic(verb: verb) : nil
    }

    /// The one finding for a single object (not a bundle) that says `"spec_version": "2.0"`.
    static func singleObject20(_ object: LocatedJSON, file: String, verb: String = "checks") -> Diagnostic {
        Diagnostic(
            .error, "this is a STIX 2.0 object (\"spec_version\": \"2.0\"); exportctl \(verb) STIX 2.1",
            at: SourceLocation(file: file, line: object.line, column: object.column),
            hint: "pass --upgrade to `exportctl export` to read it as STIX 2.1, or convert it first (e.g. with stix2-elevator)")
    }

    private static func objects(of document: LocatedJSON, check: inout STIXCheck) -> [LocatedJSON] {
        guard let members = document.members else {
            check.error("a STIX document is a JSON object, not \(document.kindName)", at: document)
            return []
        }
        guard document["type"]?.string == "bundle" else { return [document] }
        for member in members { checkBundleMember(member, check: &check) }
        if document["id"] == nil { check.error("the bundle has no 'id'", at: document) }
        guard let objects = document["objects"] else { return [] }
        guard let elements = objects.elements else {
            check.error("'objects' must be a list, not \(objects.kindName)", at: objects)
            return []
        }
        return elements
    }

    /// Checks one member of a bundle other than `objects`.
    static func checkBundleMember(_ member: LocatedJSON.Member, check: inout STIXCheck) {
        switch member.key {
        case "type", "objects": return
        case "id":
            let id = member.value.string ?? ""
            if !STIXSyntax.isIdentifier(id) || STIXSyntax.type(ofIdentifier: id) != "bundle" {
                check.error("the bundle's id '\(id)' is not 'bundle--<UUID>'", at: member.value)
            }
        case "spec_version":
            // "2.0" makes the whole file one finding (``STIXVersionEvidence``), reported by the caller.
            if member.value.string != "2.0" {
                check.warning(
                    "a STIX 2.1 bundle has no 'spec_version'", at: member.line, member.column,
                    hint: "remove it: python-stix2 reads a bundle with spec_version as STIX 2.0")
            }
        default:
            check.warning("a bundle has only 'type', 'id' and 'objects', not '\(member.key)'", at: member.line, member.column)
        }
    }
}
