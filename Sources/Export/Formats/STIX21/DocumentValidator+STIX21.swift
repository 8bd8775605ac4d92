extension DocumentValidator {
    /// STIX 2.1 bundles and objects, whoever wrote them: files stream one object at a time.
    public static let stix21 = DocumentValidator(name: "stix21", recognises: STIXBundleValidator.recognises(_:)) { input in
        switch input {
        case .file(let path): try STIXBundleValidator.validate(path: path)
        case .bytes(let bytes, let name): STIXBundleValidator.validate(bytes: bytes, file: name)
        }
    }
}
