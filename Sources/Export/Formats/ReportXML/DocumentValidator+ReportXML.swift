extension DocumentValidator {
    /// Report XML against the embedded `Schemas/threat-report.xsd`.
    public static let reportXML = DocumentValidator(name: "report-xml", recognises: ReportXMLSchema.recognises) {
        input in
        try input.validate(against: ReportXMLSchema.shared())
    }
}
