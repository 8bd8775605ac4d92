import HTTPTypes
import Hummingbird
import NIOCore

/// The one media type of TAXII 2.1 requests and responses, and the leniency real clients need.
enum TAXIIMediaType {
    /// What every response says it is.
    static let contentType = "application/taxii+json;version=2.1"
    /// What a collection holds, in its `media_types` and in manifest entries.
    static let stix = "application/stix+json;version=2.1"

    /// Whether an `Accept` header admits TAXII 2.1 JSON: a missing header, `*/*`, `application/*`,
    /// `application/taxii+json` with no version (the spec's "latest", which medallion refuses) or with version 2.1.
    /// A range with `q=0` does not count.
    static func isAcceptable(_ accept: String?) -> Bool {
        guard let accept, accept != contentType else { return true }  // what clients send: no parsing
        guard !accept.utf8.allSatisfy({ $0 == 32 || $0 == 9 }) else { return true }
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { trimmed($0).lowercased() }
            guard let type = parts.first else { continue }
            var version: String?
            var quality = "1"
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { trimmed($0, also: "\"") }
                guard pair.count == 2 else { continue }
                if pair[0] == "version" { version = pair[1] }
                if pair[0] == "q" { quality = pair[1] }
            }
            if let q = Double(quality), q <= 0 { continue }
            switch type {
            case "*/*", "application/*": return true
            case "application/taxii+json": if version == nil || version == "2.1" { return true }
            default: continue
            }
        }
        return false
    }

    /// Whether a request's `Content-Type` is TAXII JSON: `application/taxii+json` with version 2.1, or with no
    /// version (read, as in `Accept`, as the latest this server speaks).
    static func isTAXIIContent(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";").map { trimmed($0).lowercased() }
        guard parts.first == "application/taxii+json" else { return false }
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { trimmed($0, also: "\"") }
            if pair.count == 2, pair[0] == "version", pair[1] != "2.1" { return false }
        }
        return true
    }

    /// `text` without surrounding spaces and tabs (and `also`). By scalars, not Characters: reversing Characters
    /// twice to trim made parsing `Accept` 7% of a paged read's CPU.
    private static func trimmed(_ text: Substring, also extra: Unicode.Scalar = " ") -> String {
        let scalars = text.unicodeScalars
        let keep: (Unicode.Scalar) -> Bool = { $0 != " " && $0 != "\t" && $0 != extra }
        guard let first = scalars.firstIndex(where: keep), let last = scalars.lastIndex(where: keep) else { return "" }
        return String(scalars[first...last])
    }

    /// A response carrying `body` as TAXII JSON.
    static func response(status: HTTPResponse.Status, body: [UInt8], headers extra: HTTPFields = [:]) -> Response {
        response(status: status, buffer: ByteBuffer(bytes: body), headers: extra)
    }

    /// A response carrying `buffer` as TAXII JSON.
    static func response(status: HTTPResponse.Status, buffer: ByteBuffer, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        headers[.contentLength] = String(buffer.readableBytes)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}
