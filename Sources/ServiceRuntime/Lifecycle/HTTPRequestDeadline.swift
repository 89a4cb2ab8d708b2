import NIOCore
import NIOHTTPTypes

/// Closes an HTTP/1 connection whose request is not read whole within `limit` of its head (SEC.abuse).
///
/// The listener's idle timeout (Hummingbird's) starts again at every request part read, so it cuts off a head sent a
/// byte at a time (no part is read until the head is whole) but not a body trickled a byte at a time: each byte is a
/// part. Placed after the HTTP/1 decoder, this bounds the time from the head to the end of the body.
public final class HTTPRequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    /// The decoded request parts.
    public typealias InboundIn = HTTPRequestPart
    /// The same parts, passed on.
    public typealias InboundOut = HTTPRequestPart

    /// How long a request may take from its head to its end.
    private let limit: TimeAmount
    /// The close scheduled for the request being read; nil between requests.
    private var close: Scheduled<Void>?

    /// A deadline of `limit` for each request.
    public init(limit: Duration) {
        self.limit = TimeAmount(limit)
    }

    /// Starts the request's deadline at its head and ends it at its end.
    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            close?.cancel()
            close = context.eventLoop.assumeIsolated().scheduleTask(in: limit) { context.close(promise: nil) }
        case .body:
            break
        case .end:
            close?.cancel()
            close = nil
        }
        context.fireChannelRead(data)
    }

    /// Cancels the deadline of a connection that closed.
    public func channelInactive(context: ChannelHandlerContext) {
        close?.cancel()
        close = nil
        context.fireChannelInactive()
    }

    /// Cancels the deadline when the handler leaves the pipeline.
    public func handlerRemoved(context: ChannelHandlerContext) {
        close?.cancel()
        close = nil
    }
}
