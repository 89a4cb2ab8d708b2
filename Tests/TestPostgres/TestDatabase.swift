import Foundation
import ProcessRunning

/// A real PostgreSQL for the tests, run by `dev/postgres-test-server.sh` with the repo's init SQL applied.
///
/// Each instance is its own cluster on its own port, so a test that stops its database
/// never disturbs the others running in parallel.
public struct TestDatabase: Sendable {
    /// The shared instance for tests that only read and write: the script's default cluster, the one
    /// `dev/test.sh` and the README's `dev/postgres-test-server.sh start` run.
    public static let shared = TestDatabase(directory: "/tmp/nps-test-pg", port: 25432)
    /// The instance the reconnect test stops and starts.
    public static let disposable = TestDatabase(directory: "/tmp/nps-test-pg-reconnect", port: 25433)

    /// The cluster's folder (data, log, socket).
    public let directory: String
    /// Its TCP port on 127.0.0.1.
    public let port: Int

    /// Starts the cluster if it is not running and returns its `postgres://` URL.
    @discardableResult
    public func start() async throws -> String {
        try await run("start")
        return try await run("url").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the cluster, keeping its data.
    public func stop() async throws { try await run("stop") }

    /// Runs `psql -Atc sql` against the cluster and returns its output.
    public func query(_ sql: String) async throws -> String {
        let url = try await run("url").trimmingCharacters(in: .whitespacesAndNewlines)
        return try await execute("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `dev/postgres-test-server.sh`, found from this file (`Tests/TestPostgres/`).
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dev/postgres-test-server.sh")

    @discardableResult
    private func run(_ arguments: String...) async throws -> String {
        try await execute("/bin/bash", [Self.script.path] + arguments)
    }

    // A daemon that `start` leaves behind inherits Foundation's exit-notification socket (not the pipes: the script
    // sends pg_ctl's output to /dev/null); CommandRunner reaps the script itself, so this returns when the script exits.
    // Awaited, never blocking: tests run in parallel on a cooperative pool of one thread per core, and a thread held
    // by a waiting psql stalled the in-process Oracles of the other tests for seconds.
    private func execute(_ executable: String, _ arguments: [String]) async throws -> String {
        let command = Command(
            executable: URL(fileURLWithPath: executable),
            arguments: arguments,
            environment: ["NPS_TEST_PG_PORT": "\(port)", "NPS_TEST_PG_DIR": directory]
        )
        let result = try await CommandRunner().capture(command)
        guard result.succeeded else { throw CommandFailure(result: result) }
        return result.standardOutput
    }
}
