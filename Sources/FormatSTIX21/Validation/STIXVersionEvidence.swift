package import ExportCore

/// What a bundle shows of its STIX version, gathered member by member and object by object as it streams past,
/// so that a STIX 2.0 bundle gets one finding for the whole file wherever its keys stand.
///
/// A bundle is STIX 2.0 when the bundle itself says `"spec_version": "2.0"`, or when no object says `2.1` and at
/// least one reads as 2.0: `"spec_version": "2.0"`, or none on an object other than a cyber observable (STIX 2.1
/// §3.2: "If objects are found where this property is not present, the implicit value for all STIX Objects other
/// than SCOs is 2.0"). One 2.1 object makes it a 2.1 bundle, whose other objects without `spec_version` are
/// invalid 2.1 objects, each reported.
///
/// ```swift
/// var evidence = STIXVersionEvidence()
/// for object in objects { evidence.note(object) }
/// if evidence.isSTIX20 { findings = [evidence.diagnostic(file: "old.json")] }
/// ```
package struct STIXVersionEvidence: Sendable {
    /// How one object reads.
    package enum Reading: Sendable { case stix21, stix20, neutral }

    /// Where the bundle says `"spec_version": "2.0"`.
    package private(set) var bundleSays20: SourceLocation?
    /// The first object that reads as STIX 2.0, with its label for the message.
    package private(set) var first20: (at: SourceLocation, label: String, hasVersion: Bool)?
    /// Whether an object says `"spec_version": "2.1"`.
    package private(set) var hasSTIX21Object = false
    /// How many objects read as STIX 2.0.
    package private(set) var stix20Objects = 0
    private let file: String

    /// Starts with nothing seen, for findings located in `file`.
    package init(file: String) { self.file = file }

    /// Whether the bundle is STIX 2.0 by what was seen.
    package var isSTIX20: Bool { bundleSays20 != nil || (!hasSTIX21Object && first20 != nil) }

    /// Notes a member of the bundle (other than `objects`).
    package mutating func note(bundleMember member: LocatedJSON.Member) {
        if member.key == "spec_version", member.value.string == "2.0" {
            bundleSays20 = SourceLocation(file: file, line: member.line, column: member.column)
        }
    }

    /// Notes one element of `objects` and says how it reads.
    @discardableResult
    package mutating func note(_ object: LocatedJSON) -> Reading {
        let reading = Self.reading(of: object)
        switch reading {
        case .stix21: hasSTIX21Object = true
        case .stix20:
            stix20Objects += 1
            if first20 == nil {
                let label = object["id"]?.string ?? object["type"]?.string ?? "an object"
                first20 = (SourceLocation(file: file, line: object.line, column: object.column), label, object["spec_version"] != nil)
            }
        case .neutral: break
        }
        return reading
    }

    /// How one object reads: `2.1` or `2.0` by its `spec_version`; without one, 2.0 unless it is a cyber
    /// observable (2.1 SCOs may leave it out); anything else (no object, no type, another value) neutral.
    package static func reading(of object: LocatedJSON) -> Reading {
        guard let type = object["type"]?.string else { return .neutral }
        guard let version = object["spec_version"] else {
            return STIXRequiredProperties.kinds[type]?.category == .observable ? .neutral : .stix20
        }
        switch version.string {
        case "2.1": return .stix21
        case "2.0": return .stix20
        default: return .neutral
        }
    }

    /// The one finding for a STIX 2.0 bundle: at the bundle's `spec_version` when it has one, else at the first
    /// object that shows it.
    /// - Parameter verb: what exportctl does with STIX 2.1 here ("checks", "reads").
    package func diagnostic(verb: String = "checks") -> Diagnostic {
        let hint = "pass --upgrade to `exportctl export` to read it as STIX 2.1 (each change listed), or convert it first (e.g. with stix2-elevator)"
        if let bundleSays20 {
            return Diagnostic(
                .error, "this is a STIX 2.0 bundle (\"spec_version\": \"2.0\"); exportctl \(verb) STIX 2.1", at: bundleSays20,
                hint: hint)
        }
        let place = first20?.at ?? SourceLocation(file: file, line: 1, column: 1)
        let label = first20?.label ?? "an object"
        let why = first20?.hasVersion == true
            ? "\(label) says \"spec_version\": \"2.0\""
            : "\(label) has no 'spec_version', which makes it STIX 2.0 (STIX 2.1 §3.2)"
        return Diagnostic(
            .error,
            "this is a STIX 2.0 bundle: no object says \"spec_version\": \"2.1\", and \(why); exportctl \(verb) STIX 2.1",
            at: place, hint: hint)
    }
}
