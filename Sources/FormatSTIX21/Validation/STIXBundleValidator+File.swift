public import ExportCore

extension STIXBundleValidator {
    /// Checks a file (or standard input, `-`), opened once; see ``validate(_:strict:limits:)``.
    ///
    /// ```swift
    /// let findings = try STIXBundleValidator.validate(path: "big.json", strict: false)
    /// ```
    /// - Parameters:
    ///   - name: the file name diagnostics use (defaults to `path`).
    /// - Throws: ``ExportError`` `.io` when the file cannot be read or is a device or socket.
    public static func validate(
        path: String, name: String? = nil, strict: Bool = false, limits: InputLimits = .default
    ) throws -> [Diagnostic] {
        try validate(InputHandle.open(path, name: name, limits: limits), strict: strict, limits: limits)
    }

    /// Checks an opened input in constant memory apart from the ids: the bundle is read one object at a time,
    /// keeping only 64-bit digests of the declared ids, of declared local ids and of references to ids not
    /// declared yet; when one of those stays undeclared, or an id or local id is declared twice (a bundle carrying
    /// several versions of an object), a second pass over the same opened input (a pipe's was copied once when it
    /// was opened) reports each unresolved reference, repeated version and repeated local id where it is.
    /// - Parameters:
    ///   - strict: report warnings as errors.
    ///   - limits: nesting depth, string length and object count bounds.
    /// - Returns: every finding, in input order.
    /// - Throws: ``ExportError`` `.io` when the input cannot be read.
    public static func validate(_ input: InputHandle, strict: Bool = false, limits: InputLimits = .default) throws
        -> [Diagnostic]
    {
        let file = input.name
        var check = STIXCheck(file: file)
        var references = STIXReferences.streaming()
        var localIDs = STIXLocalIDTable()
        var objectCount = 0
        var members: [LocatedJSON.Member] = []
        // Findings on a streamed list's elements count only once their object reads as JSON.
        var listCheck = STIXCheck(file: file)
        // Until an object says 2.1, the objects' findings wait here: if the file turns out STIX 2.0, they are
        // dropped for its one finding (no more held than the findings themselves, as before).
        var evidence = STIXVersionEvidence(file: file)
        var pending = STIXCheck(file: file)
        let size = input.size
        guard let start = try scan(input, limits: limits, check: &check, { item, check, offset in
            switch item {
            case .member(let member):
                members.append(member)
                evidence.note(bundleMember: member)
            case .listElement(let property, let element):
                STIXTypeRules.listElement(element, property: property, check: &listCheck, references: &references)
            case .object(.success(let object)):
                objectCount += 1
                if objectCount == 1 << 16, offset > 0, size > offset {
                    // The id table sized once for the whole file, by the objects so far: no table twice its
                    // size held together with the old one while it grows, near the end of a big bundle.
                    let expected = Double(size) / Double(offset) * Double(objectCount) * 1.05
                    references.reserve(min(Int(expected), limits.maxObjects))
                }
                evidence.note(object)
                var found = STIXCheck(file: file)
                if STIXObjectRules.check(object, check: &found, references: &references) { found.append(listCheck) }
                if evidence.hasSTIX21Object {
                    check.append(pending)
                    pending = STIXCheck(file: file)
                    check.append(found)
                } else {
                    pending.append(found)
                }
                localIDs.note(object)
                references.clearReferences()
            case .object(.failure(let error)):
                // Unlike the in-memory check, a broken object does not end the check: the next one is read.
                check.error(error.message, at: error.line, error.column, hint: "STIX 2.1 documents are strict JSON (RFC 8259)")
                references.clearReferences()
            }
            if case .object = item { listCheck = STIXCheck(file: file) }
        }) else { return check.diagnostics }
        let root = LocatedJSON(kind: .object(members), line: start.line, column: start.column)
        guard root["type"]?.string == "bundle" else {
            if root["spec_version"]?.string == "2.0" {
                return finish(check.diagnostics + [singleObject20(root, file: file)], strict: strict)
            }
            // A single STIX object, not a bundle: small by nature, checked whole.
            var single = STIXReferences()
            STIXObjectRules.check(root, check: &check, references: &single)
            single.reportUnresolved(check: &check)
            return finish(check.diagnostics, strict: strict)
        }
        for member in members { checkBundleMember(member, check: &check) }
        if root["id"] == nil { check.error("the bundle has no 'id'", at: root) }
        if let objects = root["objects"] { check.error("'objects' must be a list, not \(objects.kindName)", at: objects) }
        if evidence.isSTIX20 { return finish(check.diagnostics + [evidence.diagnostic()], strict: strict) }
        check.append(pending)
        let comparesLocalIDs = localIDs.needsSecondPass(declaredIDs: references.declares)
        if objectCount > 0, references.needsResolvingPass || comparesLocalIDs {
            ProgressMeter.current?.expect(size)  // the second pass reads it again
            var resolving = STIXReferences.resolving(after: references)
            var ignored = STIXCheck(file: file)
            _ = try scan(input, limits: limits, check: &ignored) { item, ignored, _ in
                switch item {
                case .member: return
                case .listElement(let property, let element):
                    STIXTypeRules.listElement(element, property: property, check: &ignored, references: &resolving)
                    return
                case .object(.success(let object)):
                    localIDs.compare(object, check: &check)
                    if STIXObjectRules.check(object, check: &ignored, references: &resolving) {
                        resolving.reportUnresolved(check: &check)
                    }
                case .object(.failure): break
                }
                resolving.clearReferences()
                ignored = STIXCheck(file: file)
            }
        }
        return finish(check.diagnostics, strict: strict)
    }

    /// One pass over the file; a broken outer structure becomes an error diagnostic and ends the pass.
    private static func scan(
        _ input: InputHandle, limits: InputLimits, check: inout STIXCheck,
        _ visit: (JSONStreamScanner.Item, inout STIXCheck, _ offset: Int) throws -> Void
    ) throws -> (line: Int, column: Int)? {
        var scanner = JSONStreamScanner(source: FileByteSource(input: input), limits: limits)
        do {
            return try scanner.scan { item, offset in try visit(item, &check, offset) }
        } catch let error as LocatedJSONReader.SyntaxError {
            check.error(error.message, at: error.line, error.column, hint: "STIX 2.1 documents are strict JSON (RFC 8259)")
            return nil
        }
    }
}
