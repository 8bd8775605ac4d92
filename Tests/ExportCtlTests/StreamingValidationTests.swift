import ExportTestSupport
import Foundation
import Testing

/// Large files stream: a document several times larger than the memory allowed still validates.
struct StreamingValidationTests {
    @Test func fileLargerThanTheMemoryLimitValidates() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
              <xs:element name="log"><xs:complexType><xs:sequence>
                <xs:element name="entry" maxOccurs="unbounded"><xs:complexType><xs:simpleContent>
                  <xs:extension base="xs:string"><xs:attribute name="n" type="xs:nonNegativeInteger" use="required"/></xs:extension>
                </xs:simpleContent></xs:complexType></xs:element>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """.utf8).write(to: directory.appendingPathComponent("log.xsd"))
        let big = directory.appendingPathComponent("big.xml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.write(contentsOf: Data("<log>\n".utf8))
        var chunk = ""
        for index in 0..<5_000 { chunk += "<entry n=\"\(index)\">some logged text that fills the file up quickly</entry>\n" }
        let data = Data(chunk.utf8)
        let chunks = (320 << 20) / data.count
        for _ in 0..<chunks { try handle.write(contentsOf: data) }
        try handle.write(contentsOf: Data("<entry n=\"-1\">the only invalid entry, at the very end</entry>\n</log>\n".utf8))
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int)
        #expect(size > 300 << 20)
        // 256 MB of address space for the whole process, the binary's own ~150 MB included: no tree fits.
        let command = "ulimit -v 262144; exec timeout 120 '\(RepositoryPaths.exportctl.path)' validate --schema log.xsd big.xml"
        let result = try ProcessRunner.run("/bin/sh", ["-c", command], currentDirectory: directory)
        #expect(result.status == 1, "\(result.errors.prefix(500))")
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(result.errors.prefix(500))")
        // Line numbers past 65,535 stay exact (XML_PARSE_BIG_LINES).
        #expect(lines.first?.hasPrefix("big.xml:\(chunks * 5_000 + 2):") == true, "\(result.errors.prefix(300))")
        #expect(lines.first?.hasPrefix("big.xml:") == true && lines.first?.contains("'-1' is not a valid value") == true)
    }
}
