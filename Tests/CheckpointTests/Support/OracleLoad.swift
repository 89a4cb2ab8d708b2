import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// The package's own gRPC client, `oracle-benchmark load` (grpc-swift, the Oracle's generated stubs), run from its
/// release image on the host's network so it reaches whatever `127.0.0.1` port a test targets: the test target has
/// no gRPC library of its own, and the debug build spent more CPU per call than the Oracle it measured. Each run
/// prints one JSON object, decoded here.
struct OracleLoad: Sendable {
    /// HOST:PORT of the Oracle's gRPC server.
    let target: String

    /// The client aimed at `target` (the stack's published gRPC port by default).
    init(target: String = "127.0.0.1:50052") {
        self.target = target
    }

    /// Builds the client's image now (once per test process), so that a load started beside a fault starts at once
    /// instead of after the build: a test that stops or kills a service while a load runs calls this first. (INT.outage
    /// once spent its whole 30 s outage waiting for this build, and measured its writes after the outage.)
    static func prepare() async throws {
        _ = try await OracleBenchmarkImage.shared.ensureBuilt()
    }

    /// GetReading every 50 ms until one succeeds or `budget` passes.
    func waitReady(budget: Duration) async throws -> CommandOutput<OracleLoadReadiness> {
        // The last attempt may start just before the budget ends and take its own 1 s.
        try await run(["--wait-ready", String(budget.inSeconds)], timeout: budget + .seconds(15))
    }

    /// `count` GetReading calls (no AI), `concurrency` at a time.
    func readings(_ count: Int, concurrency: Int) async throws -> CommandOutput<OracleLoadReadings> {
        try await run(["--readings", String(count), "--concurrency", String(concurrency)], timeout: .seconds(300))
    }

    /// GetQuestionSign with ~2 KB questions until `bytes` of question text were sent, 8 at a time.
    func flood(bytes: Int) async throws -> CommandOutput<OracleLoadFlood> {
        try await run(["--flood-bytes", String(bytes)], timeout: .seconds(600))
    }

    /// Every string and repeated field at 60, 300 and `bytes` bytes, one probe at a time.
    func inputLimits(bytes: Int) async throws -> CommandOutput<OracleInputLimits> {
        try await run(["--input-limits", String(bytes)], timeout: .seconds(120))
    }

    /// The first `messages` fuzzed messages of `seed`, 16 at a time (about 300 s for 100,000 on a busy two-core machine).
    func fuzz(messages: Int, seed: Int) async throws -> CommandOutput<OracleFuzzRun> {
        try await run(["--fuzz", String(messages), "--seed", String(seed), "--concurrency", "16"], timeout: .seconds(900))
    }

    /// One connection to the target abused as `kind` (`rapid-reset`, `slowloris`, `idle`, …) until the server closes it
    /// or `hold` passes; the target may be an HTTP port.
    func abuse(_ kind: String, hold: Duration) async throws -> CommandOutput<OracleAbuseRun> {
        try await run(["--abuse", kind, "--hold", String(hold.inSeconds)], timeout: hold + .seconds(30))
    }

    /// `oracle-benchmark load --target <target> <arguments…>`, its JSON line decoded. Exit 1 means some calls failed
    /// (or never ready) and still prints the JSON, which says how; 2 is bad usage or no gRPC client, with no JSON.
    func run<Value: Decodable & Sendable>(_ arguments: [String], timeout: Duration) async throws -> CommandOutput<Value> {
        let docker = Stack.shared.docker
        let image = try await OracleBenchmarkImage.shared.ensureBuilt()
        // Named, so that a run the timeout cut off (which stops the CLI, not the container) is removed too.
        let name = "nps-checkpoint-load-\(UUID().uuidString.prefix(8).lowercased())"
        let result = try await withScratchResources(containers: [name]) {
            try await docker.capture(
                [
                    "run", "--rm", "--name", name, "--network", "host", "--cap-drop", "ALL",
                    "--security-opt", "no-new-privileges:true", "--read-only", image, "load", "--target", target,
                ] + arguments,
                timeout: timeout
            )
        }
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
