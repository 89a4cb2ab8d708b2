import GRPCNIOTransportHTTP2
import NIOCore

/// How a gRPC listener treats its connections (SEC.abuse): the streams a client may keep open at once, the keepalive
/// that finds dead peers, how long a connection may stay idle, and when a silent peer is cut off.
///
/// The HTTP/2 abuse the transport's own HTTP/2 handler (swift-nio-http2) answers with GOAWAY ENHANCE_YOUR_CALM and a
/// close, at limits the transport does not let us change: more than 200 RST_STREAM frames in 30 s (rapid reset), more
/// than 200 PING, SETTINGS or PRIORITY frames in 30 s (floods; the PING rule of the gRPC transport, three pings within
/// `minPingIntervalWithoutCalls` while no call runs, usually comes first), 200 stream errors, 10,000 control frames
/// queued for a peer that does not read, and a HEADERS frame past the advertised stream limit (PROTOCOL_ERROR).
public struct GRPCConnectionPolicy: Sendable, Equatable {
    /// The streams one connection may have open at once, advertised in the server's SETTINGS: a client that opens more
    /// loses the connection, so one client's streams that never end cannot pile up past it.
    public var maxConcurrentStreams: Int
    /// How long after the peer last sent something the server pings it.
    public var keepaliveTime: Duration
    /// How long the peer has to answer that ping before the server starts closing the connection.
    public var keepaliveTimeout: Duration
    /// How long a connection with no call open is kept; the client reconnects when it next calls.
    public var maxIdleTime: Duration

    /// The streams, keepalive and idle time of the services: 100 streams, a ping after 20 s of silence answered within
    /// 10 s, and 30 s without a call, like the HTTP listeners' idle timeout; a silent peer goes after 40 s.
    public static let service = GRPCConnectionPolicy(
        maxConcurrentStreams: 100,
        keepaliveTime: .seconds(20),
        keepaliveTimeout: .seconds(10),
        maxIdleTime: .seconds(30)
    )

    /// A policy from its parts.
    public init(maxConcurrentStreams: Int, keepaliveTime: Duration, keepaliveTimeout: Duration, maxIdleTime: Duration) {
        self.maxConcurrentStreams = maxConcurrentStreams
        self.keepaliveTime = keepaliveTime
        self.keepaliveTimeout = keepaliveTimeout
        self.maxIdleTime = maxIdleTime
    }

    /// How long a peer may send nothing at all before ``SilentPeerCloser`` closes its connection: by then a live peer
    /// has been pinged and has had the keepalive timeout to answer, and the graceful close that follows an unanswered
    /// ping (which waits for an answer of its own) has had as long again.
    public var silenceLimit: Duration { keepaliveTime + keepaliveTimeout * 2 }

    /// The transport configuration: this policy, requests of at most `maxRequestPayloadSize` bytes, and every accepted
    /// connection watched for silence.
    public func transportConfig(maxRequestPayloadSize: Int) -> HTTP2ServerTransport.Posix.Config {
        let silence = TimeAmount(silenceLimit)
        return .defaults { config in
            config.rpc.maxRequestPayloadSize = maxRequestPayloadSize
            config.http2.maxConcurrentStreams = maxConcurrentStreams
            config.connection.maxIdleTime = maxIdleTime
            // No maximum age: the scanner keeps a health Watch stream open for good, and an age limit's grace time
            // would cut it.
            config.connection.keepalive = .init(
                time: keepaliveTime,
                timeout: keepaliveTimeout,
                // gRPC's defaults, stated: a client may ping while calls run, but three pings within 5 minutes while
                // none does are a flood (GOAWAY ENHANCE_YOUR_CALM "too_many_pings").
                clientBehavior: .init(minPingIntervalWithoutCalls: .seconds(300), allowWithoutCalls: false)
            )
            // The transport's only hook on an accepted connection, run once its own handlers are in place.
            config.channelDebuggingCallbacks.onAcceptTCPConnection = { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SilentPeerCloser(limit: silence), position: .first)
                }
            }
        }
    }
}
