import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// `oracle-benchmark load --writes`: SuggestRange and AnalyzeSession in turn, each with its own idempotency key, run as
/// a process like `OracleLoad`; the report says which calls the Oracle acknowledged, so a test can count their rows.
///
/// To disturb the stack while the writes run, start them with `async let report = OracleWrites.run(…)`, stop and
/// start a service, then `try await report`; a test that ends before awaiting it stops the tool (SIGTERM), and
/// awaiting then throws.
enum OracleWrites {
    /// What is added to the longest the writes can take for the process's time limit: its start, its last call's
    /// deadline, its JSON.
    static let processSlack: Duration = .seconds(60)

    /// Makes `calls` writes against `target` (the stack's published gRPC port by default) with keys
    /// `<keyPrefix>-<index>`, `concurrency` at a time, at most `rate` per second and for at most `budget` (when given),
    /// each call within `deadline`; returns what the tool printed.
    static func run(
        target: String = "127.0.0.1:50052",
        calls: Int,
        keyPrefix: String,
        concurrency: Int,
        rate: Double? = nil,
        for budget: Duration? = nil,
        deadline: Duration = .seconds(5)
    ) async throws -> OracleWriteReport {
        var arguments = [
            "--writes", String(calls), "--key-prefix", keyPrefix, "--concurrency", String(concurrency),
            "--deadline-ms", String(Int(deadline.inMilliseconds)),
        ]
        arguments += rate.map { ["--rate", String($0)] } ?? []
        arguments += budget.map { ["--for", String($0.inSeconds)] } ?? []
        let longest = longest(calls: calls, concurrency: concurrency, rate: rate, budget: budget, deadline: deadline)
        let output: CommandOutput<OracleWriteReport> = try await OracleLoad(target: target)
            .run(arguments, timeout: longest + processSlack)
        return output.value
    }

    // The longest the calls can take: the budget when there is one, else the slower of the pace and every call
    // running to its deadline.
    private static func longest(calls: Int, concurrency: Int, rate: Double?, budget: Duration?, deadline: Duration) -> Duration {
        if let budget { return budget + deadline }
        let paced = rate.map { Duration.seconds(Double(calls) / $0) } ?? .zero
        return max(paced, deadline * ((calls + concurrency - 1) / concurrency))
    }
}
