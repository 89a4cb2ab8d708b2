import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import ProcessRunning
import ServiceTesting
import Synchronization
import TestPostgres

/// The real `nps-oracle` binary run as a child process, the way a user or a container runs it.
///
/// It starts from a clean environment (nothing of the test runner's leaks in, an `ANTHROPIC_API_KEY` least of all)
/// with `BIND_HOST=127.0.0.1`, `GRPC_PORT=0`, `HEALTH_PORT=0`, its own `LOG_FILE` and `NPS_SPOOL_DIR` in a temporary directory, so
/// tests running in parallel never share a port or a file. ``waitUntilReady(within:)`` reads the bound ports from the
/// service's own log lines. The process is killed when the value is released, whatever the test did.
final class OracleProcess: OracleEndpoints, @unchecked Sendable {
    /// The vault key every test process gets.
    static let masterPassword = "test-master-password"

    /// How a signalled Oracle ended, and how long it took from the signal.
    struct Termination: Sendable, CustomStringConvertible {
        var exit: ProcessExit
        var elapsed: Duration
        var description: String { "\(exit) after \(elapsed.wholeMilliseconds) ms" }
    }

    /// The running binary.
    let child: RunningProcess
    /// The directory of its log file and spool; shared when a test restarts the binary on the same files.
    let logDirectory: TemporaryLogDirectory
    /// `LOG_FILE`.
    let logFile: String
    /// The environment it was started with.
    let environment: [String: String]

    private let ports = Mutex<(grpc: Int?, health: Int?)>((nil, nil))

    /// Starts the binary. `databaseURL` nil leaves `DATABASE_URL` unset; `overrides` win over every default, and an
    /// empty value removes the variable.
    init(
        databaseURL: String?,
        environment overrides: [String: String] = [:],
        logDirectory: TemporaryLogDirectory? = nil,
        arguments: [String] = []
    ) throws {
        let directory = try logDirectory ?? TemporaryLogDirectory()
        var environment = ChildEnvironment.base
        environment["NPS_MASTER_PASSWORD"] = Self.masterPassword
        environment["BIND_HOST"] = "127.0.0.1"
        environment["GRPC_PORT"] = "0"
        environment["HEALTH_PORT"] = "0"
        environment["LOG_FILE"] = directory.file("oracle.log")
        environment["NPS_SPOOL_DIR"] = directory.file("spool")
        if let databaseURL { environment["DATABASE_URL"] = databaseURL }
        for (name, value) in overrides {
            environment[name] = value.isEmpty ? nil : value
        }
        self.logDirectory = directory
        self.logFile = environment["LOG_FILE"] ?? ""
        self.environment = environment
        child = try RunningProcess(
            Command(executable: RepositoryPaths.oracleBinary, arguments: arguments, environment: environment, inheritsEnvironment: false)
        )
    }

    /// Starts the binary against the shared test database.
    static func againstTestDatabase(
        environment overrides: [String: String] = [:],
        logDirectory: TemporaryLogDirectory? = nil
    ) async throws -> OracleProcess {
        try OracleProcess(databaseURL: await TestDatabase.shared.start(), environment: overrides, logDirectory: logDirectory)
    }

    // MARK: Ports

    /// Waits for "gRPC server listening on N" and Hummingbird's "Server started and listening on HOST:N" and records both ports.
    func waitUntilReady(within limit: Duration = .seconds(15)) async throws {
        let grpc = try await child.waitForGRPCPort(within: limit)
        let health = try await child.waitForHTTPPort(within: limit)
        ports.withLock { $0 = (grpc, health) }
    }

    /// The bound gRPC port; only after ``waitUntilReady(within:)``.
    var grpcPort: Int { ports.withLock { $0.grpc } ?? 0 }
    /// The bound HTTP health port; only after ``waitUntilReady(within:)``.
    var healthPort: Int { ports.withLock { $0.health } ?? 0 }

    // MARK: Output

    /// Complete stdout lines so far.
    var stdoutLines: [String] { child.stdoutLines }
    /// Complete stderr lines so far.
    var stderrLines: [String] { child.stderrLines }
    /// The `message` of every stdout line that is a JSON object.
    var messages: [String] { child.logMessages }
    /// Everything it wrote, for failure messages.
    var transcript: String { child.transcript }

    /// The stdout lines (parsed) whose message satisfies `predicate`.
    func logLines(where predicate: (String) -> Bool) -> [[String: Any]] {
        stdoutLines.compactMap(ServiceLogLine.object(of:)).filter { ($0["message"] as? String).map(predicate) ?? false }
    }

    /// Waits for a stdout line whose message satisfies `predicate`.
    @discardableResult
    func waitForMessage(within limit: Duration = .seconds(10), where predicate: (String) -> Bool) async throws -> String {
        try await child.waitForLogMessage(within: limit, where: predicate)
    }

    // MARK: Ending

    /// Sends `signal` and waits for the exit; the elapsed time runs from the signal to the observed exit.
    func terminate(signal: Int32 = SIGTERM, within limit: Duration = .seconds(10)) async throws -> Termination {
        let (exit, elapsed) = try await child.stop(with: signal, within: limit)
        return Termination(exit: exit, elapsed: elapsed)
    }

    /// Waits for the process to end by itself.
    func waitForExit(within limit: Duration = .seconds(10)) async throws -> ProcessExit {
        try await child.waitForExit(within: limit)
    }
}

extension Duration {
    /// Whole milliseconds, for messages and thresholds.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
