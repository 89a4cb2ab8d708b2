import Hummingbird
import Logging
import ServiceLifecycle
import ServiceRuntime

/// The HTTP listener on `HEALTH_PORT`, serving `GET /health`, `/health/ready` and `/health/live`.
struct HealthHTTPService: Service {
    private let application: Application<RouterResponder<BasicRequestContext>>
    private let configuredPort: Int
    private let status: OracleStatus

    /// Creates the listener on `host`:`port`, closing a connection idle for `idleTimeout` or still reading one request
    /// `idleTimeout` after its head; the bound port is recorded in `status`.
    init(host: String, port: Int, status: OracleStatus, logger: Logger, idleTimeout: Duration = .httpIdleTimeout) {
        let router = Router()
        HealthEndpoint(status: status).register(on: router)
        LivenessEndpoint(startedAt: status.startedAt).register(on: router)
        application = Application(
            router: router,
            server: .http1(
                configuration: .init(additionalChannelHandlers: [HTTPRequestDeadline(limit: idleTimeout)], idleTimeout: .init(idleTimeout))
            ),
            configuration: .init(address: .hostname(host, port: port), serverName: "nps-oracle"),
            onServerRunning: { channel in
                if let bound = channel.localAddress?.port { status.healthListening(on: bound) }
            },
            logger: logger
        )
        configuredPort = port
        self.status = status
    }

    func run() async throws {
        do {
            try await application.run()
        } catch let error where status.healthPort == nil {
            throw ConfigurationError(variable: "HEALTH_PORT", problem: "cannot listen on port \(configuredPort): \(error)")
        }
    }
}
