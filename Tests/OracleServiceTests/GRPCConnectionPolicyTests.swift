import GRPCCore
import GRPCNIOTransportHTTP2
import ServiceRuntime
import ServiceTesting
import Testing

/// The gRPC listener's connection policy (SEC.abuse): what it advertises and configures, and a silent peer's
/// connection closed by the silence limit, which the transport's graceful close alone never does.
@Suite("gRPC connection policy")
struct GRPCConnectionPolicyTests {
    @Test("The services' policy: 100 streams, a ping after 20 s answered within 10 s, 30 s idle, a silent peer cut after 40 s")
    func servicePolicy() {
        let policy = GRPCConnectionPolicy.service
        #expect(policy.silenceLimit == .seconds(40))
        let config = policy.transportConfig(maxRequestPayloadSize: 1234)
        #expect(config.http2.maxConcurrentStreams == 100)
        #expect(config.connection.maxIdleTime == .seconds(30))
        #expect(config.connection.maxAge == nil && config.connection.maxGraceTime == nil)
        #expect(config.connection.keepalive.time == .seconds(20) && config.connection.keepalive.timeout == .seconds(10))
        #expect(!config.connection.keepalive.clientBehavior.allowWithoutCalls)
        #expect(config.connection.keepalive.clientBehavior.minPingIntervalWithoutCalls == .seconds(300))
        #expect(config.rpc.maxRequestPayloadSize == 1234)
        #expect(config.channelDebuggingCallbacks.onAcceptTCPConnection != nil)
    }

    @Test(
        "A peer that sends nothing, or only the HTTP/2 preface and SETTINGS, and never answers a PING is closed after the silence limit",
        arguments: ["", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\u{0}\u{0}\u{0}\u{4}\u{0}\u{0}\u{0}\u{0}\u{0}"]
    )
    func silentPeer(sending bytes: String) async throws {
        // Keepalive 0.2 s + 0.1 s: silence limit 0.4 s; the idle time is far longer, so only the silence closes it.
        let policy = GRPCConnectionPolicy(
            maxConcurrentStreams: 100,
            keepaliveTime: .milliseconds(200),
            keepaliveTimeout: .milliseconds(100),
            maxIdleTime: .seconds(60)
        )
        let server = GRPCServer(
            transport: .http2NIOPosix(
                address: .ipv4(host: "127.0.0.1", port: 0),
                transportSecurity: .plaintext,
                config: policy.transportConfig(maxRequestPayloadSize: 1 << 20)
            ),
            services: []
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            let port = try #require(try await server.listeningAddress?.ipv4?.port)
            let closed = try await timeUntilClosed(port: port, sending: bytes, within: .seconds(10))
            server.beginGracefulShutdown()
            try await group.waitForAll()
            let after = try #require(closed, "still open after 10 s")
            #expect(after >= .milliseconds(350) && after < .seconds(3), "closed after \(after)")
        }
    }
}
