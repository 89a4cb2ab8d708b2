import Foundation

/// What `oracle_load.py --wait-ready` printed: whether a GetReading succeeded in time, and when.
struct OracleLoadReadiness: Sendable, Decodable {
    /// Whether a call succeeded within the budget.
    let ready: Bool
    /// Calls made, the successful one included.
    let attempts: Int
    /// Seconds from the tool's first attempt to its first success (or to giving up).
    let seconds: Double
    /// When the first call succeeded (Unix seconds); nil when none did.
    let readyAtUnix: Double?
    /// The last error, when none succeeded.
    let lastError: String?

    private enum CodingKeys: String, CodingKey {
        case ready, attempts, seconds
        case readyAtUnix = "ready_at_unix"
        case lastError = "last_error"
    }

    /// When the first call succeeded.
    var readyAt: Date? { readyAtUnix.map(Date.init(timeIntervalSince1970:)) }
}
