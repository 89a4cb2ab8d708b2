import GRPCCore
import GRPCNIOTransportHTTP2
import ServiceLifecycle

/// Runs a gRPC client's connections as a lifecycle service; on graceful shutdown calls in flight finish first.
public struct GRPCClientService: Service {
    /// The client whose connections this service owns.
    public let client: GRPCClient<HTTP2ClientTransport.Posix>

    /// Wraps `client`.
    public init(client: GRPCClient<HTTP2ClientTransport.Posix>) {
        self.client = client
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await client.runConnections()
        } onGracefulShutdown: {
            client.beginGracefulShutdown()
        }
    }
}
