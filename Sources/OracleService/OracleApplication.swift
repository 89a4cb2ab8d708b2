import AsyncHTTPClient
import GRPCCore
import GRPCHealth
import GRPCNIOTransportHTTP2
import Logging
import PostgresNIO
import ServiceLifecycle
import ServiceRuntime

/// The assembled Oracle: its services in start order and the state they share.
struct OracleApplication: ServiceApplication {
    static let identity = ServiceIdentity(program: "nps-oracle", version: StackVersion.current, title: "Oracle service", logLabel: "nps.oracle")
    static let healthProbe = HealthProbe.http(path: "/health", portVariable: "HEALTH_PORT", defaultPort: 8052)
    static let livenessProbe = HealthProbe.http(path: "/health/live", portVariable: "HEALTH_PORT", defaultPort: 8052)
    static let readinessProbe = HealthProbe.http(path: "/health/ready", portVariable: "HEALTH_PORT", defaultPort: 8052)

    /// Live health state; tests read the bound ports from it.
    let status: OracleStatus
    /// Services in start order; they stop in reverse.
    let services: [ServiceGroupConfiguration.ServiceConfiguration]
    /// The service's logger.
    let logger: Logger

    static func bootstrapLogging(for configuration: OracleConfiguration) throws {
        let sink = try LogSink(filePath: configuration.logFile, maxFileBytes: configuration.logMaxBytes, backupCount: configuration.logBackups)
        LoggingSystem.bootstrap(sink: sink, logLevel: configuration.logLevel)
    }

    static func startMetadata(for configuration: OracleConfiguration) -> Logger.Metadata {
        [
            "version": "\(StackVersion.current)",
            "grpc_port": "\(configuration.grpcPort)",
            "health_port": "\(configuration.healthPort)",
            "database": "\(configuration.database.host):\(configuration.database.port)/\(configuration.database.database)",
            "ai": "\(configuration.anthropicAPIKey == nil ? "fallback" : "configured")",
            "log_file": "\(configuration.logFile)",
            "spool": "\(configuration.spool.folder)",
        ]
    }

    static func buildApplication(configuration: OracleConfiguration, logger: Logger) throws -> OracleApplication {
        let spool: RecordSpool
        do {
            spool = try RecordSpool(configuration: configuration.spool, logger: logger)
        } catch let inUse as SpoolInstanceInUse {
            throw ConfigurationError(variable: "NPS_SPOOL_INSTANCE", problem: "\(inUse)")
        } catch {
            throw ConfigurationError(variable: "NPS_SPOOL_DIR", problem: "\(error)")
        }
        let status = OracleStatus(aiConfigured: configuration.anthropicAPIKey != nil, backlog: { spool.backlog })
        let postgres = PostgresClient(configuration: .init(configuration.database), backgroundLogger: logger)
        let monitor = DatabaseMonitor(status: status, target: configuration.database, logger: logger)
        let writer = RecordWriter(client: postgres, spool: spool, logger: logger)

        let messagesAPI = configuration.anthropicAPIKey.map { key in
            MessagesAPIClient(
                http: .messagesAPI,
                baseURL: configuration.anthropicBaseURL,
                apiKey: key,
                model: configuration.aiModel,
                timeout: configuration.aiTimeout
            )
        }
        if messagesAPI == nil {
            logger.warning("ANTHROPIC_API_KEY is not set; interpretations come from the Oracle's own rules")
        }
        let interpreter = Interpreter(client: messagesAPI, logger: logger)

        let board = HealthStatusBoard(services: ["", OracleGRPCService.serviceName])
        let oracle = OracleGRPCService(
            status: status,
            interpreter: interpreter,
            spool: spool,
            cipher: InsightCipher(masterPassword: configuration.masterPassword),
            logger: logger
        )
        let server = GRPCServer(
            transport: .http2NIOPosix(
                address: GRPCServerService.bindAddress(host: configuration.bindHost, port: configuration.grpcPort),
                transportSecurity: .plaintext,
                // Stream limit, keepalive, idle time and the silent-peer cut-off (SEC.abuse).
                config: GRPCConnectionPolicy.service.transportConfig(
                    maxRequestPayloadSize: RequestSizeLimit.transportLimit(for: configuration.maxRequestBytes)
                )
            ),
            services: [oracle, GRPCHealthService(board: board)],
            // The instance name first, so that it goes on the answers the other interceptors refuse too.
            interceptors: [
                InstanceNameWriter(instance: InstanceNameWriter.hostName()),
                RequestSizeLimit(maximumBytes: configuration.maxRequestBytes),
                IdempotencyKeyReader(),
            ]
        )
        let listener = GRPCServerService(server: server, configuredPort: configuration.grpcPort, record: status, board: board, logger: logger)

        return OracleApplication(
            status: status,
            services: [
                .init(service: postgres, serviceName: "PostgresClient"),
                .init(service: monitor, serviceName: "DatabaseMonitor"),
                // After the listener has drained its calls at shutdown, the writer stops, then the spool flushes
                // what those calls handed over.
                .init(service: spool, serviceName: "RecordSpool"),
                .init(service: writer, serviceName: "RecordWriter"),
                .init(
                    service: HealthHTTPService(host: configuration.bindHost, port: configuration.healthPort, status: status, logger: logger),
                    serviceName: "HealthHTTPService"
                ),
                .init(service: listener, serviceName: "GRPCServerService"),
            ],
            logger: logger
        )
    }
}
