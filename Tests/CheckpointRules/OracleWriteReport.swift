/// What `oracle-benchmark load --writes N --key-prefix P` printed: the calls the Oracle acknowledged, by kind and by
/// idempotency key (`P-index`), and the others by gRPC status.
///
/// A failed call was not acknowledged, but its rows may exist when its outcome is unknown (a deadline exceeded, a
/// connection lost mid-call): the acknowledged calls bound the rows from below, and those plus the calls of unknown
/// outcome bound them from above.
package struct OracleWriteReport: Sendable, Decodable, Equatable {
    /// Calls asked for; more than `ok + errors` when the time budget (`--for`) ended the run first.
    package let requested: Int
    /// Calls acknowledged.
    package let ok: Int
    /// Calls not acknowledged.
    package let errors: Int
    /// Calls in flight at once.
    package let concurrency: Int
    /// SuggestRange calls acknowledged: one oracle_suggestions row each, its record_key the call's key.
    package let acknowledgedSuggestions: Int
    /// AnalyzeSession calls acknowledged: one or more insights rows each, with the call's key as session_id and
    /// `key/1`, `key/2`, … as record_key.
    package let acknowledgedAnalyses: Int
    /// The keys of the calls acknowledged, in call order (even indexes are SuggestRange, odd AnalyzeSession).
    package let acknowledgedKeys: [String]
    /// Calls not acknowledged, by gRPC status code in snake_case ("unavailable", "deadline_exceeded").
    package let statuses: [String: Int]
    /// The first failure of each status in `statuses` ("UNAVAILABLE: …").
    package let messages: [String: String]
    /// Wall time of all the calls, in seconds.
    package let wallSeconds: Double
    /// Calls made per second of wall time.
    package let callsPerSecond: Double
    /// Median latency of the acknowledged calls, in milliseconds.
    package let p50Milliseconds: Double
    /// 99th-percentile latency of the acknowledged calls, in milliseconds.
    package let p99Milliseconds: Double
    /// The first failure, if any.
    package let firstError: String?

    private enum CodingKeys: String, CodingKey {
        case requested, ok, errors, concurrency, statuses, messages
        case acknowledgedSuggestions = "acknowledged_suggestions"
        case acknowledgedAnalyses = "acknowledged_analyses"
        case acknowledgedKeys = "acknowledged_keys"
        case wallSeconds = "wall_seconds"
        case callsPerSecond = "calls_per_second"
        case p50Milliseconds = "p50_ms"
        case p99Milliseconds = "p99_ms"
        case firstError = "first_error"
    }
}
