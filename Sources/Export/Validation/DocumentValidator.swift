/// One kind of document `exportctl validate` can check, registered by one line in ``all``.
///
/// Formats are recognised from a document's structure (``InputSample``: top-level keys, the root element's
/// namespace), in ``all``'s order. STIX 1.2 XML and STIX 2.1 JSON register here from their own format folders.
///
/// ```swift
/// let validator = DocumentValidator.recognising(sample) ?? DocumentValidator.named("report-xml")
/// let findings = try validator?.validate(.file("report.xml"))
/// ```
public struct DocumentValidator: Sendable {
    /// The name used with `--input-format` and in reports (`report-xml`).
    public let name: String
    /// Whether a document with this structure is of this kind.
    public let recognises: @Sendable (_ sample: InputSample) -> Bool
    /// Checks one document and returns every finding (an empty list means valid).
    public let validate: @Sendable (_ input: ValidationInput) throws -> [Diagnostic]

    /// Registers a validator.
    public init(
        name: String, recognises: @escaping @Sendable (InputSample) -> Bool,
        validate: @escaping @Sendable (ValidationInput) throws -> [Diagnostic]
    ) {
        self.name = name
        self.recognises = recognises
        self.validate = validate
    }

    /// Every validator, most specific first.
    public static let all: [DocumentValidator] = [
        .reportXML,
        .stix12,
        .stix21,
        .authoring,
    ]

    /// The validator with this name.
    public static func named(_ name: String) -> DocumentValidator? { all.first { $0.name == name } }

    /// The first validator that recognises a document with this structure.
    public static func recognising(_ sample: InputSample) -> DocumentValidator? { all.first { $0.recognises(sample) } }

    /// A validator for any XML against the W3C XML Schema at `path` (a trusted, local file), streaming each document.
    /// - Throws: ``ExportError`` `.io` when the schema cannot be read, `.invalidInput` when it does not compile
    ///   (a failed `xs:import` included).
    public static func xmlSchema(at path: String) throws -> DocumentValidator {
        let schema = try XMLSchema(path: path)
        return DocumentValidator(name: "xsd", recognises: { _ in true }) { input in
            try input.validate(against: schema)
        }
    }
}
