import GRPCCore
import GRPCNIOTransportHTTP2

/// The stand-ins' transport to the Oracle: HTTP/2, except that a call for which the channel cannot open a stream (no
/// Oracle ready, and the call does not wait for one) gets a stream that fails with the channel's error, instead of the
/// error thrown.
///
/// grpc-swift-2 (2.4.3, and its main branch as of this writing) ends a call that has a retry policy and a deadline
/// only at the deadline when its stream cannot be opened: the retry executor returns the thrown error but still waits
/// for its deadline timer. With every Oracle down, a GetReading through the api waited its whole 15 s instead of
/// failing at once. A stream that fails is a failed attempt like any other: it is retried by the policy, and the call
/// then ends at once with the error.
public struct OracleTransport: ClientTransport {
    public typealias Bytes = HTTP2ClientTransport.Posix.Bytes

    /// The HTTP/2 transport every stream goes through.
    let http2: HTTP2ClientTransport.Posix

    public var retryThrottle: RetryThrottle? { http2.retryThrottle }

    public func connect() async throws {
        try await http2.connect()
    }

    public func beginGracefulShutdown() {
        http2.beginGracefulShutdown()
    }

    public func config(forMethod descriptor: MethodDescriptor) -> MethodConfig? {
        http2.config(forMethod: descriptor)
    }

    public func withStream<T: Sendable>(
        descriptor: MethodDescriptor,
        options: CallOptions,
        _ closure: (_ stream: RPCStream<Inbound, Outbound>, _ context: ClientContext) async throws -> T
    ) async throws -> T {
        var opened = false
        do {
            return try await http2.withStream(descriptor: descriptor, options: options) { stream, context in
                opened = true
                return try await closure(stream, context)
            }
        } catch let error as RPCError where !opened {
            // The response fails with the channel's own error, its code, message and cause kept.
            let (inbound, failure) = AsyncThrowingStream.makeStream(of: RPCResponsePart<Bytes>.self)
            failure.finish(throwing: error)
            let stream = RPCStream(
                descriptor: descriptor,
                inbound: RPCAsyncSequence(wrapping: inbound),
                outbound: RPCWriter.Closable(wrapping: UnsentRequestWriter<Bytes>())
            )
            return try await closure(stream, ClientContext(descriptor: descriptor, remotePeer: "none", localPeer: "none"))
        }
    }
}
