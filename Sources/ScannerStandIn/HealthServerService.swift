import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle
import StandInSupport

/// Runs the gRPC health server as a lifecycle service: SERVING once bound; on shutdown NOT_SERVING, watches
/// ended, calls in flight finished.
struct HealthServerService: Service {
    /// The server to run.
    let server: GRPCServer<HTTP2ServerTransport.Posix>
    /// The configured port, for the error when it cannot be bound.
    let configuredPort: Int
    /// Where the bound port is recorded.
    let port: ListeningPort
    /// The status the server answers with.
    let state: HealthStatusBoard
    /// Where lifecycle lines go.
    let logger: Logger

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await server.serve() }
                let address: SocketAddress?
                do {
                    address = try await server.listeningAddress
                } catch {
                    throw ConfigurationError(variable: "GRPC_PORT", problem: "cannot listen on port \(configuredPort): \(error)")
                }
                guard let bound = address?.ipv4?.port else {
                    throw RPCError(code: .internalError, message: "the gRPC listener has no IPv4 address")
                }
                port.set(bound)
                state.setAll(.serving)
                logger.info("gRPC server listening on \(bound)", metadata: ["port": "\(bound)"])
            }
        } onGracefulShutdown: {
            state.setAll(.notServing)
            state.closeWatches()
            server.beginGracefulShutdown()
        }
    }
}
