/// A log line that is not one JSON object, with where it was.
package struct RejectedLogLine: Sendable, Hashable {
    /// The 1-based line number.
    package let lineNumber: Int
    /// The line as written.
    package let text: String
}
