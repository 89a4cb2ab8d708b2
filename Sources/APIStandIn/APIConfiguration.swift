import Logging
import OracleClient
import ServiceRuntime

/// Everything the api stand-in reads from its environment, validated once at start.
struct APIConfiguration: ServiceConfiguration {
    /// Address the HTTP listener binds to.
    var bindHost = "0.0.0.0"
    /// HTTP port (`PORT`); 0 picks a free port.
    var port = 8000
    /// The Oracle's gRPC endpoint (`ORACLE_SERVICE_URL`).
    var oracle = OracleAddress(host: "oracle", port: 50052)
    /// The Oracle's HTTP health URL (`ORACLE_HEALTH_URL`), passed through by `GET /api/oracle/health`.
    var oracleHealthURL = "http://oracle:8052/health"
    /// Minimum level written (`LOG_LEVEL`).
    var logLevel: Logger.Level = .info
    /// How long an HTTP connection may stay idle, or take to send one request after its head, before it is closed; not
    /// read from the environment, tests shorten it.
    var idleTimeout: Duration = .httpIdleTimeout
}

extension APIConfiguration {
    /// Reads and validates `environment`; the first bad variable stops it with an error naming it.
    init(environment: ServiceEnvironment) throws(ConfigurationError) {
        self.init()
        port = try environment.port("PORT") ?? port
        oracle = try environment.oracleAddress("ORACLE_SERVICE_URL", default: oracle)
        if let url = environment.value("ORACLE_HEALTH_URL") {
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > "https://".count else {
                throw ConfigurationError(variable: "ORACLE_HEALTH_URL", problem: "'\(url)' is not an http(s) URL")
            }
            oracleHealthURL = url
        }
        logLevel = try environment.logLevel() ?? logLevel
    }
}
