/// ``CapturedLogs/waitFor(_:within:)`` saw no record with the message it waited for.
public struct LogRecordNotFound: Error, CustomStringConvertible {
    /// The start of the message waited for.
    public let prefix: String
    /// How long it waited.
    public let limit: Duration
    /// Every message that was logged instead.
    public let messages: [String]

    /// "no '<prefix>' record within <limit>; got:" and the messages, one a line.
    public var description: String {
        "no '\(prefix)' record within \(limit); got:\n\(messages.joined(separator: "\n"))"
    }
}
