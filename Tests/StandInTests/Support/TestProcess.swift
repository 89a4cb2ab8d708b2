import Foundation
import ProcessRunning
import ServiceTesting

/// A built binary run as a child process with exactly the given environment (over ``ChildEnvironment/base``), in a
/// temporary directory of its own; its output is read line by line while it runs.
///
/// Killed (SIGKILL) when released while still running, so a failing test leaves nothing behind.
final class TestProcess: Sendable {
    /// Its working directory, where the files it names with a relative path go.
    let directory: URL
    /// The running binary.
    let child: RunningProcess

    /// Starts `binary` with `arguments` and `environment` (over the base environment every test child gets).
    init(_ binary: String, arguments: [String] = [], environment: [String: String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("stand-in-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let command = Command(
            executable: BuildProducts.binary(binary),
            arguments: arguments,
            environment: ChildEnvironment.base.merging(environment) { $1 },
            inheritsEnvironment: false,
            workingDirectory: directory
        )
        child = try RunningProcess(command)
    }

    deinit {
        child.kill()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Its stdout lines so far.
    var stdoutLines: [String] { child.stdoutLines }
    /// Its stderr lines so far.
    var stderrLines: [String] { child.stderrLines }
    /// Everything it wrote, for failure messages.
    var transcript: String { child.transcript }

    /// Waits for a JSON log line on `stream` whose message starts with `prefix`; returns it parsed.
    @discardableResult
    func waitForMessage(
        startingWith prefix: String,
        on stream: StandardStream = .stdout,
        within limit: Duration = .seconds(15)
    ) async throws -> [String: Any] {
        let line = try await child.waitForLogMessage(on: stream, within: limit) { $0.hasPrefix(prefix) }
        return ServiceLogLine.object(of: line) ?? [:]
    }

    /// Sends `signal`, waits for the exit and returns the status and the time from the signal to the exit.
    func stop(signal: Int32 = SIGTERM, within limit: Duration = .seconds(10)) async throws -> (status: Int32, elapsed: Duration) {
        let (exit, elapsed) = try await child.stop(with: signal, within: limit)
        return (exit.status, elapsed)
    }

    /// Waits for the process to end by itself and returns its exit status.
    func waitForExit(within limit: Duration = .seconds(10)) async throws -> Int32 {
        try await child.waitForExit(within: limit).status
    }
}
