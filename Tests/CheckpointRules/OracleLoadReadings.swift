/// What `oracle_load.py --readings N` printed: how many calls, how long in all, and the per-call latencies.
struct OracleLoadReadings: Sendable, Decodable {
    /// Calls made.
    let count: Int
    /// Calls that succeeded.
    let ok: Int
    /// Calls that failed.
    let errors: Int
    /// Calls in flight at once.
    let concurrency: Int
    /// Wall time of all the calls, in seconds.
    let wallSeconds: Double
    /// Median per-call latency, in milliseconds.
    let p50Milliseconds: Double
    /// 99th-percentile per-call latency, in milliseconds.
    let p99Milliseconds: Double
    /// Slowest call, in milliseconds.
    let maxMilliseconds: Double
    /// The first failure, if any.
    let firstError: String?

    private enum CodingKeys: String, CodingKey {
        case count, ok, errors, concurrency
        case wallSeconds = "wall_seconds"
        case p50Milliseconds = "p50_ms"
        case p99Milliseconds = "p99_ms"
        case maxMilliseconds = "max_ms"
        case firstError = "first_error"
    }
}
