import Logging
import OracleClient
import ServiceRuntime

/// Everything the scanner stand-in reads from its environment, validated once at start.
struct ScannerConfiguration: ServiceConfiguration {
    /// Address the gRPC listener binds to (an IPv6 literal or IPv4).
    var bindHost = "0.0.0.0"
    /// gRPC port of the health service (`GRPC_PORT`); 0 picks a free port.
    var grpcPort = 50051
    /// The Oracle's gRPC endpoint (`ORACLE_SERVICE_URL`).
    var oracle = OracleAddress(host: "oracle", port: 50052)
    /// The Bitcoin puzzle whose key range the Oracle is asked about (`PUZZLE_NUMBER`, 1-160).
    var puzzleNumber: UInt32 = 66
    /// Minimum level written (`LOG_LEVEL`).
    var logLevel: Logger.Level = .info
}

extension ScannerConfiguration {
    /// Reads and validates `environment`; the first bad variable stops it with an error naming it.
    init(environment: ServiceEnvironment) throws(ConfigurationError) {
        self.init()
        grpcPort = try environment.port("GRPC_PORT") ?? grpcPort
        oracle = try environment.oracleAddress("ORACLE_SERVICE_URL", default: oracle)
        if let number = try environment.integer("PUZZLE_NUMBER", in: 1...160) { puzzleNumber = UInt32(number) }
        logLevel = try environment.logLevel() ?? logLevel
    }
}
