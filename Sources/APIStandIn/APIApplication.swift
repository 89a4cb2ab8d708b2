import AsyncHTTPClient
import ContainerLifecycle
import GRPCCore
import Hummingbird
import Logging
import OracleAPI
import ServiceLifecycle
import StandInSupport

/// The assembled api stand-in: the Oracle client and the HTTP listener, in start order.
struct APIApplication: ContainerApplication {
    /// The HTTP port once bound; tests configure port 0 and read it here.
    let port: ListeningPort
    /// Services in start order; they stop in reverse, so the Oracle client outlives the requests that use it.
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    /// The stand-in's logger.
    let logger: Logger

    /// Builds the stand-in from its configuration; tests call it with port 0.
    init(configuration: APIConfiguration, logger: Logger) throws {
        let client = try OracleConnection.makeClient(to: configuration.oracle)
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        OracleRoutes(
            oracle: Nps_Oracle_OracleService.Client(wrapping: client),
            health: Grpc_Health_V1_Health.Client(wrapping: client),
            http: .shared,
            oracleHealthURL: configuration.oracleHealthURL,
            logger: logger
        ).register(on: router)
        let port = ListeningPort()
        let server = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.bindHost, port: configuration.port), serverName: "nps-api-stand-in"),
            onServerRunning: { channel in
                if let bound = channel.localAddress?.port { port.set(bound) }
            },
            logger: logger
        )
        self.port = port
        services = [.init(service: GRPCClientService(client: client)), .init(service: server)]
        self.logger = logger
    }
}
