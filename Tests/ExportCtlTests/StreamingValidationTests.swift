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
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
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

    /// A report listing a million references (the shape of the 1 GB benchmark bundle, whose one report names
    /// every object) validates in a process allowed 256 MB of address space: the list is read element by
    /// element, where reading the report whole took ~300 MB. The one bad element, the last, is found on its line.
    @Test func reportWithAMillionReferencesValidatesInLittleMemory() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let ids = (0..<4).map { "identity--6ba7b810-9dad-41d1-80b4-00c04fd430c\($0)" }
        var head = "{\"type\": \"bundle\", \"id\": \"bundle--8a0d3b7e-5c4f-4a51-9c1e-0d6b2f3a4e5c\", \"objects\": [\n"
        let stamps = "\"created\": \"2020-01-01T00:00:00.000Z\", \"modified\": \"2020-01-01T00:00:00.000Z\""
        for id in ids { head += "{\"type\": \"identity\", \"spec_version\": \"2.1\", \"id\": \"\(id)\", \(stamps), \"name\": \"n\"},\n" }
        head += "{\"type\": \"report\", \"spec_version\": \"2.1\", \"id\": \"report--6ba7b810-9dad-41d1-80b4-00c04fd430c8\", \(stamps), "
        head += "\"name\": \"r\", \"published\": \"2020-01-01T00:00:00Z\", \"object_refs\": [\n"
        let file = directory.appendingPathComponent("refs.json")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data(head.utf8))
        let references = 1_000_000
        var chunk = ""
        for index in 0..<references - 1 {
            chunk += "\"\(ids[index % ids.count])\",\n"
            if chunk.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        chunk += "\"not-an-id\"\n]}\n]}\n"
        try handle.write(contentsOf: Data(chunk.utf8))
        try handle.close()
        let command = "ulimit -v 262144; exec timeout 300 '\(RepositoryPaths.exportctl.path)' validate refs.json"
        let result = try ProcessRunner.run("/bin/sh", ["-c", command], currentDirectory: directory)
        #expect(result.status == 1, "\(result.errors.prefix(500))")
        let lines = result.errors.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        let lastLine = 1 + ids.count + 1 + references
        #expect(lines.count == 1, "\(result.errors.prefix(500))")
        #expect(lines.first?.hasPrefix("refs.json:\(lastLine):1: error: 'object_refs' must hold an identifier") == true, "\(result.errors.prefix(500))")
    }
}
