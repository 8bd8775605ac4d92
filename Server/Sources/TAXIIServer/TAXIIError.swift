public import Export
public import HTTPTypes
public import Hummingbird

/// A refusal the server answers with a TAXII error resource (`{"title", "description", "http_status"}`), never
/// an HTML page and never a detail of another partner's view.
public struct TAXIIError: Error, Sendable, Equatable {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A short, fixed title for the status.
    public let title: String
    /// What was wrong with the request, naming only what the client sent.
    public let detail: String
    /// Application-specific details (the error resource's `details`): a refused submission's per-object failures.
    public var details: JSONValue? = nil

    /// Creates an error with a status, a title and a detail.
    public init(status: HTTPResponse.Status, title: String, detail: String, details: JSONValue? = nil) {
        (self.status, self.title, self.detail, self.details) = (status, title, detail, details)
    }

    /// 400: a parameter or path segment is malformed.
    public static func badRequest(_ detail: String) -> TAXIIError {
        TAXIIError(status: .badRequest, title: "Bad request", detail: detail)
    }

    /// 401: no credentials, or credentials that do not match a partner. One message for both, so that a client
    /// cannot tell a wrong name from a wrong password.
    public static let unauthorized = TAXIIError(
        status: .unauthorized, title: "Authentication required",
        detail: "send HTTP Basic credentials of a partner of this server")

    /// 403: the partner is known but may not do this.
    public static func forbidden(_ detail: String) -> TAXIIError {
        TAXIIError(status: .forbidden, title: "Forbidden", detail: detail)
    }

    /// 404: nothing the partner may see is here.
    public static func notFound(_ detail: String = "no such resource") -> TAXIIError {
        TAXIIError(status: .notFound, title: "Not found", detail: detail)
    }

    /// 406: the `Accept` header names no media type this server sends.
    public static let notAcceptable = TAXIIError(
        status: .notAcceptable, title: "Not acceptable",
        detail: "this server sends application/taxii+json;version=2.1; ask for it (or */*) in Accept")

    /// 413: the request body is larger than the API root's `max_content_length`.
    public static func contentTooLarge(_ limit: Int) -> TAXIIError {
        TAXIIError(
            status: .contentTooLarge, title: "Content too large",
            detail: "the body is larger than max_content_length (\(limit) bytes); send fewer objects per request")
    }

    /// 415: a POST whose `Content-Type` is not TAXII 2.1 JSON.
    public static let unsupportedMediaType = TAXIIError(
        status: .unsupportedMediaType, title: "Unsupported media type",
        detail: "send the envelope as Content-Type: application/taxii+json;version=2.1")

    /// 422: well-formed JSON that is not a usable envelope, or an envelope with no acceptable object.
    public static func unprocessable(_ detail: String, details: JSONValue? = nil) -> TAXIIError {
        TAXIIError(status: .unprocessableContent, title: "Unprocessable content", detail: detail, details: details)
    }

    /// 405: the endpoint does not take this method.
    /// 503: the database did not answer in time (PostgreSQL down or unreachable); the client may retry.
    public static let unavailable = TAXIIError(
        status: .serviceUnavailable, title: "Service unavailable", detail: "the database did not answer in time; retry later")

    public static let methodNotAllowed = TAXIIError(
        status: .methodNotAllowed, title: "Method not allowed", detail: "this endpoint does not take that method")
}

extension TAXIIError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var resource: [String: JSONValue] = [
            "title": .string(title), "description": .string(detail), "http_status": .string(String(status.code)),
        ]
        if let details { resource["details"] = details }
        let body = CanonicalJSON.bytes(.object(resource), indent: nil)
        var response = TAXIIMediaType.response(status: status, body: body)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Basic realm=\"exportctl TAXII\", charset=\"UTF-8\""
        }
        return response
    }
}
