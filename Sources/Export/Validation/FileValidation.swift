#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// What validating one file gave.
public struct FileValidation: Sendable, Hashable {
    /// The file as the user named it (`<stdin>` for `-`).
    public var file: String
    /// The validator that ran, or `nil` when none could (unreadable, unrecognised).
    public var format: String?
    /// Every finding, in document order.
    public var findings: [Diagnostic]
    /// Why the file failed, deciding its exit code; `nil` when it is valid.
    public var failure: ExportError.Code?

    /// Whether the file is valid.
    public var isValid: Bool { failure == nil }

    /// Validates each file, several at a time, and returns the results in the order the files were given.
    ///
    /// - Parameters:
    ///   - files: paths; `-` reads standard input.
    ///   - validator: the validator for every file (`--schema`, `--input-format`); `nil` recognises each file.
    ///   - registry: the validators recognition chooses from.
    public static func run(
        _ files: [String], with validator: DocumentValidator?, registry: [DocumentValidator] = DocumentValidator.all
    ) async -> [FileValidation] {
        ProgressMeter.current?.begin("validating", unit: .bytes, total: files.map(FileByteSource.size(of:)).reduce(0, +))
        return await withTaskGroup(of: (Int, FileValidation).self) { group in
            let width = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            var results = [FileValidation?](repeating: nil, count: files.count)
            var next = 0
            func enqueue() {
                guard next < files.count else { return }
                let index = next
                let file = files[index]
                group.addTask { (index, validate(file, with: validator, registry: registry)) }
                next += 1
            }
            for _ in 0..<width { enqueue() }
            for await (index, result) in group {
                results[index] = result
                enqueue()
            }
            return results.compactMap { $0 }
        }
    }

    /// Validates one file.
    public static func validate(
        _ path: String, with chosen: DocumentValidator?, registry: [DocumentValidator] = DocumentValidator.all
    ) -> FileValidation {
        do {
            let input: ValidationInput
            let head: [UInt8]
            if path == "-" {
                let (bytes, name) = try InputFile.read(path)
                input = .bytes(bytes, name: name)
                head = Array(bytes.prefix(64 << 10))
            } else {
                input = .file(path)
                head = try readHead(path)
            }
            // Refused whatever the format: a DOCTYPE may push the root element out of the recognised head.
            if let doctype = XMLProlog.doctypeLocation(in: head, file: input.name) {
                return FileValidation(
                    file: input.name, format: chosen?.name, findings: [XMLProlog.doctypeDiagnostic(at: doctype)],
                    failure: .invalidInput)
            }
            guard let validator = chosen ?? registry.first(where: { $0.recognises(head) }) else {
                let finding = Diagnostic(
                    .error, "unrecognised format", at: SourceLocation(file: input.name, line: 1, column: 1),
                    hint: "pass --schema XSD or --input-format (\(DocumentValidator.all.map(\.name).joined(separator: ", ")))")
                return FileValidation(file: input.name, format: nil, findings: [finding], failure: .invalidInput)
            }
            let findings = try validator.validate(input)
            return FileValidation(
                file: input.name, format: validator.name, findings: findings,
                failure: findings.hasErrors ? .invalidInput : nil)
        } catch let error as ExportError {
            let findings =
                error.diagnostics.isEmpty
                ? [Diagnostic(.error, error.reason, at: SourceLocation(file: path, line: 1, column: 1))]
                : error.diagnostics
            return FileValidation(file: path, format: chosen?.name, findings: findings, failure: error.code)
        } catch {
            let finding = Diagnostic(.error, "\(error)", at: SourceLocation(file: path, line: 1, column: 1))
            return FileValidation(file: path, format: chosen?.name, findings: [finding], failure: .internal)
        }
    }

    /// The first 64 KB of a file, for recognition; the validator then streams the whole file itself.
    private static func readHead(_ path: String) throws -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ExportError(.io, "\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else { throw ExportError(.io, "\(path): is a directory, not a file") }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ExportError(.io, "\(path): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        do {
            return try FileHead.read(descriptor)
        } catch let error as ExportError {
            throw ExportError(.io, "\(path): \(error.reason)")
        }
    }
}
