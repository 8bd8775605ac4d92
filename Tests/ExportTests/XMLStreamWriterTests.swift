import CLibXML
@testable import Export
import ExportTestSupport
import Testing

/// The Swift writer against libxml2's own `xmlTextWriter`, the writer it replaced: the same calls must give the
/// same bytes, so exports did not change when the writer did.
struct XMLStreamWriterTests {
    /// One writer call.
    enum Step: Equatable {
        case start(String, namespace: String?)
        case attribute(String, String)
        case element(String, String)
        case text(String)
        case end
    }

    /// Text that exercises every escape, non-ASCII and white space.
    private static let samples = [
        "", "plain", "a < b & c > d", "\"quoted\" 'single'", "tab\there", "line\nfeed", "carriage\r\nreturn",
        "  leading and trailing  ", "é ✓ 😀 中文", "]]> &amp; &#10;", "x",
    ]

    /// A deterministic, well-nested mix of every call.
    private static func steps(seed: UInt64) -> [Step] {
        var random = SplitMix64(seed: seed)
        var steps: [Step] = [.start("root", namespace: "urn:test:\(seed)")]
        var depth = 1
        var isStartTagOpen = true
        for _ in 0..<400 {
            let sample = samples[random.int(below: samples.count)]
            switch random.int(below: 6) {
            case 0 where depth < 6:
                steps.append(.start("e\(random.int(below: 3))", namespace: random.chance(0.1) ? "urn:inner" : nil))
                depth += 1
                isStartTagOpen = true
            case 1 where isStartTagOpen: steps.append(.attribute("a\(random.int(below: 3))", sample))
            case 2: steps.append(.element("leaf", sample)); isStartTagOpen = false
            case 3 where random.chance(0.3): steps.append(.text(sample)); isStartTagOpen = false
            case 4 where depth > 1:
                steps.append(.end)
                depth -= 1
                isStartTagOpen = false
            default: continue
            }
        }
        return steps
    }

    private func swiftBytes(_ steps: [Step], indented: Bool) throws -> [UInt8] {
        let xml = try XMLStreamWriter(indented: indented)
        for step in steps {
            switch step {
            case .start(let name, let namespace): try xml.startElement(name, namespace: namespace)
            case .attribute(let name, let value): try xml.attribute(name, value)
            case .element(let name, let text): try xml.element(name, text: text)
            case .text(let text): try xml.text(text)
            case .end: try xml.endElement()
            }
        }
        try xml.endDocument()
        var sink = MemorySink()
        try xml.flush(into: &sink)
        return sink.bytes
    }

    /// The same calls through `xmlTextWriter`, set up exactly as the replaced writer set it up.
    private func libxml2Bytes(_ steps: [Step], indented: Bool) throws -> [UInt8] {
        let buffer = try #require(xmlBufferCreate())
        defer { xmlBufferFree(buffer) }
        let writer = try #require(xmlNewTextWriterMemory(buffer, 0))
        if indented {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        var status = xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        for step in steps {
            switch step {
            case .start(let name, let namespace):
                status = min(status, namespace.map { xmlTextWriterStartElementNS(writer, nil, name, $0) }
                    ?? xmlTextWriterStartElement(writer, name))
            case .attribute(let name, let value): status = min(status, xmlTextWriterWriteAttribute(writer, name, value))
            case .element(let name, let text): status = min(status, xmlTextWriterWriteElement(writer, name, text))
            case .text(let text): status = min(status, xmlTextWriterWriteString(writer, text))
            case .end: status = min(status, xmlTextWriterEndElement(writer))
            }
        }
        status = min(status, xmlTextWriterEndDocument(writer))
        xmlFreeTextWriter(writer)  // flushes into the buffer
        #expect(status >= 0)
        return Array(UnsafeBufferPointer(start: xmlBufferContent(buffer), count: Int(xmlBufferLength(buffer))))
    }

    @Test(arguments: [true, false], [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func writesWhatLibxml2Writes(indented: Bool, seed: UInt64) throws {
        let steps = Self.steps(seed: seed)
        let ours = try swiftBytes(steps, indented: indented)
        let theirs = try libxml2Bytes(steps, indented: indented)
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    @Test func controlCharactersAreRefusedInEveryPlace() throws {
        let xml = try XMLStreamWriter()
        try xml.startElement("r")
        #expect(throws: ExportError.self) { try xml.attribute("a", "x\u{1}") }
        #expect(throws: ExportError.self) { try xml.element("e", text: "\u{FFFE}") }
        #expect(throws: ExportError.self) { try xml.text("\u{FFFF}") }
        try xml.text("\u{FFFD} \u{7F} \u{10FFFF}")  // allowed: the last of the BMP before U+FFFE, DEL, the top plane
    }
}
