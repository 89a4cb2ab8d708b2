/// What `--readings N` adds to the batch summary: the calls asked for and the latencies (nearest rank) of those that
/// succeeded, in milliseconds; 0 when none did.
struct ReadingsFigures: Encodable, Sendable, Equatable {
    /// Calls made.
    let count: Int
    /// Median latency.
    let p50Ms: Double
    /// 99th-percentile latency.
    let p99Ms: Double
    /// The slowest call.
    let maxMs: Double

    /// The figures of `count` calls, from their outcome (latencies ascending).
    init(count: Int, outcome: BatchOutcome) {
        self.count = count
        p50Ms = outcome.latencies.nearestRank(0.50) ?? 0
        p99Ms = outcome.latencies.nearestRank(0.99) ?? 0
        maxMs = outcome.latencies.last ?? 0
    }
}
