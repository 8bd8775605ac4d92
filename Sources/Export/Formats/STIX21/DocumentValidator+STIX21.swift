extension DocumentValidator {
    /// STIX 2.1 JSON (a bundle or one object), checked by ``STIXBundleValidator``; files are streamed.
    public static let stix21 = DocumentValidator(name: "stix21", recognises: STIXBundleValidator.recognises) { input in
        switch input {
        case .bytes(let bytes, let name): STIXBundleValidator.validate(bytes: bytes, file: name)
        case .file, .handle: try STIXBundleValidator.validate(input.opened())
        }
    }
}
