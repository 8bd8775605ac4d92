import ExportCore

/// Reads one mapping of an authoring document: checks its keys and decodes its fields, reporting each problem
/// at the node it concerns and carrying on, so one run reports every problem.
struct MappingReader {
    let context: AuthoringContext
    let node: YAMLNode
    // The mapping's allowed keys and their values in document order (both composers refuse a repeated key),
    // searched linearly: a dozen word comparisons cost less than hashing the key (see ``KeyWord``).
    private let keys: [KeyWord]
    private let values: [YAMLNode]

    /// Checks that `node` is a mapping with only `allowed` keys and every `required` one.
    /// Returns `nil` (after reporting) when the node is not a mapping at all.
    init?(_ node: YAMLNode, what: String, allowed: KeyList, required: KeyList, context: AuthoringContext) {
        self.context = context
        self.node = node
        guard case .mapping(let pairs) = node.content else {
            context.error("\(what) must be a mapping, not \(node.kindDescription)", at: node)
            return nil
        }
        var (keys, values): ([KeyWord], [YAMLNode]) = ([], [])
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            guard let name = key.scalar else {
                context.error("a key must be text, not \(key.kindDescription)", at: key)
                continue
            }
            let word = KeyWord(name)
            // A non-ASCII spelling is looked for as text (see ``KeyWord/isASCII``) and kept under the allowed
            // key it equals.
            guard let index = word.isASCII ? allowed.words.firstIndex(of: word) : allowed.names.firstIndex(of: name)
            else {
                context.error("unknown key '\(name)' in \(what)", at: key,
                              hint: Suggestion.hint(for: name, in: allowed.names, noun: "key"))
                continue
            }
            keys.append(allowed.words[index])
            values.append(value)
        }
        (self.keys, self.values) = (keys, values)
        for (name, word) in zip(required.names, required.words) where value(word) == nil {
            context.error("\(what) is missing required key '\(name)'", at: node)
        }
    }

    /// The value for `key`, or `nil` when absent or null.
    func value(_ key: String) -> YAMLNode? { value(KeyWord(key)) }

    private func value(_ key: KeyWord) -> YAMLNode? {
        guard let index = keys.lastIndex(of: key), !values[index].isNull else { return nil }
        return values[index]
    }

    // MARK: Scalars

    func string(_ key: String) -> String? { value(key).flatMap { text($0, key) } }

    /// A required text field; empty text is an error (its absence was reported when the mapping was read).
    func requiredText(_ key: String) -> String {
        guard let node = value(key), let text = text(node, key) else { return "" }
        if text.isEmpty { context.error("'\(key)' must not be empty", at: node) }
        return text
    }

    /// The text of a scalar that YAML 1.2's core schema reads as a string, else a type error.
    func text(_ node: YAMLNode, _ key: String) -> String? { context.text(node, key: key) }

    func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let text, true) = node.content, PlainScalar.isInteger(text) else {
            context.error("'\(key)' must be an integer, not \(node.kindDescription)", at: node)
            return nil
        }
        guard let number = Int(text), range.contains(number) else {
            context.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(text)", at: node)
            return nil
        }
        return number
    }

    func double(_ key: String, in range: ClosedRange<Double>) -> Double? {
        guard let node = value(key) else { return nil }
        guard case .scalar(let text, true) = node.content,
            [.integer, .float].contains(PlainScalar.classify(text)), let number = Double(text), number.isFinite
        else {
            context.error("'\(key)' must be a number, not \(node.kindDescription)", at: node)
            return nil
        }
        guard range.contains(number) else {
            context.error("'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(text)", at: node)
            return nil
        }
        return number
    }

    func date(_ key: String) -> PartialDate? {
        guard let node = value(key), let text = dateText(node, key) else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            context.error("'\(key)' is not a valid date: \(error)", at: node, hint: "write YYYY, YYYY-MM or YYYY-MM-DD")
            return nil
        }
    }

    /// A date's text; an unquoted four-digit year (`since: 2020`) is accepted as the year it reads as.
    private func dateText(_ node: YAMLNode, _ key: String) -> String? {
        if case .scalar(let text, true) = node.content, text.utf8.count == 4, PlainScalar.isInteger(text),
            text.first != "-", text.first != "+"
        {
            return text
        }
        return text(node, key)
    }

    func span(_ key: String) -> DateSpan? {
        guard let node = value(key), let text = dateText(node, key) else { return nil }
        do {
            return try DateSpan(parsing: text)
        } catch {
            context.error("'\(key)' is not a valid date or interval: \(error)", at: node,
                          hint: "write YYYY[-MM[-DD]] or an interval like 2022-10/2022-12")
            return nil
        }
    }

    func country(_ key: String) -> CountryCode? {
        guard let node = value(key), let text = text(node, key) else { return nil }
        return Self.country(text, at: node, context: context)
    }

    static func country(_ text: String, at node: YAMLNode, context: AuthoringContext) -> CountryCode? {
        guard text.count == 2 || text.count == 3, text == text.uppercased(), let code = CountryCode(text) else {
            context.error("unknown country code '\(text)'", at: node, hint: CountryHint.hint(for: text))
            return nil
        }
        return code
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let node = value(key), let text = text(node, key) else { return nil }
        guard let value = E(rawValue: text) else {
            let names = E.allCases.map(\.rawValue)
            context.error("'\(key)' must be one of \(names.joined(separator: ", ")), not '\(text)'", at: node,
                          hint: Suggestion.hint(for: text, in: names, noun: "value"))
            return nil
        }
        return value
    }

    func vocabulary<V: OpenVocabulary>(_ key: String, _ type: V.Type = V.self) -> V? {
        guard let node = value(key), let text = text(node, key) else { return nil }
        return Self.vocabulary(text, at: node, key: key, context: context)
    }

    func vocabularies<V: OpenVocabulary>(_ key: String, _ type: V.Type = V.self) -> [V] {
        list(key) { node in text(node, key).map { Self.vocabulary($0, at: node, key: key, context: context) } }
    }

    static func vocabulary<V: OpenVocabulary>(_ text: String, at node: YAMLNode, key: String, context: AuthoringContext) -> V {
        let value = V(text)
        if text.isEmpty {
            context.error("'\(key)' must not be empty", at: node)
        } else if !value.isKnown {
            context.warning("'\(text)' is not in the \(key) vocabulary", at: node,
                            hint: Suggestion.hint(for: text, in: V.known.map(\.rawValue), noun: "value")
                                + " (open vocabulary: kept as written)")
        }
        return value
    }

    func strings(_ key: String) -> [String] { list(key) { node in text(node, key) } }

    // MARK: Structure

    /// Decodes a list, element by element; a single value where a list belongs is an error.
    func list<T>(_ key: String, _ element: (YAMLNode) -> T?) -> [T] {
        guard let node = value(key) else { return [] }
        guard case .sequence(let items) = node.content else {
            context.error("'\(key)' must be a list, not \(node.kindDescription)", at: node)
            return []
        }
        return items.compactMap(element)
    }

    func mapping<T>(_ key: String, what: String, allowed: KeyList, required: KeyList, _ decode: (MappingReader) -> T) -> T? {
        guard let node = value(key),
            let reader = MappingReader(node, what: what, allowed: allowed, required: required, context: context)
        else { return nil }
        return decode(reader)
    }
}
