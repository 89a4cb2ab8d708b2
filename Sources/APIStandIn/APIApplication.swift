import AsyncHTTPClient
import GRPCCore
import Hummingbird
import Logging
import OracleAPI
import OracleClient
import ServiceLifecycle
import ServiceRuntime

/// The assembled api stand-in: the Oracle client and the HTTP listener, in start order.
struct APIApplication: ServiceApplication {
    static let identity = ServiceIdentity(
        program: "nps-api-stand-in",
        version: StackVersion.current,
        title: "API stand-in",
        logLabel: "nps.api"
    )
    static let healthProbe = HealthProbe.http(path: "/api/health", portVariable: "PORT", defaultPort: 8000)
    static let livenessProbe = HealthProbe.http(path: "/api/live", portVariable: "PORT", defaultPort: 8000)

    /// The HTTP port once bound; tests configure port 0 and read it here.
    let port: ListeningPort
    /// Services in start order; they stop in reverse, so the Oracle client outlives the requests that use it.
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    /// The stand-in's logger.
    let logger: Logger

    static func startMetadata(for configuration: APIConfiguration) -> Logger.Metadata {
        [
            "port": "\(configuration.port)",
            "oracle": "\(configuration.oracle)",
            "oracle_health_url": "\(configuration.oracleHealthURL)",
        ]
    }

    static func buildApplication(configuration: APIConfiguration, logger: Logger) throws -> APIApplication {
        let client = try OracleConnection.makeClient(to: configuration.oracle)
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: BodyLimitMiddleware(maximumBytes: OracleRoutes.maximumBodyBytes))
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
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [HTTPRequestDeadline(limit: configuration.idleTimeout)],
                    idleTimeout: .init(configuration.idleTimeout)
                )
            ),
            configuration: .init(address: .hostname(configuration.bindHost, port: configuration.port), serverName: "nps-api-stand-in"),
            onServerRunning: { channel in
                if let bound = channel.localAddress?.port { port.set(bound) }
            },
            logger: logger
        )
        return APIApplication(
            port: port,
            services: [
                .init(service: GRPCClientService(client: client), serviceName: "GRPCClientService"),
                .init(service: server, serviceName: "HummingbirdApplication"),
            ],
            logger: logger
        )
    }
}
