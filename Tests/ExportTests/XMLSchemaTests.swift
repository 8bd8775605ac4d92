@testable import Export
import ExportTestSupport
import Foundation
import Testing

struct XMLSchemaTests {
    private static let schemaText = """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns="urn:t"
                   elementFormDefault="qualified">
          <xs:element name="r"><xs:complexType><xs:sequence>
            <xs:element name="n" type="xs:int" maxOccurs="unbounded"/>
          </xs:sequence></xs:complexType></xs:element>
        </xs:schema>
        """

    @Test func failedImportIsAnError() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        let path = directory.appendingPathComponent("importing.xsd").path
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">
              <xs:import namespace="urn:b" schemaLocation="missing.xsd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try XMLSchema(path: path)
            Issue.record("a schema whose import fails must not compile")
        } catch let error as ExportError {
            #expect(error.code == .invalidInput)
            #expect(error.diagnostics.contains { $0.severity == .error && $0.message.contains("missing.xsd") })
        }
    }

    @Test func schemaURLsAreRefused() {
        #expect(throws: ExportError.self) { _ = try XMLSchema(path: "http://example.org/x.xsd") }
    }

    @Test func findingsCarryFileLineAndColumn() throws {
        let schema = try XMLSchema(text: Self.schemaText, name: "t.xsd")
        let findings = XMLValidation.validate(Array("<r xmlns=\"urn:t\">\n<n>1</n>\n<n>x</n>\n</r>".utf8), file: "doc.xml", against: schema)
        #expect(findings.count == 1)
        #expect(findings.first?.location == SourceLocation(file: "doc.xml", line: 3, column: 1))
        #expect(findings.first?.rendered.hasPrefix("doc.xml:3:1: error: Element '{urn:t}n': 'x' is not a valid value") == true)
    }

    @Test func treeAndStreamGiveTheSameVerdict() throws {
        let schema = try XMLSchema(text: Self.schemaText, name: "t.xsd")
        for text in ["<r xmlns=\"urn:t\"><n>1</n></r>", "<r xmlns=\"urn:t\"><n>y</n></r>", "<r xmlns=\"urn:t\"><n>1</n>", ""] {
            let tree = XMLValidation.validate(Array(text.utf8), file: "d.xml", against: schema)
            let stream = XMLStreamValidator.validate(Array(text.utf8), file: "d.xml", against: schema)
            #expect(tree.hasErrors == stream.hasErrors, "\(text): \(tree) vs \(stream)")
            #expect(tree.map(\.location?.line) == stream.map(\.location?.line) || text.isEmpty || text.hasSuffix("</n>"))
        }
    }

    @Test func oneCompiledSchemaServesManyTasks() async throws {
        let schema = try XMLSchema(text: Self.schemaText, name: "t.xsd")
        let invalid = Array("<r xmlns=\"urn:t\"><n>a</n><n>b</n><n>3</n></r>".utf8)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<16 {
                group.addTask {
                    (0..<50).reduce(0) { total, _ in
                        total + (index.isMultiple(of: 2)
                            ? XMLStreamValidator.validate(invalid, file: "s.xml", against: schema).count
                            : XMLValidation.validate(invalid, file: "t.xml", against: schema).count)
                    }
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 100, count: 16))
    }
}
