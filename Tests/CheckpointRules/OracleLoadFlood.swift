/// What `oracle_load.py --flood-bytes B` printed: how many GetQuestionSign calls, how much question text, how fast.
struct OracleLoadFlood: Sendable, Decodable {
    /// Calls made.
    let requests: Int
    /// Calls that succeeded.
    let ok: Int
    /// Calls that failed.
    let errors: Int
    /// Bytes of question text sent in all (each is logged in full by the Oracle at DEBUG).
    let requestBytes: Int
    /// Wall time of all the calls, in seconds.
    let wallSeconds: Double
    /// The first failure, if any.
    let firstError: String?

    private enum CodingKeys: String, CodingKey {
        case requests, ok, errors
        case requestBytes = "request_bytes"
        case wallSeconds = "wall_seconds"
        case firstError = "first_error"
    }
}
