import Foundation
import Testing

/// A real PostgreSQL for the tests, run by `dev/postgres-test-server.sh` with the repo's init SQL applied.
///
/// Each named instance is its own cluster on its own port, so a test that stops its database
/// never disturbs the others running in parallel.
struct TestDatabase: Sendable {
    /// The shared instance for tests that only read and write.
    static let shared = TestDatabase(name: "shared", port: 25432)
    /// The instance the reconnect test stops and starts.
    static let disposable = TestDatabase(name: "reconnect", port: 25433)

    /// Folder-and-log name of this instance.
    let name: String
    /// Its TCP port on 127.0.0.1.
    let port: Int

    /// Starts the cluster if it is not running and returns its `postgres://` URL.
    @discardableResult
    func start() throws -> String {
        try run("start")
        return try run("url").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stops the cluster, keeping its data.
    func stop() throws { try run("stop") }

    /// Runs `psql -Atc sql` against the cluster and returns its output.
    func query(_ sql: String) throws -> String {
        let url = try run("url").trimmingCharacters(in: .whitespacesAndNewlines)
        return try execute("/usr/bin/env", ["psql", url, "-v", "ON_ERROR_STOP=1", "-Atc", sql])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    private func run(_ arguments: String...) throws -> String {
        try execute("/bin/bash", [RepositoryPaths.file("dev/postgres-test-server.sh").path] + arguments)
    }

    private func execute(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NPS_TEST_PG_PORT"] = "\(port)"
        environment["NPS_TEST_PG_DIR"] = "/tmp/nps-test-pg-\(name)"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestDatabaseError(
                command: ([executable] + arguments).joined(separator: " "),
                output: String(decoding: errorData + data, as: UTF8.self)
            )
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The test database script failed; the description quotes the command and its output.
struct TestDatabaseError: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "\(command) failed:\n\(output)" }
}
