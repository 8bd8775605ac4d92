import ExportCore

internal import CLibXML

/// Recording values, and the findings in libxml2's words.
extension XMLIdentityChecker {
    /// Records one field value: a key goes into its table (a duplicate is reported at once, as libxml2 does), a
    /// keyref is resolved now or kept, hash and text, until the scope closes.
    func record(
        _ index: Int, name: Int, value: UnsafeBufferPointer<UInt8>, parser: xmlParserCtxtPtr, at known: (Int, Int)?
    ) {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(value))
        let hash = UInt64(bitPattern: Int64(hasher.finalize()))
        let constraint = plan.constraints[index]
        let table = tableOf[index]
        if constraint.kind == .keyref {
            guard !tables[table].contains(hash) else { return }
            let (line, column) = known ?? Self.elementStart(parser)
            pending.append(
                Pending(
                    hash: hash, line: UInt32(clamping: line), column: UInt32(clamping: column), offset: pendingBytes.count,
                    length: Int32(clamping: value.count), name: Int16(name), constraint: Int16(index)))
            pendingBytes.append(contentsOf: value)
        } else if !tables[table].insert(hash) {
            let (line, column) = known ?? Self.elementStart(parser)
            report(
                name: name, line: line, column: column,
                "Duplicate key-sequence \(Self.sequence(Array(value))) in \(constraint.kind.rawValue) identity-constraint '\(XMLIdentityConstraint.format(constraint.name))'."
            )
        }
    }

    /// A key whose field is missing on a selected element.
    func reportMissingField(_ index: Int, name: Int, parser: xmlParserCtxtPtr) {
        let constraint = plan.constraints[index]
        let (line, column) = Self.elementStart(parser)
        report(
            name: name, line: line, column: column,
            "Not all fields of key identity-constraint '\(XMLIdentityConstraint.format(constraint.name))' evaluate to a node."
        )
    }

    /// After the parse: every reference still pending must have met its key. Call only when the scope element
    /// closed (a document cut short has already failed, and libxml2 checks nothing there either).
    func finish() {
        guard hasClosedScope else { return }
        for item in pending where !tables[tableOf[Int(item.constraint)]].contains(item.hash) {
            let constraint = plan.constraints[Int(item.constraint)]
            let value = Array(pendingBytes[item.offset..<item.offset + Int(item.length)])
            report(
                name: Int(item.name), line: Int(item.line), column: Int(item.column),
                "No match found for key-sequence \(Self.sequence(value)) of keyref '\(XMLIdentityConstraint.format(constraint.name))'.")
        }
        pending = []
        pendingBytes = []
    }

    private func report(name: Int, line: Int, column: Int, _ message: String) {
        let element = XMLIdentityConstraint.format(names[name])
        collector.append(
            Diagnostic(
                .error, "Element '\(element)': \(message)",
                at: SourceLocation(file: collector.file, line: max(1, line), column: max(1, column))))
    }

    /// libxml2's `['value']`.
    private static func sequence(_ value: [UInt8]) -> String {
        "['\(String(decoding: value, as: UTF8.self))']"
    }

    /// The line and column of the `<` of the start tag the parser has just read (it stands at the tag's `>`).
    static func elementStart(_ parser: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        guard let input = parser.pointee.input else { return (1, 1) }
        let line = Int(input.pointee.line)
        var column = Int(input.pointee.col)
        if let cur = input.pointee.cur, let base = input.pointee.base {
            var cursor = cur
            while cursor > base {
                cursor -= 1
                if cursor.pointee == UInt8(ascii: "\n") { break }
                if cursor.pointee == UInt8(ascii: "<") {
                    column -= cur - cursor
                    break
                }
            }
        }
        return (line, max(1, column))
    }
}
