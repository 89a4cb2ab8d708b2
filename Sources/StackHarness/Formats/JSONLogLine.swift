import Foundation
import LogTimeFormat

/// One structured log line: a JSON object with (at least, when well-formed) time, level and message, under the
/// keys the services' encoder writes (``LogLineKey``).
public struct JSONLogLine: Sendable, Hashable {
    /// The 1-based line number in the text it came from.
    public let lineNumber: Int
    /// The line as written.
    public let text: String
    /// Its members.
    public let fields: [String: JSONValue]

    /// The "time" field as written.
    public var timeText: String? { fields[LogLineKey.time.rawValue]?.string }
    /// The "time" field as a date, if it is RFC 3339.
    public var time: Date? { timeText.flatMap(RFC3339Nano.date(from:)) }
    /// The "level" field, e.g. "info", "error".
    public var level: String? { fields[LogLineKey.level.rawValue]?.string }
    /// The "message" field.
    public var message: String? { fields[LogLineKey.message.rawValue]?.string }
    /// Whether time, level and message (``LogLineKey/required``) are all present as strings.
    public var hasRequiredFields: Bool { LogLineKey.required.allSatisfy { fields[$0.rawValue]?.string != nil } }
}
