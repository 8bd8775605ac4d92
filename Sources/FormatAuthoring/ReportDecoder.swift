import ExportCore
import ExportSharing

/// Turns the root node of an authoring document into a ``ThreatReport``.
///
/// An object missing a required field is still decoded (with an empty placeholder) after the error is
/// reported, so list positions stay aligned with the document and later checks point at the right lines.
struct ReportDecoder {
    let context: AuthoringContext
    var limits: InputLimits = .default

    func decode(_ root: YAMLNode) -> ThreatReport? {
        context.root = root
        guard
            let reader = MappingReader(
                root, what: "the report", allowed: AuthoringKeys.report,
                required: AuthoringKeys.reportRequired, context: context)
        else { return nil }
        var objectCount = 0
        for key in ["actors", "intrusion_sets", "campaigns", "partnerships", "incidents", "indicators", "observables", "malware", "tools"] {
            guard let list = reader.value(key), case .sequence(let items) = list.content else { continue }
            objectCount += items.count
            if objectCount > limits.maxObjects {
                context.error("the report has more than the limit of \(limits.maxObjects) objects", at: list,
                              hint: "raise --max-objects if the file is trusted")
                return nil
            }
        }
        let formatVersion = reader.string("format_version")
        if let version = formatVersion, let node = reader.value("format_version"),
            version != ThreatReport.currentFormatVersion
        {
            context.error("unsupported format_version '\(version)'", at: node,
                          hint: "this exportctl reads format_version \"\(ThreatReport.currentFormatVersion)\"")
        }
        let producer = reader.mapping("producer", what: "the producer", allowed: AuthoringKeys.producer,
                                      required: AuthoringKeys.producer) { producer in
            Producer(id: producer.requiredText("id"), name: producer.requiredText("name"))
        }
        let published = reader.date("published")
        if let published, published.precision != .day, let node = reader.value("published") {
            context.error("'published' must be a full date (YYYY-MM-DD)", at: node,
                          hint: "membership and sharing questions are answered on this day")
        }
        var report = ThreatReport(
            formatVersion: formatVersion ?? ThreatReport.currentFormatVersion,
            title: reader.requiredText("title"),
            description: reader.string("description"),
            published: published ?? PartialDate.placeholder,
            producer: producer ?? Producer(id: "", name: ""),
            sources: reader.list("sources") { source($0) },
            defaultMarking: reader.value("default_marking").flatMap { marking($0) },
            marking: reader.value("marking").flatMap { marking($0) },
            actors: reader.list("actors") { actor($0) },
            intrusionSets: reader.list("intrusion_sets") { activity($0, what: "an intrusion set") },
            campaigns: reader.list("campaigns") { activity($0, what: "a campaign") },
            partnerships: reader.list("partnerships") { partnership($0) },
            incidents: reader.list("incidents") { incident($0) })
        report.indicators = reader.list("indicators") { indicator($0) }
        report.observables = reader.list("observables") { observable($0) }
        report.malware = reader.list("malware") { malware($0) }
        report.tools = reader.list("tools") { tool($0) }
        return report
    }

    func marking(_ node: YAMLNode) -> Marking? {
        guard
            let reader = MappingReader(
                node, what: "a marking", allowed: AuthoringKeys.marking,
                required: AuthoringKeys.markingRequired, context: context)
        else { return nil }
        let releasees = reader.list("releasable_to") { item -> Releasee? in
            guard let text = reader.text(item, "releasable_to") else { return nil }
            if text.count <= 3, text == text.uppercased(), text.allSatisfy(\.isLetter) {
                return MappingReader.country(text, at: item, context: context).map(Releasee.country)
            }
            return .party(text)
        }
        return Marking(tlp: reader.enumeration("tlp", TLP.self) ?? .red, releasableTo: releasees)
    }

    func link(_ node: YAMLNode, key: String) -> Link? {
        if case .scalar = node.content {
            return context.text(node, key: key).map { Link($0) }
        }
        guard
            let reader = MappingReader(
                node, what: "a link", allowed: AuthoringKeys.link,
                required: AuthoringKeys.linkRequired, context: context)
        else { return nil }
        var link = Link(
            reader.string("ref") ?? "",
            marking: reader.value("marking").flatMap { marking($0) },
            description: reader.string("description"))
        link.evidence = evidence(reader)
        return link
    }

    /// `evidence`: one verbatim quote, or a list of them (an object whose statements rest on several passages).
    /// An empty quote supports nothing and is an error.
    func evidence(_ reader: MappingReader) -> [String] {
        guard let node = reader.value("evidence") else { return [] }
        let quote = { (item: YAMLNode) -> String? in
            guard let text = reader.text(item, "evidence") else { return nil }
            if text.isEmpty { self.context.error("an 'evidence' quote must not be empty", at: item) }
            return text
        }
        if case .scalar = node.content { return quote(node).map { [$0] } ?? [] }
        return reader.list("evidence", quote)
    }

    func links(_ reader: MappingReader, _ key: String) -> [Link] {
        reader.list(key) { link($0, key: key) }
    }

    func source(_ node: YAMLNode) -> Source? {
        guard
            let reader = MappingReader(
                node, what: "a source", allowed: AuthoringKeys.source, required: AuthoringKeys.idAndName,
                context: context)
        else { return nil }
        let url = reader.string("url")
        if let url, let node = reader.value("url"), !(url.hasPrefix("http://") || url.hasPrefix("https://")) || url.count < 9
            || url.contains(where: \.isWhitespace)
        {
            context.error("'url' must be an http or https URL", at: node)
        }
        let sha256 = reader.string("sha256")
        if let sha256, let node = reader.value("sha256"),
            sha256.utf8.count != 64 || !sha256.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
        {
            context.error("'sha256' must be 64 lowercase hexadecimal digits", at: node)
        }
        return Source(
            id: identifier(reader), name: reader.requiredText("name"), url: url, sha256: sha256,
            description: reader.string("description"))
    }

    /// The object's `id`, checked against the id syntax.
    func identifier(_ reader: MappingReader) -> String {
        guard let node = reader.value("id"), let id = reader.text(node, "id") else { return "" }
        if !Self.isValidIdentifier(id) {
            context.error("id '\(id)' is not a valid local id", at: node,
                          hint: "use lowercase letters, digits, '-', '_' and '.', starting with a letter or digit")
        }
        return id
    }

    static func isValidIdentifier(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 128, isIDStart(first) else { return false }
        return id.utf8.allSatisfy { isIDStart($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isIDStart(_ byte: UInt8) -> Bool { (97...122).contains(byte) || (48...57).contains(byte) }
}

extension PartialDate {
    /// Stands in for a missing or invalid date after the error was reported.
    static let placeholder = PartialDate(uncheckedYear: 1, month: nil, day: nil)
}
