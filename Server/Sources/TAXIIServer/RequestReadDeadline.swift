import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client takes longer than the read timeout to send a whole request, or to send the
/// next one on a kept-alive connection.
///
/// Hummingbird's idle timeout restarts on every body chunk, so a client trickling one byte at a time would hold a
/// connection (and, in a POST, a request's buffer) for as long as it likes. Here the clock starts when the
/// connection opens or the last response ends, and only a complete request stops it: a slow reader of headers or
/// body is cut off after `timeout` however steadily it trickles. Time spent answering does not count.
final class RequestReadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var headsRead = 0
    private var endsRead = 0
    private var responsesEnded = 0

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) { disarm() }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        disarm()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headsRead += 1
            arm(context)
        case .body: break
        case .end:
            endsRead += 1
            disarm()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            responsesEnded += 1
            // Waiting for the next request (or still for the rest of one answered early, such as a 401 or 413).
            if isWaitingForClient { arm(context) }
        }
        context.write(data, promise: promise)
    }

    /// Whether the client owes bytes: a request is partly read, or every request read has been answered.
    private var isWaitingForClient: Bool { headsRead > endsRead || responsesEnded >= endsRead }

    private func arm(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            deadline = nil
            if isWaitingForClient { context.close(promise: nil) }
        }
    }

    private func disarm() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestReadDeadline: Sendable {}
