import Foundation

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
    public func start() throws -> String {
        try run("start")
        return try run("url").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the cluster, keeping its data.
    public func stop() throws { try run("stop") }

    /// Runs `psql -Atc sql` against the cluster and returns its output.
    public func query(_ sql: String) throws -> String {
        let url = try run("url").trimmingCharacters(in: .whitespacesAndNewlines)
        return try execute("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `dev/postgres-test-server.sh`, found from this file (`Tests/TestPostgres/`).
    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dev/postgres-test-server.sh")

    @discardableResult
    private func run(_ arguments: String...) throws -> String {
        try execute("/bin/bash", [Self.script.path] + arguments)
    }

    private func execute(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NPS_TEST_PG_PORT"] = "\(port)"
        environment["NPS_TEST_PG_DIR"] = directory
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        // Not `waitUntilExit()`: Foundation on Linux learns of the exit from a socket it leaks into the child, and
        // `start` leaves a postgres daemon behind that inherits it, so the wait would never end
        // (swift-corelibs-foundation#4795). Reaping the child directly returns as soon as the script exits.
        // ECHILD means Foundation reaped it first (its socket did close), so its own wait returns at once.
        var rawStatus: Int32 = 0
        var reaped: Int32
        repeat { reaped = waitpid(process.processIdentifier, &rawStatus, 0) } while reaped == -1 && errno == EINTR
        let exitStatus: Int32
        if reaped == process.processIdentifier {
            // WIFEXITED: the low 7 bits are 0, and WEXITSTATUS is the next 8; else 128 + the signal, as shells say.
            exitStatus = rawStatus & 0x7F == 0 ? (rawStatus >> 8) & 0xFF : 128 + (rawStatus & 0x7F)
        } else {
            process.waitUntilExit()
            exitStatus = process.terminationStatus
        }
        guard exitStatus == 0 else {
            throw TestDatabaseError(
                command: ([executable] + arguments).joined(separator: " "),
                output: String(decoding: errorData + data, as: UTF8.self)
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The test database script failed; the description quotes the command and its output.
public struct TestDatabaseError: Error, CustomStringConvertible {
    /// The command line that failed.
    public let command: String
    /// What it printed, stderr first.
    public let output: String
    /// The command and its output.
    public var description: String { "\(command) failed:\n\(output)" }
}
