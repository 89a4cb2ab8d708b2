import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// Runs the gRPC server as a lifecycle service: marks health SERVING once bound, and on shutdown
/// turns it NOT_SERVING, ends health watches and lets in-flight calls finish.
struct GRPCServerService: Service {
    /// The server to run.
    let server: GRPCServer<HTTP2ServerTransport.Posix>
    /// The configured port, for the error when it cannot be bound.
    let configuredPort: Int
    /// Where the listening state is recorded.
    let status: OracleStatus
    /// The health statuses this server serves.
    let board: HealthStatusBoard
    /// Where lifecycle lines go.
    let logger: Logger

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    // A failure to bind surfaces here, with its cause (such as the address being in use).
                    do {
                        try await server.serve()
                    } catch where status.grpcPort == nil {
                        throw ConfigurationError(variable: "GRPC_PORT", problem: "cannot listen on port \(configuredPort): \(Self.reason(error))")
                    }
                }
                let port: Int
                do {
                    let address = try await server.listeningAddress
                    guard let bound = address?.ipv4?.port ?? address?.ipv6?.port else {
                        throw RPCError(code: .internalError, message: "the gRPC listener has no IP address")
                    }
                    port = bound
                } catch {
                    // "serverIsStopped" says only that listening failed; serve() above throws the reason.
                    if let stopped = error as? RuntimeError, stopped.code == .serverIsStopped { return }
                    throw ConfigurationError(variable: "GRPC_PORT", problem: "cannot listen on port \(configuredPort): \(Self.reason(error))")
                }
                status.grpcListening(on: port)
                board.setAll(.serving)
                logger.info("gRPC server listening on \(port)", metadata: ["port": "\(port)"])
            }
        } onGracefulShutdown: {
            status.grpcStopping()
            board.setAll(.notServing)
            board.closeWatches()
            server.beginGracefulShutdown()
        }
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: (error as? RPCError)?.cause ?? error)
        return text.contains("Address already in use") || text.contains("EADDRINUSE") ? "address already in use" : text
    }
}
