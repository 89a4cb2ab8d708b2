/// A write phase's figures: acknowledged calls per second, the server's CPU per acknowledged call, and what became of
/// the others.
struct WriteThroughput: Sendable {
    /// Calls acknowledged per second of the phase's wall time.
    let acknowledgedPerSecond: Double
    /// The server's CPU time per acknowledged call; nil when not measured or none was acknowledged.
    let cpuPerAcknowledged: Duration?
    /// The calls not acknowledged, by status ("120 not acknowledged: unavailable 120"); empty when all were.
    let failures: String

    /// The figures of a finished write load, during which the server spent `serverCPU` (when measured).
    init(_ tally: WriteTally, serverCPU: Duration? = nil) {
        let outcome = tally.outcome
        acknowledgedPerSecond = outcome.wallSeconds > 0 ? Double(outcome.ok) / outcome.wallSeconds : 0
        cpuPerAcknowledged = outcome.ok > 0 ? serverCPU.map { $0 / outcome.ok } : nil
        failures =
            outcome.errors == 0
            ? ""
            : "\(outcome.errors) not acknowledged: "
                + tally.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
