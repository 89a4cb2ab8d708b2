import NIOCore

/// Closes a gRPC connection whose peer has sent no byte for `limit`, placed in front of the HTTP/2 handler.
///
/// The transport's own timers cannot close such a peer: on an idle or keepalive timeout it starts a graceful close
/// (GOAWAY, then a PING) and only sends the final GOAWAY and closes once that PING is answered, so a peer that reads
/// nothing, or never answers, keeps its connection (and the streams it opened) for ever. Every live client answers
/// the server's keepalive PING well within `limit`, so only a dead or hostile peer is cut off here.
final class SilentPeerCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// How long the peer may send nothing.
    private let limit: TimeAmount
    /// When the peer last sent a byte (or the connection became active).
    private var lastRead = NIODeadline.now()
    /// The pending check; nil before the connection is active and after it closed.
    private var check: Scheduled<Void>?

    /// A closer for a peer silent for `limit`.
    init(limit: TimeAmount) {
        self.limit = limit
    }

    // The transport adds its handlers before the connection is active, but a handler added later still starts here.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        check?.cancel()
        check = nil
        context.fireChannelInactive()
    }

    // Only the time is noted: the check reschedules itself, so a busy connection costs no timer per read.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = .now()
        context.fireChannelRead(data)
    }

    // Starts the silence from now and schedules the first check, once.
    private func start(_ context: ChannelHandlerContext) {
        guard check == nil else { return }
        lastRead = .now()
        schedule(context, at: lastRead + limit)
    }

    // At `deadline`, closes the connection when nothing was read since `limit` before; else looks again later.
    private func schedule(_ context: ChannelHandlerContext, at deadline: NIODeadline) {
        check = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            let due = lastRead + limit
            if NIODeadline.now() >= due {
                check = nil
                context.close(promise: nil)
            } else {
                schedule(context, at: due)
            }
        }
    }
}
