import Foundation
import ServiceTesting
import TestPostgres

/// The real `nps-oracle` binary on loopback, against the shared test PostgreSQL (`dev/postgres-test-server.sh`).
final class TestOracle: Sendable {
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
                "DATABASE_URL": try await TestDatabase.shared.start(),
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
