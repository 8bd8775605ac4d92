import Export
import ExportTestSupport
import Foundation
import Testing

struct StableIDTests {
    /// Python's uuid.uuid5 is the oracle for our UUIDv5 implementation.
    @Test func matchesPythonUUID5() throws {
        let names = ["desk.indo-pacific.example|identity|usa", "p|threat-actor|ä-ü", "", "x|incident|" + String(repeating: "z", count: 300)]
        let script = "import sys, uuid\nfor n in sys.stdin.read().split('\\0'):\n    print(uuid.uuid5(uuid.UUID(sys.argv[1]), n))\n"
        let result = try ProcessRunner.run(
            Oracle.python, ["-c", script, StableID.namespace], input: Data(names.joined(separator: "\0").utf8))
        #expect(result.status == 0, "\(result.errors)")
        let expected = result.output.split(separator: "\n").map(String.init)
        #expect(expected == names.map { StableID.uuid5(namespace: StableID.namespace, name: $0) })
    }

    @Test func idsDependOnProducerTypeAndLocalID() {
        let base = StableID.uuid(producer: "p", type: "identity", localID: "usa")
        #expect(base != StableID.uuid(producer: "q", type: "identity", localID: "usa"))
        #expect(base != StableID.uuid(producer: "p", type: "location", localID: "usa"))
        #expect(base != StableID.uuid(producer: "p", type: "identity", localID: "usb"))
        #expect(StableID.stixID(producer: "p", type: "identity", localID: "usa") == "identity--\(base)")
        let version = base[base.index(base.startIndex, offsetBy: 14)]
        #expect(version == "5")
    }
}
