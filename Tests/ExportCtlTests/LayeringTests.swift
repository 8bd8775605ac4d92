import ExportTestSupport
import Foundation
import Testing

/// `Scripts/check-layers.py`, which `Scripts/test.sh` runs before building: the real tree passes, and each kind
/// of violation planted in a copy of one target's folder is caught with the file and line.
struct LayeringTests {
    static let script = RepositoryPaths.root.appendingPathComponent("Scripts/check-layers.py").path

    @Test func theRepositoryKeepsItsLayers() throws {
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", Self.script])
        #expect(run.status == 0, "\(run.errors)")
    }

    /// A new format is a folder named Format<Name>: the script knows its layer without a row of its own.
    @Test func aNewFormatFolderNeedsNoRow() throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        let folder = root.appendingPathComponent("Sources/FormatOpenIOC")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let imports = "public import ExportCore\nimport ExportSharing\nimport ExportXML\nimport Crypto\n"
        try imports.write(to: folder.appendingPathComponent("OpenIOCWriter.swift"), atomically: true, encoding: .utf8)
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", Self.script, "--root", root.path])
        #expect(run.status == 0, "\(run.errors)")
    }

    @Test(arguments: [
        ("FormatMISP", "import FormatSTIX21", "a format target imports no other format"),
        ("FormatOpenIOC", "import FormatMISP", "a format target imports no other format"),
        ("FormatOpenIOC", "import Foundation", "FormatOpenIOC may import"),
        ("FormatSTIX21", "package import CLibXML", "only ExportXML imports CLibXML"),
        ("ExportSharing", "import ExportXML", "ExportSharing may import ExportCore"),
        ("ExportCore", "@preconcurrency import Foundation", "ExportCore may import Crypto"),
        ("Mystery", "import ExportCore", "a target this script does not know"),
    ])
    func aPlantedViolationIsReported(target: String, line: String, reason: String) throws {
        let root = try RepositoryPaths.makeTemporaryDirectory()
        let folder = root.appendingPathComponent("Sources/\(target)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "// planted\n\(line)\n".write(to: folder.appendingPathComponent("Planted.swift"), atomically: true, encoding: .utf8)
        let run = try ProcessRunner.run("/usr/bin/env", ["python3", Self.script, "--root", root.path])
        #expect(run.status == 1)
        #expect(run.errors.contains(reason), "\(run.errors)")
        if target != "Mystery" { #expect(run.errors.contains("Sources/\(target)/Planted.swift:2:1: error: ")) }
    }
}
