import AsyncHTTPClient
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import OracleAPI
import ServiceLifecycle
import ServiceTesting

@testable import OracleService

/// An Oracle running in-process on free ports, the way `buildApplication` assembles it for production.
struct RunningOracle: OracleEndpoints {
    /// The application under test.
    let application: OracleApplication
    /// Its bound gRPC port.
    let grpcPort: Int
    /// Its bound HTTP health port.
    let healthPort: Int

    /// A configuration on free loopback ports for `databaseURL`, with no AI key and a spool in a new temporary folder
    /// (`with` removes it at the end, unless the test keeps it to start another Oracle on it).
    static func configuration(databaseURL: String) throws -> OracleConfiguration {
        var configuration = OracleConfiguration(database: try DatabaseURL(parsing: databaseURL), masterPassword: "test-master-password")
        configuration.bindHost = "127.0.0.1"
        configuration.grpcPort = 0
        configuration.healthPort = 0
        configuration.spool.directory = NSTemporaryDirectory() + "oracle-spool-tests-" + UUID().uuidString
        return configuration
    }

    /// Runs an Oracle with `configuration`, calls `body` once both listeners are bound, then shuts it down gracefully.
    static func with<T: Sendable>(
        _ configuration: OracleConfiguration,
        logs: CapturedLogs = CapturedLogs(),
        keepingSpool: Bool = false,
        _ body: @Sendable (RunningOracle) async throws -> T
    ) async throws -> T {
        defer { if !keepingSpool { try? FileManager.default.removeItem(atPath: configuration.spool.directory) } }
        let application = try OracleApplication.buildApplication(configuration: configuration, logger: logs.logger(level: .debug))
        return try await withRunning(
            application,
            until: { $0.status.grpcPort != nil && $0.status.healthPort != nil },
            diagnostics: { "logs:\n\(logs.fullText)" }
        ) { _ in
            try await body(
                RunningOracle(
                    application: application,
                    grpcPort: application.status.grpcPort ?? 0,
                    healthPort: application.status.healthPort ?? 0
                )
            )
        }
    }
}

/// `GET /health` (or another path of the health port) from the test process.
enum HTTPHealth {
    /// Fetches `http://127.0.0.1:port<path>` and decodes its JSON body.
    static func get(port: Int, path: String = "/health") async throws -> (status: Int, body: [String: Any]) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(5))
        let bytes = try await response.body.collect(upTo: 1 << 16)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [String: Any] ?? [:]
        return (Int(response.status.code), object)
    }
}

/// A step of a test around the in-process Oracle failed.
struct RunningOracleError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
