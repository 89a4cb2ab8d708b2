import OracleClient
import ServiceRuntime
import ServiceTesting

@testable import APIStandIn

extension APIApplication {
    /// The api stand-in on a free loopback port, calling the Oracle at `oracle` (its HTTP health at `oracleHealthURL`),
    /// closing connections idle for `idleTimeout`.
    static func onLoopback(
        oracle: OracleAddress,
        oracleHealthURL: String = APIConfiguration().oracleHealthURL,
        idleTimeout: Duration = .httpIdleTimeout
    ) throws -> APIApplication {
        var configuration = APIConfiguration()
        configuration.bindHost = "127.0.0.1"
        configuration.port = 0
        configuration.oracle = oracle
        configuration.oracleHealthURL = oracleHealthURL
        configuration.idleTimeout = idleTimeout
        return try buildApplication(configuration: configuration, logger: CapturedLogs().logger(level: .debug))
    }
}
