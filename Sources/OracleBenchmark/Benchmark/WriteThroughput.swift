/// A write phase's figures: acknowledged calls per second, and what became of the others.
struct WriteThroughput: Sendable {
    /// Calls acknowledged per second of the phase's wall time.
    let acknowledgedPerSecond: Double
    /// The calls not acknowledged, by status ("120 not acknowledged: unavailable 120"); empty when all were.
    let failures: String

    /// The figures of a finished write load.
    init(_ tally: WriteTally) {
        let outcome = tally.outcome
        acknowledgedPerSecond = outcome.wallSeconds > 0 ? Double(outcome.ok) / outcome.wallSeconds : 0
        failures =
            outcome.errors == 0
            ? ""
            : "\(outcome.errors) not acknowledged: "
                + tally.statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}
