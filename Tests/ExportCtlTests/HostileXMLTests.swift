import ExportTestSupport
import Foundation
import Testing

/// Hostile documents against `exportctl validate` (streaming path) and `exportctl export` (DOM import path),
/// each under a hang guard of 20 s and 500 MB of address space, next to valid files that must still pass.
@Suite(.serialized)
struct HostileXMLTests {
    static let namespace = "urn:exportctl:threat-report:1"

    /// Runs exportctl under `timeout 20` and a 500 MB address-space limit; 124 means the guard fired.
    private func guarded(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        let quoted = ([RepositoryPaths.exportctl.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        return try ProcessRunner.run(
            "/bin/sh", ["-c", "ulimit -v 512000; exec timeout 20 \(quoted)"], currentDirectory: directory)
    }

    private func documents(canary: URL) -> [(name: String, text: String, expected: String)] {
        let root = "<report xmlns=\"\(Self.namespace)\" formatVersion=\"1.0\" published=\"2023\">"
        let laughs = (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 - 1);", count: 10) + "\">" }
        return [
            ("external-file.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY x SYSTEM \"file://\(canary.path)\">]>\n\(root)<title>&x;</title></report>\n", "DOCTYPE declarations are not allowed"),
            ("external-url.xml", "<!-- a comment first -->\n<!DOCTYPE report SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n\(root)<title>t</title></report>\n", "DOCTYPE declarations are not allowed"),
            ("billion-laughs.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE report [<!ENTITY lol0 \"lol\">\(laughs.joined())]>\n\(root)<title>&lol9;</title></report>\n", "DOCTYPE declarations are not allowed"),
            ("quadratic.xml", "<!DOCTYPE report [<!ENTITY a \"\(String(repeating: "x", count: 100_000))\">]>\n\(root)<title>\(String(repeating: "&a;", count: 50_000))</title></report>\n", "DOCTYPE declarations are not allowed"),
            ("plain-doctype.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE report>\n\(root)<title>t</title></report>\n", "DOCTYPE declarations are not allowed"),
            ("deep.xml", root + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000) + "</report>", "Excessive depth in document"),
            ("huge-attribute.xml", "<report xmlns=\"\(Self.namespace)\" formatVersion=\"" + String(repeating: "a", count: 100_000_000) + "\"/>", "error:"),
            ("invalid-utf8.xml", root + "<title>\u{FFFD}</title></report>", "Input is not proper UTF-8"),
            ("truncated.xml", root + "<title>cut here", "error:"),
            ("empty.xml", "", "error:"),
        ]
    }

    private func write(_ name: String, _ text: String, in directory: URL) throws {
        var data = Data(text.utf8)
        if name == "invalid-utf8.xml", let range = data.range(of: Data("\u{FFFD}".utf8)) {
            data.replaceSubrange(range, with: [0xFF, 0xFE, 0xC0])
        }
        try data.write(to: directory.appendingPathComponent(name))
    }

    @Test func everyHostileFileFailsClearlyWhileValidFilesPass() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        let canary = directory.appendingPathComponent("canary.txt")
        try Data("CANARY-7f3a9c-SECRET".utf8).write(to: canary)
        let hostile = documents(canary: canary)
        for document in hostile { try write(document.name, document.text, in: directory) }
        let scenario = try guarded(["export", "--format", "report-xml", "-o", "scenario.xml"], in: directory)
        #expect(scenario.status == 0, "\(scenario.errors)")
        for document in hostile {
            // Each alone, so its exit code and message are its own.
            let result = try guarded(["validate", document.name], in: directory)
            #expect(result.status == 1, "\(document.name): exit \(result.status) \(result.errors.prefix(300))")
            #expect(result.errors.contains("\(document.name):"), "\(document.name): \(result.errors.prefix(300))")
            #expect(result.errors.contains(document.expected), "\(document.name): \(result.errors.prefix(300))")
            #expect(!result.errors.contains("CANARY") && !result.output.contains("CANARY"))
            // The import path (hardened DOM parser) refuses it too.
            let imported = try guarded(["export", document.name, "--input-format", "report-xml", "--format", "report-json"], in: directory)
            #expect(imported.status == 1, "\(document.name) import: exit \(imported.status) \(imported.errors.prefix(300))")
            #expect(!imported.output.contains("CANARY") && !imported.errors.contains("CANARY"))
        }
        // In the same run, with every hostile file alongside, the valid export still validates.
        let all = try guarded(["validate", "scenario.xml"] + hostile.map(\.name), in: directory)
        #expect(all.status == 1)
        #expect(!all.errors.contains("scenario.xml:"), "\(all.errors.prefix(500))")
        let valid = try guarded(["validate", "scenario.xml"], in: directory)
        #expect(valid.status == 0, "\(valid.errors)")
    }

    @Test func externalEntityFileIsNeverOpened() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        let canary = directory.appendingPathComponent("canary.txt")
        try Data("CANARY-7f3a9c-SECRET".utf8).write(to: canary)
        let document = try #require(documents(canary: canary).first)
        try write(document.name, document.text, in: directory)
        let trace = directory.appendingPathComponent("trace.txt").path
        for arguments in [["validate", document.name], ["export", document.name, "--input-format", "report-xml"]] {
            let result = try Oracle.runSystemTool(
                "strace", ["-f", "-e", "trace=openat", "-o", trace, RepositoryPaths.exportctl.path]
                    + arguments.map { $0 == document.name ? directory.appendingPathComponent($0).path : $0 })
            #expect(result.status == 1, "\(result.errors)")
            let opened = try String(contentsOfFile: trace, encoding: .utf8)
            #expect(opened.contains(document.name), "strace saw the document opened, so it traces opens at all")
            #expect(!opened.contains("canary.txt"), "the canary was opened")
            #expect(!result.output.contains("CANARY") && !result.errors.contains("CANARY"))
        }
    }

    @Test func schemaImportFromTheNetworkIsRefusedWithoutConnecting() throws {
        let directory = try RepositoryPaths.makeTemporaryDirectory()
        try Data("""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">
              <xs:import namespace="urn:b" schemaLocation="http://127.0.0.1:9/b.xsd"/>
              <xs:element name="a" type="xs:string"/>
            </xs:schema>
            """.utf8).write(to: directory.appendingPathComponent("net.xsd"))
        try Data("<a xmlns=\"urn:a\">x</a>".utf8).write(to: directory.appendingPathComponent("a.xml"))
        let trace = directory.appendingPathComponent("net.trace").path
        let result = try Oracle.runSystemTool(
            "strace", ["-f", "-e", "trace=connect,socket", "-o", trace, RepositoryPaths.exportctl.path, "validate",
                       "--schema", directory.appendingPathComponent("net.xsd").path, directory.appendingPathComponent("a.xml").path])
        #expect(result.status == 1, "a schema whose import fails does not compile: \(result.errors)")
        #expect(result.errors.contains("net.xsd:2:1: error:") && result.errors.contains("http://127.0.0.1:9/b.xsd"))
        let calls = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(!calls.contains("AF_INET"), "exportctl opened a network socket: \(calls)")
        #expect(!calls.contains("connect("), "exportctl tried to connect: \(calls)")
    }
}
