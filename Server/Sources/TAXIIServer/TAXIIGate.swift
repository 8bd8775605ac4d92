import HTTPTypes
import Hummingbird
import Logging

/// In front of every route: authenticates the partner (401 before anything else, so that an unauthenticated
/// client learns nothing, not even which paths exist), checks `Accept` (406), turns every failure into a TAXII
/// error body, and writes one access-log line per request, without credentials.
struct TAXIIGate: RouterMiddleware {
    typealias Context = TAXIIRequestContext

    let authenticator: PartnerAuthenticator
    let logger: Logger

    func handle(
        _ request: Request, context: Context, next: @concurrent (Request, Context) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var context = context
        let response: Response
        do {
            guard let partner = await authenticator.partner(authorization: request.headers[.authorization]) else {
                throw TAXIIError.unauthorized
            }
            context.partner = partner.name
            guard TAXIIMediaType.isAcceptable(request.headers[.accept]) else { throw TAXIIError.notAcceptable }
            response = try await next(request, context)
        } catch let error as TAXIIError {
            response = try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own refusals (no such route, a method the route does not take) in TAXII's form.
            let status = error.status
            let known = TAXIIError(status: status, title: status.reasonPhrase, detail: status == .notFound ? "no such resource" : status.reasonPhrase)
            response = try known.response(from: request, context: context)
        } catch {
            logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            let failed = TAXIIError(status: .internalServerError, title: "Internal server error", detail: "the request failed")
            response = try failed.response(from: request, context: context)
        }
        let elapsed = ContinuousClock.now - started
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        // The path and query only: the Authorization header, and so the password, never reaches the log.
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(Self.loggable(request.uri.description))",
                "status": "\(response.status.code)", "partner": "\(context.partner ?? "-")", "peer": "\(context.peer)",
                "bytes": "\(response.headers[.contentLength] ?? "-")", "duration_us": "\(micros)",
            ])
        return response
    }

    /// The request target with control characters and non-ASCII escaped, at most 512 characters.
    static func loggable(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(512) {
            if scalar.isASCII, scalar.value >= 32, scalar.value < 127 { out.unicodeScalars.append(scalar) }
            else { out += "\\u{\(String(scalar.value, radix: 16))}" }
        }
        return out
    }
}
