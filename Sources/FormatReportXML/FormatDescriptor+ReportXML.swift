public import ExportSharing
import ExportXML

extension FormatDescriptor {
    /// Report XML in `urn:exportctl:threat-report:1`: written, read, and validated against the embedded
    /// `Schemas/threat-report.xsd`; recognised by its namespace.
    public static let reportXML = FormatDescriptor(
        name: "report-xml", fileExtension: "xml",
        summary: "the whole model as XML in urn:exportctl:threat-report:1, valid against Schemas/threat-report.xsd",
        writer: Writer(name: "report-xml") { view, options, sink in
            try ReportXMLWriter().write(view, options: .init(validates: options.validatesOutput), to: &sink)
        },
        reader: Reader(recognises: ReportXMLSchema.recognises) { bytes, file, settings in
            ReportXMLReader.read(bytes, file: file, settings: settings)
        },
        validator: Validator(recognises: ReportXMLSchema.recognises) { input, _ in
            try input.validate(against: ReportXMLSchema.shared())
        }
    )
}
