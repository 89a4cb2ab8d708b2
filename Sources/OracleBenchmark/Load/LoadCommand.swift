import GRPCCore
import GRPCNIOTransportHTTP2

/// `oracle-benchmark load`: drives a running Oracle over gRPC in one mode (or abuses one connection to a port of the
/// stack) and reports what it measured as one JSON line.
struct LoadCommand: Sendable {
    /// Reconnect within 50 to 100 ms while the server is still starting, so `--wait-ready` sees the first moment it listens.
    static let reconnectBackoff = HTTP2ClientTransport.Config.Backoff(
        initial: .milliseconds(50),
        max: .milliseconds(100),
        multiplier: 1.6,
        jitter: 0.2
    )
    /// How long a `--wait-ready` attempt may take.
    static let attemptTimeout: Duration = .seconds(1)
    /// How long the client's connections get to close after the calls before they are cancelled.
    static let shutdownGrace: Duration = .seconds(2)

    /// The command line.
    let options: LoadOptions

    /// Runs the mode; returns the JSON line and the exit status (0 or 1). Throws when no client can be made or a
    /// probe's request cannot be encoded (exit 2).
    func run() async throws -> (line: String, status: Int32) {
        // The abuse speaks its own bytes, to HTTP ports too: a gRPC client would only add a polite connection of its own.
        if case .abuse(let abuse) = options.mode {
            let report = await abuse.run(against: options.target)
            return (try report.jsonLine(), report.exitStatus)
        }
        let client = GRPCClient(transport: try options.target.transport(backoff: Self.reconnectBackoff))
        let measured = await withTaskGroup(of: Void.self, returning: Result<any LoadReport, any Error>.self) { group in
            group.addTask { try? await client.runConnections() }
            let report: Result<any LoadReport, any Error>
            do {
                report = .success(try await measure(OracleCalls(oracle: .init(wrapping: client)), raw: RawCall(client: client)))
            } catch {
                report = .failure(error)
            }
            client.beginGracefulShutdown()
            // A graceful shutdown waits for the target's name to resolve, so for a name that never does it never ends;
            // the connections get `shutdownGrace`, then they are cancelled.
            group.addTask { try? await Task.sleep(for: Self.shutdownGrace) }
            _ = await group.next()
            group.cancelAll()
            return report
        }
        let report = try measured.get()
        return (try report.jsonLine(), report.exitStatus)
    }

    /// Makes the mode's calls (through the stubs, or as raw bytes for the probes) and reports them.
    func measure(_ calls: OracleCalls, raw: RawCall) async throws -> any LoadReport {
        switch options.mode {
        case .waitReady(let budget):
            return await ReadinessWait(budget: budget).run { try await calls.reading(within: Self.attemptTimeout) }
        case .readings(let count):
            let outcome = await CallBatch(total: count, concurrency: options.concurrency).run { _ in try await calls.reading() }
            return BatchReport(
                summary: BatchSummary(mode: "readings", concurrency: options.concurrency, outcome: outcome),
                figures: ReadingsFigures(count: count, outcome: outcome)
            )
        case .flood(let bytes):
            let questions = FloodQuestions()
            let requests = questions.calls(toSend: bytes)
            let outcome = await CallBatch(total: requests, concurrency: options.concurrency).run { index in
                try await calls.questionSign(questions.question(index), seed: index)
            }
            return BatchReport(
                summary: BatchSummary(mode: "flood", concurrency: options.concurrency, outcome: outcome),
                figures: FloodFigures(requests: requests, questionBytes: questions.bytesPerQuestion, wallSeconds: outcome.wallSeconds)
            )
        case .writes(let load):
            let tally = await load.run(concurrency: options.concurrency) { kind, key in
                try await calls.write(kind, key: key, within: load.deadline)
            }
            return BatchReport(
                summary: BatchSummary(mode: "writes", concurrency: options.concurrency, outcome: tally.outcome),
                figures: WriteFigures(tally)
            )
        case .inputLimits(let bytes):
            var answers: [InputLimitAnswer] = []
            for probe in try InputLimitProbe.all(sizes: InputLimitProbe.sizes(upTo: bytes)) { answers.append(await probe.run(raw)) }
            return InputLimitReport(answers: answers)
        case .fuzz(let fuzz):
            return try await fuzz.run(raw, concurrency: options.concurrency)
        case .abuse(let abuse):
            return await abuse.run(against: options.target)
        }
    }
}
