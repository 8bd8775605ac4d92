import Export
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// POST to the inbox and GET of a status: a submission is read whole (at most `max_content_length`), judged
/// object by object, stored in one transaction, and answered 202 with its status only after the commit.
extension TAXIIRoutes {
    func submit(_ request: Request, _ context: TAXIIRequestContext) async throws -> Response {
        guard TAXIIMediaType.isTAXIIContent(request.headers[.contentType]) else { throw TAXIIError.unsupportedMediaType }
        if let declared = request.headers[.contentLength], Int(declared).map({ $0 > maxContentLength }) ?? true {
            throw TAXIIError.contentTooLarge(maxContentLength)
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxContentLength)
        } catch is NIOTooManyBytesError {
            throw TAXIIError.contentTooLarge(maxContentLength)
        }
        let partner = context.partner ?? ""
        let receivedAt = TAXIITimestamp.now.description
        let envelope = try InboxEnvelope(Array(buffer: body))
        let statusID = UUID().uuidString.lowercased()
        let (status, isStored) = try await store.submit(envelope, partner: partner, statusID: statusID, receivedAt: receivedAt)
        let failures = status.resource["failures"] ?? .array([])
        guard isStored else {
            throw TAXIIError.unprocessable("no object in the envelope is acceptable", details: .object(["failures": failures]))
        }
        logger.info(
            "submission",
            metadata: [
                "partner": "\(partner)", "status_id": "\(statusID)", "successes": "\(status.successes.count)",
                "failures": "\(status.failures.count)",
            ])
        return TAXIIMediaType.response(status: .accepted, body: status.bytes)
    }

    func status(_ context: TAXIIRequestContext) async throws -> Response {
        let id = (context.parameters.get("status") ?? "").lowercased()
        guard let bytes = try await store.status(id, partner: context.partner ?? "") else {
            throw TAXIIError.notFound("no such status")
        }
        return TAXIIMediaType.response(status: .ok, body: bytes)
    }
}
