/// A log line that is not one JSON object, with where it was.
public struct RejectedLogLine: Sendable, Hashable {
    /// The 1-based line number.
    public let lineNumber: Int
    /// The line as written.
    public let text: String
}
