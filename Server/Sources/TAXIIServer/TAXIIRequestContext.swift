public import Hummingbird
import NIOCore

/// The request context: Hummingbird's core storage, the partner the credentials proved and the peer's address.
public struct TAXIIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated partner's name; set by ``TAXIIGate`` before any route runs.
    public var partner: String?
    /// The client's address, for the access log.
    let peer: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        partner = nil
        let address = source.channel.remoteAddress
        peer = address.map { "\($0.ipAddress ?? "?"):\($0.port ?? 0)" } ?? "-"
    }
}
