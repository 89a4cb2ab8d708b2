import OracleClient
import ServiceTesting

@testable import APIStandIn

extension APIApplication {
    /// The api stand-in on a free loopback port, calling the Oracle at `oracle` (its HTTP health at `oracleHealthURL`).
    static func onLoopback(oracle: OracleAddress, oracleHealthURL: String = APIConfiguration().oracleHealthURL) throws -> APIApplication {
        var configuration = APIConfiguration()
        configuration.bindHost = "127.0.0.1"
        configuration.port = 0
        configuration.oracle = oracle
        configuration.oracleHealthURL = oracleHealthURL
        return try buildApplication(configuration: configuration, logger: CapturedLogs().logger(level: .debug))
    }
}
