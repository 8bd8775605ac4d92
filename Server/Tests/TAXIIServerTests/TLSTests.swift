import Foundation
import Testing

@testable import TAXIIServer

/// `--tls-cert` and `--tls-key`: the server speaks HTTPS with the given certificate (a client that trusts it reads
/// discovery; plain HTTP gets no answer), and bad TLS files are one clear error that never shows the key.
@Suite(.serialized) struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, made by openssl in `folder`.
    private static func makeCertificate(in folder: String) throws -> (certificate: String, key: String) {
        let (certificate, key) = (folder + "/cert.pem", folder + "/key.pem")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", certificate, "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Oracle.Failure(description: "openssl could not make a certificate") }
        return (certificate, key)
    }

    /// GETs `url` with Python's TLS client trusting `certificate` only; returns the status and body, or the error.
    private static func get(_ url: String, certificate: String, user: String, password: String) throws -> String {
        let script = """
            import base64, ssl, sys, urllib.request
            context = ssl.create_default_context(cafile=sys.argv[2])
            request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Basic " + base64.b64encode(sys.argv[3].encode()).decode()})
            try:
                with urllib.request.urlopen(request, context=context, timeout=10) as reply:
                    print(reply.status, reply.read().decode())
            except Exception as error:
                print("error", type(error).__name__)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url, certificate, "\(user):\(password)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func servesHTTPSWithTheGivenCertificate() async throws {
        let setup = try TwoPartners()
        let (certificate, key) = try Self.makeCertificate(in: setup.folder.path)
        let data = setup.folder.path + "/data"
        let (secure, plain) = try await offPool {
            let server = try ServeProcess(
                partners: setup.file, storage: ["--data", data, "--tls-cert", certificate, "--tls-key", key])
            defer { server.kill() }
            let secure = try Self.get(server.url, certificate: certificate, user: "jp-ncc", password: setup.japan)
            let plain = try Self.get(
                server.url.replacingOccurrences(of: "https://", with: "http://"), certificate: certificate,
                user: "jp-ncc", password: setup.japan)
            return (secure, plain)
        }
        #expect(secure.hasPrefix("200 ") && secure.contains("\"api_roots\""), "\(secure)")
        #expect(plain.hasPrefix("error"), "plain HTTP was answered: \(plain)")
    }

    @Test func badTLSFilesAreOneClearErrorWithoutTheKey() async throws {
        let setup = try TwoPartners()
        let (certificate, key) = try Self.makeCertificate(in: setup.folder.path)
        let bogus = setup.folder.path + "/bogus.pem"
        try Data("-----BEGIN PRIVATE KEY-----\nPlanted-Key-Token-9\n-----END PRIVATE KEY-----\n".utf8)
            .write(to: URL(fileURLWithPath: bogus))
        let serve = ["serve", "--partners", setup.file, "--port", "0", "--data", setup.folder.path + "/data"]
        let cases: [([String], String)] = [
            (["--tls-cert", certificate], "--tls-cert and --tls-key go together"),
            (["--tls-cert", certificate, "--tls-key", bogus], "not an unencrypted PEM private key"),
            (["--tls-cert", bogus, "--tls-key", key], "not a PEM certificate chain"),
            (["--tls-cert", setup.folder.path + "/missing.pem", "--tls-key", key], "cannot be read"),
            (["--tls-cert", "/dev/zero", "--tls-key", key], "not a regular file"),
        ]
        let outcomes = try await offPool { try cases.map { try ServeProcess.outcome(serve + $0.0) } }
        for ((_, message), outcome) in zip(cases, outcomes) {
            #expect(outcome.status != 0 && outcome.error.contains(message), "\(message): \(outcome.error)")
            #expect(!(outcome.output + outcome.error).contains("Planted-Key-Token-9"))
        }
    }
}
