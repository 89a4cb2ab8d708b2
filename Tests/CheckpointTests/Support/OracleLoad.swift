import Foundation
import StackHarness

/// The gRPC load tool, `fixtures/grpc-load/run.sh` (oracle_load.py in the repo's grpcio venv), run as a
/// process: the test target has no gRPC library of its own. Each run prints one JSON object, decoded here.
struct OracleLoad: Sendable {
    /// The tool's wrapper script.
    let script: URL
    /// HOST:PORT of the Oracle's gRPC server.
    let target: String
    /// Runs the tool.
    let runner = CommandRunner()
    /// Added to every time limit: the first run makes the venv (a pip install of grpcio and grpcio-tools).
    static let setupAllowance: Duration = .seconds(300)

    /// The tool of the repository at `layout`, aimed at `target` (the stack's published gRPC port by default).
    init(layout: RepositoryLayout, target: String = "127.0.0.1:50052") {
        script = layout.fixtures.appendingPathComponent("grpc-load/run.sh")
        self.target = target
    }

    /// GetReading until one succeeds or `budget` passes.
    func waitReady(budget: Duration) async throws -> CommandOutput<OracleLoadReadiness> {
        try await run(["--wait-ready", String(budget.inSeconds)], timeout: budget + Self.setupAllowance)
    }

    /// `count` GetReading calls (no AI), `concurrency` at a time.
    func readings(_ count: Int, concurrency: Int) async throws -> CommandOutput<OracleLoadReadings> {
        try await run(["--readings", String(count), "--concurrency", String(concurrency)], timeout: .seconds(300) + Self.setupAllowance)
    }

    /// GetQuestionSign with ~2 KB questions until `bytes` of question text were sent, 8 at a time.
    func flood(bytes: Int) async throws -> CommandOutput<OracleLoadFlood> {
        try await run(["--flood-bytes", String(bytes)], timeout: .seconds(600) + Self.setupAllowance)
    }

    // Exit 1 means some calls failed (or never ready) and still prints the JSON, which says how; 2 is a setup
    // failure with no JSON.
    private func run<Value: Decodable & Sendable>(_ arguments: [String], timeout: Duration) async throws -> CommandOutput<Value> {
        let result = try await runner.capture(
            Command(executable: script, arguments: ["--target", target] + arguments),
            timeout: timeout
        )
        guard result.exitStatus == 0 || result.exitStatus == 1, !result.timedOut, result.signal == nil,
            let line = result.standardOutput.split(separator: "\n").last
        else { throw CommandFailure(result: result) }
        do {
            return CommandOutput(value: try JSONDecoder().decode(Value.self, from: Data(line.utf8)), result: result)
        } catch {
            throw HarnessError.undecodable(what: "the output of \(result.command.commandLine)", reason: "\(error): \(line)")
        }
    }
}
