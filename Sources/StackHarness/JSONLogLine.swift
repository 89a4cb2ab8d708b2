import Foundation

/// One structured log line: a JSON object with (at least, when well-formed) time, level and message.
public struct JSONLogLine: Sendable, Hashable {
    /// The 1-based line number in the text it came from.
    public let lineNumber: Int
    /// The line as written.
    public let text: String
    /// Its members.
    public let fields: [String: JSONValue]

    /// The "time" field as written.
    public var timeText: String? { fields["time"]?.string }
    /// The "time" field as a date, if it is RFC 3339.
    public var time: Date? { timeText.flatMap(RFC3339Nano.date(from:)) }
    /// The "level" field, e.g. "info", "error".
    public var level: String? { fields["level"]?.string }
    /// The "message" field.
    public var message: String? { fields["message"]?.string }
    /// Whether time, level and message are all present.
    public var hasRequiredFields: Bool { timeText != nil && level != nil && message != nil }
}
