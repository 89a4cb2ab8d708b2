import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import ServiceLifecycle

/// Runs a gRPC server as a lifecycle service: marks health SERVING once bound, and on shutdown
/// turns it NOT_SERVING, ends health watches and lets in-flight calls finish.
public struct GRPCServerService: Service {
    /// The server to run.
    let server: GRPCServer<HTTP2ServerTransport.Posix>
    /// The environment variable that configured the port, named in the error when it cannot be bound.
    let portVariable: String
    /// The configured port, for the error when it cannot be bound.
    let configuredPort: Int
    /// Where the listening state is recorded.
    let record: any GRPCListenerRecord
    /// The health statuses this server serves.
    let board: HealthStatusBoard
    /// Where lifecycle lines go.
    let logger: Logger

    /// Runs `server`, configured from `portVariable`=`configuredPort`, serving the statuses on `board`.
    public init(
        server: GRPCServer<HTTP2ServerTransport.Posix>,
        portVariable: String = "GRPC_PORT",
        configuredPort: Int,
        record: any GRPCListenerRecord,
        board: HealthStatusBoard,
        logger: Logger
    ) {
        self.server = server
        self.portVariable = portVariable
        self.configuredPort = configuredPort
        self.record = record
        self.board = board
        self.logger = logger
    }

    /// The address to bind for `host` (an IPv6 literal when it holds a colon, else IPv4 or a name) and `port`.
    public static func bindAddress(host: String, port: Int) -> SocketAddress {
        host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
    }

    public func run() async throws {
        // Set once listening: a failure of serve() before that is a failure to bind.
        let bound = ListeningPort()
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    // A failure to bind surfaces here, with its cause (such as the address being in use).
                    do {
                        try await server.serve()
                    } catch let error where bound.value == nil {
                        throw bindError(error)
                    }
                }
                let port: Int
                do {
                    let address = try await server.listeningAddress
                    guard let listening = address?.ipv4?.port ?? address?.ipv6?.port else {
                        throw RPCError(code: .internalError, message: "the gRPC listener has no IP address")
                    }
                    port = listening
                } catch {
                    // "serverIsStopped" says only that listening failed; serve() above throws the reason.
                    if let stopped = error as? RuntimeError, stopped.code == .serverIsStopped { return }
                    throw bindError(error)
                }
                bound.set(port)
                record.grpcListening(on: port)
                board.setAll(.serving)
                logger.info("gRPC server listening on \(port)", metadata: ["port": "\(port)"])
            }
        } onGracefulShutdown: {
            record.grpcStopping()
            board.setAll(.notServing)
            board.closeWatches()
            server.beginGracefulShutdown()
        }
    }

    /// The configuration error for a listener that could not be bound.
    private func bindError(_ error: any Error) -> ConfigurationError {
        let text = String(describing: (error as? RPCError)?.cause ?? error)
        let reason = text.contains("Address already in use") || text.contains("EADDRINUSE") ? "address already in use" : text
        return ConfigurationError(variable: portVariable, problem: "cannot listen on port \(configuredPort): \(reason)")
    }
}
