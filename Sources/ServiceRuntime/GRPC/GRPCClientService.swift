import GRPCCore
import ServiceLifecycle

/// Runs a gRPC client's connections as a lifecycle service; on graceful shutdown calls in flight finish first.
public struct GRPCClientService<Transport: ClientTransport>: Service {
    /// The client whose connections this service owns.
    public let client: GRPCClient<Transport>

    /// Wraps `client`.
    public init(client: GRPCClient<Transport>) {
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
