/// What `oracle-benchmark load --readings N` printed: how many calls, how long in all, and the per-call latencies.
package struct OracleLoadReadings: Sendable, Decodable {
    /// Calls made.
    package let count: Int
    /// Calls that succeeded.
    package let ok: Int
    /// Calls that failed.
    package let errors: Int
    /// Calls in flight at once.
    package let concurrency: Int
    /// Wall time of all the calls, in seconds.
    package let wallSeconds: Double
    /// Median per-call latency, in milliseconds.
    package let p50Milliseconds: Double
    /// 99th-percentile per-call latency, in milliseconds.
    package let p99Milliseconds: Double
    /// Slowest call, in milliseconds.
    package let maxMilliseconds: Double
    /// The first failure, if any.
    package let firstError: String?

    private enum CodingKeys: String, CodingKey {
        case count, ok, errors, concurrency
        case wallSeconds = "wall_seconds"
        case p50Milliseconds = "p50_ms"
        case p99Milliseconds = "p99_ms"
        case maxMilliseconds = "max_ms"
        case firstError = "first_error"
    }
}
