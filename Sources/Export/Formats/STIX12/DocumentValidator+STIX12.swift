extension DocumentValidator {
    /// STIX 1.2 packages against the official schemas found through `EXPORTCTL_STIX12_SCHEMAS`.
    public static let stix12 = stix12(schemas: nil)

    /// STIX 1.2 packages against the official schemas in `directory` (else `EXPORTCTL_STIX12_SCHEMAS`).
    ///
    /// When neither names a directory, validating fails with a finding that says how to get the schemas.
    public static func stix12(schemas directory: String?) -> DocumentValidator {
        DocumentValidator(name: "stix12", recognises: STIX12Schemas.recognises) { input in
            guard let directory = STIX12Schemas.directory(explicit: directory) else {
                throw ExportError(.usage, "cannot validate STIX 1.2 without the official schemas; \(STIX12Schemas.howToGet)")
            }
            return try input.validate(against: STIX12Schemas.compiled(directory: directory))
        }
    }
}
