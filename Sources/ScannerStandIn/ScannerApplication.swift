import ContainerLifecycle
import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import OracleAPI
import ServiceLifecycle
import StandInSupport

/// The assembled scanner stand-in: the Oracle client, the health server and the one range request, in start order.
struct ScannerApplication: ContainerApplication {
    /// The gRPC port once bound; tests configure port 0 and read it here.
    let port: ListeningPort
    /// The status the health service answers with.
    let health: HealthStatusBoard
    /// Services in start order; they stop in reverse, so the health server turns NOT_SERVING before anything else stops.
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    /// The stand-in's logger.
    let logger: Logger

    /// Builds the stand-in from its configuration; tests call it with port 0.
    init(configuration: ScannerConfiguration, logger: Logger) throws {
        let client = try OracleConnection.makeClient(to: configuration.oracle)
        let health = HealthStatusBoard(services: ["", "nps.scanner.ScannerService"])
        let port = ListeningPort()
        let server = GRPCServer(
            transport: .http2NIOPosix(
                address: .ipv4(host: configuration.bindHost, port: configuration.grpcPort),
                transportSecurity: .plaintext
            ),
            services: [GRPCHealthService(board: health)]
        )
        let suggestion = RangeSuggestionService(
            oracle: Nps_Oracle_OracleService.Client(wrapping: client),
            puzzleNumber: configuration.puzzleNumber,
            logger: logger
        )
        self.port = port
        self.health = health
        services = [
            .init(service: GRPCClientService(client: client)),
            .init(
                service: HealthServerService(server: server, configuredPort: configuration.grpcPort, port: port, state: health, logger: logger)
            ),
            // Its work is done once the Oracle has answered; the others keep running.
            .init(service: suggestion, successTerminationBehavior: .ignore),
        ]
        self.logger = logger
    }
}
