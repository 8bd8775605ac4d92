import ExportCore
import ExportXML

extension ReportXMLDecoder {
    /// Stands in for a date that failed to parse; the report is discarded because of the diagnostic anyway.
    static let fallbackDate: PartialDate = {
        do { return try PartialDate(year: 1) } catch { preconditionFailure("year 1 is a valid date") }
    }()

    func items(_ element: XMLElement, _ list: String, _ item: String) -> [XMLElement] {
        element.child(list)?.children(named: item) ?? []
    }

    func texts(_ element: XMLElement, _ name: String) -> [String] { element.children(named: name).map(\.text) }

    func sourceRefs(_ element: XMLElement) -> [String] {
        element.children(named: "sourceRef").compactMap { $0.attribute("ref") }
    }

    mutating func links(_ element: XMLElement, _ name: String) -> [Link] {
        element.children(named: name).map {
            var link = Link(
                $0.attribute("ref") ?? "", marking: marking($0.child("marking")), description: $0.childText("description"))
            link.evidence = texts($0, "evidence")
            return link
        }
    }

    mutating func marking(_ element: XMLElement?) -> Marking? {
        guard let element else { return nil }
        let tlp = TLP(rawValue: element.attribute("tlp") ?? "") ?? .red
        var releasees: [Releasee] = []
        for entry in element.children {
            switch entry.name {
            case "country": if let code = country(entry.text, at: entry) { releasees.append(.country(code)) }
            case "party": releasees.append(.party(entry.text))
            default: break
            }
        }
        return Marking(tlp: tlp, releasableTo: releasees)
    }

    mutating func country(_ text: String?, at element: XMLElement) -> CountryCode? {
        guard let text else { return nil }
        guard let code = CountryCode(text) else {
            fail("'\(text)' is not an ISO 3166-1 country code", at: element, hint: "use an alpha-3 code such as JPN")
            return nil
        }
        return code
    }

    mutating func date(_ text: String?, at element: XMLElement) -> PartialDate? {
        parsed(text, "date", at: element) { try PartialDate(parsing: $0) }
    }

    mutating func span(_ text: String?, at element: XMLElement) -> DateSpan? {
        parsed(text, "date or interval", at: element) { try DateSpan(parsing: $0) }
    }

    /// The schema checks the shape of dates; this catches what it cannot (30 February, an interval ending early).
    private mutating func parsed<Value>(
        _ text: String?, _ what: String, at element: XMLElement, _ parse: (String) throws -> Value
    ) -> Value? {
        guard let text else { return nil }
        do {
            return try parse(text)
        } catch {
            fail("invalid \(what) '\(text)': \(error)", at: element, hint: nil)
            return nil
        }
    }

    mutating func fail(_ message: String, at element: XMLElement, hint: String?) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: file, line: element.line, column: 1), hint: hint))
    }
}
