import Foundation
import ServiceTesting
import TestPostgres

/// The real `nps-oracle` binary on loopback, against the shared test PostgreSQL (`dev/postgres-test-server.sh`).
final class TestOracle: Sendable {
    /// The shared database's URL, started once per test process; the same cluster the Oracle's own tests use.
    static let databaseURL = Result { try TestDatabase.shared.start() }

    /// The running binary.
    let process: TestProcess
    /// Its bound gRPC port.
    let grpcPort: Int
    /// Its bound HTTP health port.
    let healthPort: Int

    /// Starts the Oracle on `grpcPort` (0 picks a free one) and returns once both listeners are up.
    static func start(grpcPort: Int = 0) async throws -> TestOracle {
        let process = try TestProcess(
            "nps-oracle",
            environment: [
                "DATABASE_URL": try databaseURL.get(),
                "NPS_MASTER_PASSWORD": "xxxxxxxx",
                "BIND_HOST": "127.0.0.1",
                "GRPC_PORT": "\(grpcPort)",
                "HEALTH_PORT": "0",
                "LOG_FILE": "oracle.log",
                "NPS_SPOOL_DIR": "spool",
            ]
        )
        let grpc = try await process.child.waitForGRPCPort()
        let health = try await process.child.waitForHTTPPort()
        return TestOracle(process: process, grpcPort: grpc, healthPort: health)
    }

    private init(process: TestProcess, grpcPort: Int, healthPort: Int) {
        self.process = process
        self.grpcPort = grpcPort
        self.healthPort = healthPort
    }

    /// Stops it with SIGTERM.
    func stop() async throws {
        _ = try await process.stop()
    }
}
