@testable import Export
import Testing

/// The check every XML output passes: it must catch what xmllint rejects, whole or in chunks.
struct XMLWellFormednessCheckTests {
    static let broken = [
        #"<a xmlns:stix="urn:a" xmlns:stix="urn:b"/>"#,
        #"<a xmlns:xml="urn:exportctl:producer:xml"/>"#,
        #"<a xmlns:xmlns="urn:exportctl:producer:xmlns"/>"#,
        #"<p:a xmlns:p="http://www.w3.org/2000/xmlns/"/>"#,
        #"<a b="1" b="2"/>"#,
        "<a><b></a>",
        "<a>\u{1B}</a>",
        "<a/><b/>",
        "",
    ]

    @Test(arguments: broken)
    func brokenDocumentsAreCaught(_ text: String) {
        #expect(!XMLWellFormednessCheck.check(Array(text.utf8), file: "t").isEmpty)
    }

    @Test func aGoodDocumentPassesInAnyChunking() {
        let text = #"<?xml version="1.0" encoding="UTF-8"?><r xmlns:p="urn:p"><p:x a="&amp;">é</p:x></r>"#
        let bytes = Array(text.utf8)
        #expect(XMLWellFormednessCheck.check(bytes, file: "t").isEmpty)
        for size in [1, 2, 7] {
            let check = XMLWellFormednessCheck(file: "t")
            var offset = 0
            while offset < bytes.count {
                check.feed(Array(bytes[offset..<min(offset + size, bytes.count)]))
                offset += size
            }
            #expect(check.finish().isEmpty, "chunks of \(size)")
        }
    }

    /// A writer may hand the check its whole output at once; 24 MB of small elements in one piece is no "Huge input
    /// lookup" (STIX 1.2 of a 100,000-object report failed so).
    @Test func aLargeDocumentPassesInOnePiece() {
        var bytes = Array("<r>".utf8)
        let element = Array("<e a=\"1\">text</e>\n".utf8)
        while bytes.count < 24 << 20 { bytes += element }
        bytes += Array("</r>".utf8)
        #expect(XMLWellFormednessCheck.check(bytes, file: "t").isEmpty)
    }
}
