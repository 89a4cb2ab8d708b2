/// What `oracle-benchmark load --flood-bytes B` printed: how many GetQuestionSign calls, how much question text, how fast.
package struct OracleLoadFlood: Sendable, Decodable {
    /// Calls made.
    package let requests: Int
    /// Calls that succeeded.
    package let ok: Int
    /// Calls that failed.
    package let errors: Int
    /// Bytes of question text sent in all (each is logged in full by the Oracle at DEBUG).
    package let requestBytes: Int
    /// Wall time of all the calls, in seconds.
    package let wallSeconds: Double
    /// The first failure, if any.
    package let firstError: String?

    private enum CodingKeys: String, CodingKey {
        case requests, ok, errors
        case requestBytes = "request_bytes"
        case wallSeconds = "wall_seconds"
        case firstError = "first_error"
    }
}
