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

    /// 405: the endpoint does not take this method.
    public static let methodNotAllowed = TAXIIError(
        status: .methodNotAllowed, title: "Method not allowed", detail: "this endpoint does not take that method")
}

extension TAXIIError: HTTPResponseError {
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = CanonicalJSON.bytes(
            .object([
                "title": .string(title), "description": .string(detail), "http_status": .string(String(status.code)),
            ]), indent: nil)
        var response = TAXIIMediaType.response(status: status, body: body)
        if status == .unauthorized {
            response.headers[.wwwAuthenticate] = "Basic realm=\"exportctl TAXII\", charset=\"UTF-8\""
        }
        return response
    }
}
