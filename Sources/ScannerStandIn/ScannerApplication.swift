import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import OracleAPI
import OracleClient
import ServiceLifecycle
import ServiceRuntime

/// The assembled scanner stand-in: the Oracle client, the health server, the one range request and the watch on the
/// Oracle link, in start order.
struct ScannerApplication: ServiceApplication {
    static let identity = ServiceIdentity(
        program: "nps-scanner-stand-in",
        version: StackVersion.current,
        title: "Scanner stand-in",
        logLabel: "nps.scanner"
    )
    static let healthProbe = HealthProbe.grpc(portVariable: "GRPC_PORT", defaultPort: 50051)

    /// The gRPC port once bound; tests configure port 0 and read it here.
    let port: ListeningPort
    /// The status the health service answers with.
    let health: HealthStatusBoard
    /// Services in start order; they stop in reverse, so the health server turns NOT_SERVING before anything else stops.
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    /// The stand-in's logger.
    let logger: Logger

    static func startMetadata(for configuration: ScannerConfiguration) -> Logger.Metadata {
        [
            "grpc_port": "\(configuration.grpcPort)",
            "oracle": "\(configuration.oracle)",
            "puzzle_number": "\(configuration.puzzleNumber)",
        ]
    }

    static func buildApplication(configuration: ScannerConfiguration, logger: Logger) throws -> ScannerApplication {
        let client = try OracleConnection.makeClient(to: configuration.oracle)
        let health = HealthStatusBoard(services: ["", "nps.scanner.ScannerService"])
        let port = ListeningPort()
        let server = GRPCServer(
            transport: .http2NIOPosix(
                address: GRPCServerService.bindAddress(host: configuration.bindHost, port: configuration.grpcPort),
                transportSecurity: .plaintext
            ),
            services: [GRPCHealthService(board: health)]
        )
        let suggestion = RangeSuggestionService(
            oracle: Nps_Oracle_OracleService.Client(wrapping: client),
            puzzleNumber: configuration.puzzleNumber,
            logger: logger
        )
        let listener = GRPCServerService(server: server, configuredPort: configuration.grpcPort, record: port, board: health, logger: logger)
        return ScannerApplication(
            port: port,
            health: health,
            services: [
                .init(service: GRPCClientService(client: client), serviceName: "GRPCClientService"),
                .init(service: listener, serviceName: "GRPCServerService"),
                // Its work is done once the Oracle has answered; the others keep running.
                .init(service: suggestion, successTerminationBehavior: .ignore, serviceName: "RangeSuggestionService"),
                .init(
                    service: OracleLinkMonitor(health: Grpc_Health_V1_Health.Client(wrapping: client), logger: logger),
                    serviceName: "OracleLinkMonitor"
                ),
            ],
            logger: logger
        )
    }
}
