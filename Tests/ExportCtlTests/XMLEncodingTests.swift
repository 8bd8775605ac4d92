import ExportTestSupport
import Foundation
import Testing

/// Issue 16, item 8: an XML document in an encoding libxml2 would convert through iconv made libxml2 print
/// raw "encoding error" lines on standard error, then a misleading "the file is empty" hint. Such documents
/// are refused up front with one located error; UTF-8, UTF-16, ASCII and ISO-8859-1 are read, as xmllint does.
struct XMLEncodingTests {
    static let schema = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">
        <xs:element name="r" type="xs:string"/></xs:schema>
        """

    static func document(_ encoding: String, namespace: String = "urn:t") -> String {
        "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<r xmlns=\"\(namespace)\">caf\u{E9}</r>\n"
    }

    /// Writes the files and the schema to a new folder.
    static func folder(_ files: [String: Data]) throws -> URL {
        let folder = try RepositoryPaths.makeTemporaryDirectory()
        try Data(schema.utf8).write(to: folder.appendingPathComponent("t.xsd"))
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test(arguments: ["EBCDIC-US", "IBM037"])
    func anUnsupportedEncodingIsOneLocatedErrorAndNothingFromLibxml2(_ encoding: String) throws {
        let report = Self.document(encoding, namespace: "urn:exportctl:threat-report:1")
        let folder = try Self.folder(["e.xml": Data(Self.document(encoding).utf8), "r.xml": Data(report.utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("e.xml").path
        let reportPath = folder.appendingPathComponent("r.xml").path
        let oracle = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", folder.appendingPathComponent("t.xsd").path, path])
        #expect(oracle.status != 0)
        let runs = [(path, ["validate", "--schema", "t.xsd", path]), (reportPath, ["validate", reportPath]), (reportPath, ["export", reportPath])]
        for (path, arguments) in runs {
            let result = try ExportCtlRunner.run(arguments, currentDirectory: folder)
            #expect(result.status == 1, "\(arguments): \(result.errors)")
            let lines = result.errors.split(separator: "\n").map(String.init)
            #expect(lines == [
                "\(path):1:1: error: the document is in \(encoding); exportctl reads XML only in UTF-8, UTF-16, ASCII or ISO-8859-1",
                "  hint: convert it, e.g. iconv -f \(encoding) -t UTF-8, and declare encoding=\"UTF-8\"",
            ])
        }
    }

    /// The bytes themselves in EBCDIC or UCS-4 (no label needed to tell).
    @Test func encodingsShownByTheFirstBytesAreRefusedToo() throws {
        let utf32 = try #require(Self.document("UTF-32").data(using: .utf32LittleEndian))
        let folder = try Self.folder(["u.xml": utf32])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ExportCtlRunner.run(["validate", "--schema", "t.xsd", "u.xml"], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("u.xml:1:1: error: the document is in UCS-4;"), "\(result.errors)")
        #expect(result.errors.split(separator: "\n").count == 2)
    }

    @Test func utf16AndLatin1AreReadAsXmllintReadsThem() throws {
        let latin1 = try #require(Self.document("ISO-8859-1").data(using: .isoLatin1))
        let utf16 = try #require(Self.document("UTF-16").data(using: .utf16))
        let folder = try Self.folder(["l.xml": latin1, "w.xml": utf16, "a.xml": Data(Self.document("US-ASCII").replacingOccurrences(of: "\u{E9}", with: "e").utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["l.xml", "w.xml", "a.xml"] {
            let oracle = try Oracle.runSystemTool("xmllint", ["--noout", "--nonet", "--schema", folder.appendingPathComponent("t.xsd").path, folder.appendingPathComponent(file).path])
            #expect(oracle.status == 0, "\(file): \(oracle.errors)")
            let result = try ExportCtlRunner.run(["validate", "--schema", "t.xsd", file], currentDirectory: folder)
            #expect(result.status == 0, "\(file): \(result.errors)")
            #expect(result.errors.isEmpty)
        }
    }

    @Test func aFileLabelledUTF16ThatIsNotIsOneLocatedError() throws {
        let folder = try Self.folder(["m.xml": Data(Self.document("UTF-16").utf8)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try ExportCtlRunner.run(["validate", "--schema", "t.xsd", "m.xml"], currentDirectory: folder)
        #expect(result.status == 1)
        #expect(result.errors.split(separator: "\n").first == "m.xml:1:1: error: the document declares UTF-16 but is not UTF-16")
    }
}
