public import ExportCore
public import ExportSharing
import ExportXML

/// The formats exportctl knows: the one list the CLI, the readers and `validate` consult.
///
/// Adding a format is a folder `Sources/Format<Name>` declaring a ``FormatDescriptor``, its line in Package.swift's
/// `formats` table, and its import and entry in ``all`` (`Export.swift`; docs/ARCHITECTURE.md lists the steps).
///
/// ```swift
/// let format = FormatRegistry.named("STIX21")            // names are matched without regard to case
/// let reader = FormatRegistry.reader(recognising: InputSample(bytes: bytes))
/// ```
public enum FormatRegistry {
    /// The formats `export --format` writes.
    public static let writable = all.filter { $0.writer != nil }
    /// The formats a report is read from, most specific first (a fallback such as the authoring format last).
    public static let readable = fallbacksLast(all.filter { $0.reader != nil }, by: { $0.reader?.isFallback == true })
    /// The formats `validate` recognises, most specific first.
    public static let validatable = fallbacksLast(all.filter { $0.validator != nil }, by: { $0.validator?.isFallback == true })

    /// The format with this name, in any case (`stix21`, `STIX21`).
    public static func named(_ name: String) -> FormatDescriptor? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted }
    }

    /// The first readable format that recognises a document with this structure.
    public static func reader(recognising sample: InputSample) -> FormatDescriptor? {
        readable.first { $0.reader?.recognises(sample) == true }
    }

    /// The first readable format that recognises these bytes.
    public static func reader(recognising bytes: [UInt8]) -> FormatDescriptor? {
        reader(recognising: InputSample(bytes: bytes))
    }

    /// The first format `validate` recognises a document with this structure as.
    public static func validator(recognising sample: InputSample) -> FormatDescriptor? {
        validatable.first { $0.validator?.recognises(sample) == true }
    }

    /// A validator for any XML against the W3C XML Schema at `path` (a trusted, local file), streaming each
    /// document: `validate --schema`.
    /// - Throws: ``ExportError`` `.io` when the schema cannot be read, `.invalidInput` when it does not compile
    ///   (a failed `xs:import` included).
    public static func xmlSchema(at path: String) throws -> FormatDescriptor {
        let schema = try XMLSchema(path: path)
        let validator = FormatDescriptor.Validator(recognises: { _ in true }) { input, _ in
            try input.validate(against: schema)
        }
        return FormatDescriptor(name: "xsd", fileExtension: "xml", summary: "XML against \(path)", validator: validator)
    }

    private static func fallbacksLast(_ formats: [FormatDescriptor], by isFallback: (FormatDescriptor) -> Bool)
        -> [FormatDescriptor]
    {
        formats.filter { !isFallback($0) } + formats.filter(isFallback)
    }
}
