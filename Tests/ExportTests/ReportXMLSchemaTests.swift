@testable import Export
import ExportTestSupport
import Foundation
import Testing

/// Meta-tests on `Schemas/threat-report.xsd` itself, read with the library's own parser.
struct ReportXMLSchemaTests {
    private static let xsdNamespace = "http://www.w3.org/2001/XMLSchema"

    private func schemaElements() throws -> (XMLDocument, [XMLElement]) {
        let text = try #require(EmbeddedResources.files[ReportXMLSchema.path])
        let parsed = XMLDocument.parse(Array(text.utf8), file: ReportXMLSchema.path)
        let document = try #require(parsed.document)
        let root = try #require(document.root)
        var all: [XMLElement] = []
        var pending = [root]
        while let element = pending.popLast() {
            all.append(element)
            pending.append(contentsOf: element.children)
        }
        return (document, all)
    }

    @Test func noWildcardsOrAnyTypeInOurNamespace() throws {
        let (document, elements) = try schemaElements()
        withExtendedLifetime(document) {
            #expect(!elements.isEmpty)
            #expect(!elements.contains { $0.namespace == Self.xsdNamespace && ["any", "anyAttribute"].contains($0.name) })
            for element in elements {
                for attribute in ["type", "base"] {
                    let value = element.attribute(attribute) ?? ""
                    #expect(!value.hasSuffix(":anyType") && !value.hasSuffix(":anySimpleType"), "\(element.name) at line \(element.line)")
                }
            }
            // An element declared without a type and without content would be anyType implicitly.
            for declaration in elements where declaration.name == "element" && declaration.attribute("ref") == nil {
                let hasType = declaration.attribute("type") != nil || declaration.child("complexType") != nil
                    || declaration.child("simpleType") != nil
                #expect(hasType, "xs:element '\(declaration.attribute("name") ?? "?")' at line \(declaration.line) is anyType")
            }
        }
    }

    @Test func everyElementIsDocumented() throws {
        let (document, elements) = try schemaElements()
        withExtendedLifetime(document) {
            let declarations = elements.filter { $0.name == "element" && $0.namespace == Self.xsdNamespace }
            #expect(declarations.count > 50)
            for declaration in declarations {
                let text = declaration.child("annotation")?.childText("documentation") ?? ""
                #expect(text.count > 3, "xs:element '\(declaration.attribute("name") ?? "?")' at line \(declaration.line) has no xs:documentation")
            }
        }
    }

    @Test func schemaIsVersionedAndCompiles() throws {
        let (document, elements) = try schemaElements()
        withExtendedLifetime(document) {
            #expect(elements.first?.name == "schema")
            #expect(elements.first?.attribute("targetNamespace") == "urn:exportctl:threat-report:1")
            #expect(elements.first?.attribute("version") == "1.0")
        }
        _ = try ReportXMLSchema.shared()
        let onDisk = try String(contentsOf: RepositoryPaths.schemas.appendingPathComponent("threat-report.xsd"), encoding: .utf8)
        #expect(EmbeddedResources.files[ReportXMLSchema.path] == onDisk, "run python3 Scripts/embed-resources.py")
    }
}

extension ReportXMLSchemaTests {
    @Test(arguments: [
        ("<report xmlns=\"urn:exportctl:threat-report:1\"/>", true),
        ("\u{FEFF}<?xml version='1.0'?>\n<tr:report xmlns:tr='urn:exportctl:threat-report:1'/>", true),
        ("<report xmlns=\"urn:exportctl:threat-report:2\"/>", false),
        ("title: urn:exportctl:threat-report:1\n", false),
    ])
    func recognisesItsNamespaceOnly(_ text: String, _ expected: Bool) {
        #expect(ReportXMLSchema.recognises(Array(text.utf8)) == expected)
    }
}
