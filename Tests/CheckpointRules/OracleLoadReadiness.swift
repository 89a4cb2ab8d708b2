import Foundation

/// What `oracle-benchmark load --wait-ready SECONDS` printed: whether a GetReading succeeded in time, and when.
package struct OracleLoadReadiness: Sendable, Decodable {
    /// Whether a call succeeded within the budget.
    package let ready: Bool
    /// Calls made, the successful one included.
    package let attempts: Int
    /// Seconds from the tool's first attempt to its first success (or to giving up).
    package let seconds: Double
    /// When the first call succeeded (Unix seconds); nil when none did.
    package let readyAtUnix: Double?
    /// The last error, when none succeeded.
    package let lastError: String?

    private enum CodingKeys: String, CodingKey {
        case ready, attempts, seconds
        case readyAtUnix = "ready_at_unix"
        case lastError = "last_error"
    }

    /// When the first call succeeded.
    package var readyAt: Date? { readyAtUnix.map(Date.init(timeIntervalSince1970:)) }
}
