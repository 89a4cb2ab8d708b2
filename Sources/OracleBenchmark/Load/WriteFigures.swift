/// What `--writes N` adds to the batch summary (whose `ok` is the calls acknowledged and `errors` the others): the
/// acknowledged calls by kind and by key, the others by status, the pace, and the latencies (nearest rank) of the
/// acknowledged calls in milliseconds, 0 when there were none.
struct WriteFigures: Encodable, Sendable, Equatable {
    /// Calls asked for; more than `ok + errors` when `--for` ended the load first.
    let requested: Int
    /// SuggestRange calls acknowledged: one row of oracle_suggestions each.
    let acknowledgedSuggestions: Int
    /// AnalyzeSession calls acknowledged: one or more rows of insights each.
    let acknowledgedAnalyses: Int
    /// The idempotency keys of the calls acknowledged, by index.
    let acknowledgedKeys: [String]
    /// Calls that failed, by gRPC status ("unavailable"); their outcome may be unknown (see `WriteTally`).
    let statuses: [String: Int]
    /// The first failure of each status in `statuses`.
    let messages: [String: String]
    /// Calls made (acknowledged or not) per second of wall time; 0 when no time passed.
    let callsPerSecond: Double
    /// Median latency of the acknowledged calls.
    let p50Ms: Double
    /// 99th-percentile latency of the acknowledged calls.
    let p99Ms: Double

    /// The figures of a finished tally.
    init(_ tally: WriteTally) {
        let outcome = tally.outcome
        requested = tally.load.calls
        acknowledgedSuggestions = tally.acknowledgedSuggestions
        acknowledgedAnalyses = tally.acknowledgedAnalyses
        acknowledgedKeys = tally.acknowledgedKeys
        statuses = tally.statuses
        messages = tally.messages
        callsPerSecond = outcome.wallSeconds > 0 ? Double(outcome.ok + outcome.errors) / outcome.wallSeconds : 0
        p50Ms = outcome.latencies.nearestRank(0.50) ?? 0
        p99Ms = outcome.latencies.nearestRank(0.99) ?? 0
    }
}
