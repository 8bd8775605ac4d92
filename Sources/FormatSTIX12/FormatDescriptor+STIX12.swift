import ExportCore
public import ExportSharing
import ExportXML

/// `--stix12-schemas`: where the official STIX 1.2 schemas are, for writing and for `validate`.
public struct STIX12FormatOptions: FormatOptionSet, Hashable {
    /// The official schema directory; `nil` falls back to `EXPORTCTL_STIX12_SCHEMAS`.
    public var schemas: String?

    /// The defaults.
    public init() {}
}

extension FormatDescriptor {
    /// STIX 1.2 XML, validated against the official schemas when they are available; exportctl does not read it.
    public static let stix12 = FormatDescriptor(
        name: "stix12", fileExtension: "xml",
        summary: "a STIX 1.2 XML package, valid against the official STIX 1.2 schemas (--stix12-schemas)",
        writer: Writer(name: "stix12") { view, options, sink in
            let explicit = options[STIX12FormatOptions.self].schemas
            guard options.validatesOutput, let directory = STIX12Schemas.directory(explicit: explicit) else {
                var summary = try STIX12Writer().write(view, options: .default, to: &sink)
                if options.validatesOutput {
                    let warning = "the STIX 1.2 output is well-formed XML but was not validated against the schemas: no schema directory given"
                    summary.warnings.append(Diagnostic(.warning, warning, hint: STIX12Schemas.howToGet))
                }
                return summary
            }
            return try STIX12Writer().write(view, options: .init(schemaDirectory: directory), to: &sink)
        },
        validator: Validator(recognises: STIX12Schemas.recognises) { input, options in
            guard let directory = STIX12Schemas.directory(explicit: options[STIX12FormatOptions.self].schemas) else {
                throw ExportError(.usage, "cannot validate STIX 1.2 without the official schemas; \(STIX12Schemas.howToGet)")
            }
            return try input.validate(against: STIX12Schemas.compiled(directory: directory))
        }
    )
}
