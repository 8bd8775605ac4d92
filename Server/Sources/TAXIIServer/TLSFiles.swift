import Foundation
import NIOSSL

/// The server's certificate chain and private key (`--tls-cert`, `--tls-key`, PEM), read once at start-up into a
/// TLS configuration (TLS 1.2 and later, NIOSSL's default ciphers).
///
/// Only regular files of at most 1 MiB are read, so a device or FIFO named by mistake is refused rather than read
/// for ever; an error names the file and what is wrong with it, never its contents.
enum TLSFiles {
    static let maximumSize = 1 << 20

    /// Reads both files.
    /// - Throws: ``TAXIIConfigurationError`` naming the option and file.
    static func configuration(certificate: String, key: String) throws(TAXIIConfigurationError) -> TLSConfiguration {
        let chainBytes = try read(certificate, option: "--tls-cert")
        let keyBytes = try read(key, option: "--tls-key")
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMBytes(chainBytes)
        } catch {
            throw TAXIIConfigurationError("--tls-cert \(certificate): not a PEM certificate chain")
        }
        guard !chain.isEmpty else { throw TAXIIConfigurationError("--tls-cert \(certificate): holds no certificate") }
        let privateKey: NIOSSLPrivateKey
        do {
            privateKey = try NIOSSLPrivateKey(bytes: keyBytes, format: .pem)
        } catch {
            throw TAXIIConfigurationError("--tls-key \(key): not an unencrypted PEM private key")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(privateKey))
        configuration.minimumTLSVersion = .tlsv12
        return configuration
    }

    private static func read(_ path: String, option: String) throws(TAXIIConfigurationError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { throw TAXIIConfigurationError("\(option) \(path): cannot be read") }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw TAXIIConfigurationError("\(option) \(path): not a regular file")
        }
        guard let size = attributes[.size] as? Int, size <= maximumSize,
            let data = FileManager.default.contents(atPath: path), data.count <= maximumSize
        else { throw TAXIIConfigurationError("\(option) \(path): cannot be read, or larger than 1 MiB") }
        return Array(data)
    }
}
