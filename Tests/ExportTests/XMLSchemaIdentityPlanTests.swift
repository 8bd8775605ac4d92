@testable import Export
import Foundation
import Testing

/// Which schemas the streamed identity check takes, and that it agrees with libxml2 on the forms it takes.
struct XMLSchemaIdentityPlanTests {
    private static func schema(constraints: String, extra: String = "") -> String {
        """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:p="urn:t" targetNamespace="urn:t"
                   elementFormDefault="qualified">
          <xs:element name="r"><xs:complexType><xs:sequence>
            <xs:element name="g" minOccurs="0"><xs:complexType><xs:sequence>
              <xs:element name="k" maxOccurs="unbounded"><xs:complexType>
                <xs:attribute name="id" type="xs:string"/>
              </xs:complexType></xs:element>
            </xs:sequence></xs:complexType></xs:element>
            <xs:element name="u" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="w" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence>
              <xs:element name="ref" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            </xs:sequence></xs:complexType></xs:element>
            \(extra)
          </xs:sequence></xs:complexType>
          \(constraints)
          </xs:element>
        </xs:schema>
        """
    }

    private static let supported = schema(constraints: """
        <xs:key name="kid"><xs:selector xpath="p:g/p:k"/><xs:field xpath="@id"/></xs:key>
        <xs:unique name="once"><xs:selector xpath="./p:u"/><xs:field xpath="."/></xs:unique>
        <xs:keyref name="kref" refer="p:kid"><xs:selector xpath=".//p:ref"/><xs:field xpath="."/></xs:keyref>
        """)

    @Test(arguments: [
        ("<r xmlns='urn:t'><g><k id='a'/><k id='b'/></g><u>x</u><u>y</u><w><ref>b</ref><ref>a</ref></w></r>", true),
        ("<r xmlns='urn:t'><w><ref>a</ref></w></r>", false),
        ("<r xmlns='urn:t'><g><k id='a'/>\n<k id='a'/></g></r>", false),
        ("<r xmlns='urn:t'><g><k/></g></r>", false),
        ("<r xmlns='urn:t'><u>x</u>\n<u>x</u></r>", false),
        ("<r xmlns='urn:t'><g><k id='a'/></g><w>\n<ref>a</ref><ref>c</ref>\n<ref>d</ref></w></r>", false),
    ])
    func streamAgreesWithTree(_ document: String, _ isValid: Bool) throws {
        let schema = try XMLSchema(text: Self.supported, name: "t.xsd", checksIdentityOnStream: true)
        let plan = try #require(schema.streamingPlan)
        #expect(plan.constraints.map(\.kind) == [.key, .unique, .keyref])
        let tree = XMLValidation.validate(Array(document.utf8), file: "d.xml", against: schema)
        let stream = XMLStreamValidator.validate(Array(document.utf8), file: "d.xml", against: schema)
        #expect(tree.hasErrors == !isValid, "\(tree)")
        #expect(stream.map { "\($0.location?.line ?? 0): \($0.message)" } == tree.map { "\($0.location?.line ?? 0): \($0.message)" })
    }

    @Test(arguments: [
        "<xs:key name='x'><xs:selector xpath='p:g/p:k'/><xs:field xpath='p:g/@id'/></xs:key>",
        "<xs:key name='x'><xs:selector xpath='p:g/*'/><xs:field xpath='@id'/></xs:key>",
        "<xs:key name='x'><xs:selector xpath='p:g/p:k'/><xs:field xpath='@id'/><xs:field xpath='@id'/></xs:key>",
        "<xs:key name='x'><xs:selector xpath='child::p:g/p:k'/><xs:field xpath='@id'/></xs:key>",
    ])
    func unsupportedFormsGoToLibxml2(_ constraints: String) throws {
        let schema = try XMLSchema(text: Self.schema(constraints: constraints), name: "t.xsd", checksIdentityOnStream: true)
        #expect(schema.streamingPlan == nil)
    }

    @Test func wildcardsAndLocalScopesGoToLibxml2() throws {
        let wildcard = Self.schema(
            constraints: "<xs:key name='x'><xs:selector xpath='p:g/p:k'/><xs:field xpath='@id'/></xs:key>",
            extra: "<xs:any namespace='##other' processContents='lax' minOccurs='0'/>")
        #expect(try XMLSchema(text: wildcard, name: "t.xsd", checksIdentityOnStream: true).streamingPlan == nil)
        let local = Self.supported.replacingOccurrences(
            of: "<xs:element name=\"u\" type=\"xs:string\" minOccurs=\"0\" maxOccurs=\"unbounded\"/>",
            with: "<xs:element name=\"u\" minOccurs=\"0\" maxOccurs=\"unbounded\"><xs:complexType/><xs:unique name=\"l\"><xs:selector xpath=\"p:q\"/><xs:field xpath=\"@a\"/></xs:unique></xs:element>")
        #expect(local != Self.supported)
        #expect(try XMLSchema(text: local, name: "t.xsd", checksIdentityOnStream: true).streamingPlan == nil)
        #expect(try XMLSchema(text: Self.supported, name: "t.xsd").streamingPlan == nil, "only on request")
    }

    @Test func hashSetFindsWhatItHolds() {
        var set = XMLIdentityHashSet()
        var inserted = 0
        for value in 0..<20_000 as Range<UInt64> where set.insert(value &* 0x9E37_79B9_7F4A_7C15) { inserted += 1 }
        #expect(inserted == 20_000 && set.count == 20_000)
        let again = set.insert(7 &* 0x9E37_79B9_7F4A_7C15)
        let one = set.insert(1)
        #expect(!again)
        #expect(!one, "zero is stored as one")
        #expect(set.contains(5 &* 0x9E37_79B9_7F4A_7C15))
        #expect(!set.contains(20_001 &* 0x9E37_79B9_7F4A_7C15))
    }
}
